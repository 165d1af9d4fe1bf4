/// A position in a source file: 1-based line and column.
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    /// The file name as the user gave it (`values/vald.yaml`, `-` for stdin, `--set` for overrides).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the prefix of every error message.
    public var description: String { "\(file):\(line):\(column)" }
}
