import Diagnostics

/// Where a finding points: a file, with line and column when the source lines are known.
public struct LintLocation: Hashable, Sendable {
    /// The file as the user named it (or the template a rendered document came from).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?

    /// A location in `file`.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a mark; `withLines: false` keeps only the file (rendered output: the template is known, its
    /// line is not).
    public init?(_ mark: Mark?, withLines: Bool) {
        guard let mark, !mark.file.isEmpty else { return nil }
        self.init(file: mark.file, line: withLines ? mark.line : nil, column: withLines ? mark.column : nil)
    }

    /// `file:line:col`, `file:line` or `file` (standard input reads `<stdin>`, as in every error).
    public var text: String {
        var out = file == "-" ? "<stdin>" : file
        if let line { out += ":\(line)" }
        if let line, line > 0, let column { out += ":\(column)" }
        return out
    }
}
