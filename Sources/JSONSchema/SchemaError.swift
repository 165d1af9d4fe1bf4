/// A schema that cannot be used: not JSON, or a `$ref` that names nothing, or a pattern the
/// regex engine rejects. Its text follows Helm's validator where Helm reports the same problem.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based line and column in the schema file, when known.
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { message }
}
