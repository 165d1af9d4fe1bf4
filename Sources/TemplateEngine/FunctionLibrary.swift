/// How a function name resolves: a function given to the engine (as its traits call it), one of
/// Go's builtins, or an engine mechanism.
enum FunctionImplementation {
    case external(TemplateFunction)
    /// A function whose arguments or result may be Go structs (`time.Time`, `*semver.Version`).
    case structured(StructuredFunction)
    case builtin(Builtin)
    case engine(EngineMechanism)
}

/// A name's implementation with the traits it was registered with: one object per registration,
/// shared by every reference to the name in parsed templates.
final class ResolvedFunction: @unchecked Sendable {
    let implementation: FunctionImplementation
    let traits: FunctionTraits
    /// Whether the function's result differs from call to call (``TemplateSet/changingResults``).
    let resultsVary: Bool

    init(implementation: FunctionImplementation, traits: FunctionTraits, name: String = "") {
        self.implementation = implementation
        self.traits = traits
        self.resultsVary = TemplateSet.changingResults.contains(name)
    }
}

/// The functions visible to templates: Go's builtins, then what is registered, a later
/// registration of a name replacing an earlier one (as Go's `Funcs` entries shadow builtins).
/// The engine knows no function by name beyond Go's builtins: each declares its
/// ``FunctionTraits``.
public struct FunctionLibrary: @unchecked Sendable {
    var functions: [String: ResolvedFunction] = [:]

    /// Go's builtins (`and`, `or`, `not`, `len`, `index`, `slice`, `print`, `printf`, `println`,
    /// `html`, `js`, `urlquery`, `call`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`) and nothing else.
    public init() {
        for b in Builtin.allCases {
            // `len` looks at the top level only: a map that contains itself has a length.
            let traits = FunctionTraits(onCycle: b == .len ? .answersShallow : .fails)
            functions[b.rawValue] = ResolvedFunction(implementation: .builtin(b), traits: traits)
        }
    }

    /// Registers `body` under `name`, called as `traits` declare.
    public mutating func register(_ name: String, _ body: @escaping TemplateFunction, traits: FunctionTraits = FunctionTraits()) {
        functions[name] = ResolvedFunction(implementation: .external(body), traits: traits, name: name)
    }

    /// Registers a function taking or returning Go structs under `name`.
    public mutating func register(
        _ name: String, structured body: @escaping StructuredFunction, traits: FunctionTraits = FunctionTraits()
    ) {
        functions[name] = ResolvedFunction(implementation: .structured(body), traits: traits, name: name)
    }

    /// Registers one of the engine's mechanisms under `name`.
    public mutating func register(_ name: String, engine mechanism: EngineMechanism) {
        functions[name] = ResolvedFunction(implementation: .engine(mechanism), traits: FunctionTraits())
    }

    /// Registers every function of `table` as a plain function (a caller's own functions).
    public mutating func register(_ table: [String: TemplateFunction]) {
        for (name, f) in table { register(name, f) }
    }

    /// Whether `name` is a function of the library.
    public func contains(_ name: String) -> Bool { functions[name] != nil }

    /// The traits `name` was registered with.
    public func traits(of name: String) -> FunctionTraits? { functions[name]?.traits }
}
