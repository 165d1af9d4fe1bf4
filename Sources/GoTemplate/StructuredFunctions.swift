import YAMLCore

/// An argument of a function that takes Go structs: plain data, or a `time.Time` made by a date
/// function.
struct StructuredArgument {
    let value: Value
    let time: GoTime?
}

/// What such a function returns: plain data, a `time.Time`, or another struct.
enum StructuredResult {
    case value(Value)
    case time(GoTime)
    case structure(GoStruct)
}

typealias StructuredFunction = @Sendable ([StructuredArgument]) throws -> StructuredResult
