import GoValues

/// What a function declares about itself when it is registered in a ``FunctionLibrary``: the
/// engine knows functions by these traits, never by name, and specialises their calls by them
/// (identity of maps and lists kept, output written without a copy, Go's argument checks).
/// A function with no traits is a plain Go function of its arguments' data.
public struct FunctionTraits: Sendable {
    /// How the executor calls it.
    public var role: FunctionRole
    /// The parameters Go declares as `map[string]interface{}` (a nil interface is refused there).
    public var mapParameters: MapParameterPositions?
    /// What it makes of a map or list that contains itself.
    public var onCycle: CycleHandling
    /// A Go parameter of an unsigned integer type, which templates can pass only literals.
    public var unsignedParameter: UnsignedParameter?
    /// What it does with a Go struct argument (nil: the struct is refused where Go declares a
    /// typed parameter, and seen as its ``GoStruct/jsonView`` elsewhere).
    public var structArguments: StructArgumentHandling?

    /// Traits of a function; the defaults are those of a plain function.
    public init(
        role: FunctionRole = .plain, mapParameters: MapParameterPositions? = nil, onCycle: CycleHandling = .fails,
        unsignedParameter: UnsignedParameter? = nil, structArguments: StructArgumentHandling? = nil
    ) {
        self.role = role
        self.mapParameters = mapParameters
        self.onCycle = onCycle
        self.unsignedParameter = unsignedParameter
        self.structArguments = structArguments
    }
}

/// How the executor calls a function, beyond passing it its arguments' data.
public enum FunctionRole: Sendable {
    /// A plain function of its arguments' data.
    case plain
    /// Indents its string input by a count of spaces (with a leading newline when
    /// `leadingNewline`): `X | f N` with a literal N writes X's text indented straight into the
    /// output, and a template included by name (``EngineMechanism/includesTemplate``) is executed
    /// into it directly.
    case indents(leadingNewline: Bool)
    /// Returns the YAML text of its one argument: when an indenting function follows it
    /// (`f . | g 4`), `yamlBytes` writes that text into the output without making the string (a
    /// map or list that contains itself writes nothing, as the function gives "").
    case writesYAML(yamlBytes: @Sendable (Value) -> [UInt8])
    /// Builds a map from key/value pairs; maps and lists given as values keep their identity.
    case buildsMap
    /// Changes its first argument, a map, in place (every holder of the map sees the change).
    case mutatesMap(MapMutation)
    /// Returns maps and lists it was given, or a list or map of them, without copying them.
    case sharesArguments(SharedResult)
}

/// The change a map-mutating function makes to its first argument.
public enum MapMutation: Sendable, Equatable {
    /// `f MAP KEY VALUE`: sets one entry (Go's nil map refuses it: `assignment to entry in nil map`).
    case setsEntry
    /// `f MAP KEY`: removes one entry.
    case removesEntry
    /// `f DEST SRC...`: merges the sources into the destination as Go's mergo does, nested maps
    /// shared; `overwrite` lets the sources' values replace the destination's.
    case mergesMaps(overwrite: Bool)
}

/// Which argument items a sharing function returns (``FunctionRole/sharesArguments(_:)``).
/// Each is computed over the argument items when they have the expected shapes; anything else
/// (errors included) is left to the function over copies.
public enum SharedResult: Sendable, Equatable {
    /// A list of all arguments.
    case listOfArguments
    /// The first (or last) element of its list argument.
    case element(last: Bool)
    /// Its list argument without the first (or last) element.
    case dropping(last: Bool)
    /// Its list argument with the second argument added at the end (or the front).
    case adding(atFront: Bool)
    /// Its list argument reversed.
    case reversed
    /// Its list argument without empty elements.
    case compacted
    /// Its list argument without repeated elements (the first kept).
    case unique
    /// Its list argument without the elements equal to the other arguments.
    case without
    /// All its list arguments joined.
    case concatenated
    /// The elements of its list argument between two integer bounds.
    case sliced
    /// Its second argument, or its first when the second is empty or missing.
    case defaultValue
    /// The first non-empty argument.
    case firstNonEmpty
    /// The first or second argument as the third (a bool) is true or false.
    case ternary
    /// `f KEY... DEFAULT MAP`: the entry at the key path, or the default.
    case dig
    /// `f KEY MAP...`: the entries of KEY in each map.
    case pluck
    /// The values of its map argument, in key order.
    case mapValues
    /// `f MAP KEY`: the entry at KEY (`""` when missing).
    case entry
    /// `f MAP KEY...`: a map of the entries at the keys.
    case picked
    /// `f MAP KEY...`: a map of the entries not at the keys.
    case omitted
}

/// Parameter positions Go declares as `map[string]interface{}`.
public enum MapParameterPositions: Sendable, Equatable {
    /// The first parameter only.
    case first
    /// Every parameter from an index on (variadic maps).
    case from(Int)

    /// Whether argument `index` is one of them.
    @inline(__always)
    public func contains(_ index: Int) -> Bool {
        switch self {
        case .first: return index == 0
        case .from(let start): return index >= start
        }
    }
}

/// What a function makes of a map or list that contains itself (`set $d "self" $d`).
public enum CycleHandling: Sendable, Equatable {
    /// A template error (the function would overflow Go's stack or loop forever).
    case fails
    /// Its result is `""` (an encoder that swallows Go's cycle error).
    case printsEmpty
    /// Fails with this message (an encoder that reports Go's cycle error).
    case reports(String)
    /// Its result depends on the top level only, so it is kept.
    case answersShallow
}

/// A Go parameter of an unsigned integer type (`uint32`): a non-literal argument holds an `int`,
/// which Go does not convert.
public struct UnsignedParameter: Sendable, Equatable {
    /// The parameter's position.
    public let index: Int
    /// Its Go type, as errors name it.
    public let typeName: String

    /// Parameter `index` of Go type `typeName`.
    public init(index: Int, typeName: String) {
        self.index = index
        self.typeName = typeName
    }
}

/// What a function does with a Go struct argument rather than the map it serialises to.
public enum StructArgumentHandling: Sendable, Equatable {
    /// `f X`: X's Go type name.
    case typeName
    /// `f X`: X's reflect kind.
    case kindName
    /// `f NAME X`: whether X's type is NAME.
    case typeIs
    /// `f NAME X`: whether X's type is NAME or a pointer to it.
    case typeIsLike
    /// `f KIND X`: whether X's kind is KIND.
    case kindIs
    /// `f X`: X as JSON (fields in declaration order), HTML escaped or not, indented or not;
    /// an encoder error is reported when `reportsErrors`, else the result is `""`.
    case json(escapesHTML: Bool, indented: Bool, reportsErrors: Bool)
    /// Prints structs with `%v`; `bytesAsText` writes a `[]byte` as its text.
    case printed(bytesAsText: Bool)
    /// Returns a deep copy of a struct first argument.
    case copied
}

/// A Helm function that needs the engine itself; registered under the name templates use
/// (``FunctionLibrary/register(_:engine:)``), its errors name it by that name.
public enum EngineMechanism: Sendable, CaseIterable {
    /// `f NAME DATA`: the output of the template NAME executed with DATA (Helm's `include`).
    case includesTemplate
    /// `f TEXT DATA`: TEXT parsed as a template seeing the set's templates, and executed (`tpl`).
    case executesText
    /// `f MESSAGE VALUE`: VALUE, or an error with MESSAGE when it is nil or `""` (`required`).
    case requiresValue
    /// `f MESSAGE`: always an error with MESSAGE (`fail`).
    case fails
}
