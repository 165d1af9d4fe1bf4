import GoValues

/// An argument of a function that takes Go structs: plain data, a `time.Time` made by a date
/// function, or another struct (`value` is then its ``GoStruct/jsonView``).
struct StructuredArgument {
    let value: Value
    let time: GoTime?
    var structure: GoStruct? = nil
}

/// What such a function returns: plain data, a `time.Time`, or another struct.
enum StructuredResult {
    case value(Value)
    case time(GoTime)
    case structure(GoStruct)
}

typealias StructuredFunction = @Sendable ([StructuredArgument]) throws -> StructuredResult
