/// A schema that cannot be used: not JSON, or a `$ref` that names nothing, or a pattern the
/// regex engine rejects. Its text follows Helm's validator where Helm reports the same problem.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in Helm's words where Helm reports the same problem.
    public var message: String
    /// 1-based line and column in the schema file, when known.
    public var line: Int?
    /// 1-based column in the schema file, when known.
    public var column: Int?

    /// A problem, with where it is when known.
    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The message.
    public var description: String { message }
}
