import GoValues

/// An argument of a function that takes Go structs: plain data, a `time.Time` made by a date
/// function, or another struct (`value` is then its ``GoStruct/jsonView``).
public struct StructuredArgument {
    /// The argument as data (a struct's ``GoStruct/jsonView``).
    public let value: Value
    /// The `time.Time` the argument is, if it is one.
    public let time: GoTime?
    /// The struct the argument is, if it is one other than a time.
    public var structure: GoStruct? = nil

    /// An argument of data `value`, a time `time` or a struct `structure`.
    public init(value: Value, time: GoTime?, structure: GoStruct? = nil) {
        self.value = value
        self.time = time
        self.structure = structure
    }
}

/// What such a function returns: plain data, a `time.Time`, or another struct.
public enum StructuredResult {
    case value(Value)
    case time(GoTime)
    case structure(GoStruct)
}

/// A function whose arguments or result may be Go structs (`time.Time`, `*semver.Version`).
public typealias StructuredFunction = @Sendable ([StructuredArgument]) throws -> StructuredResult
