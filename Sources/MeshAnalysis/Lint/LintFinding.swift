import YAMLCore

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

    /// `file:line:col`, `file:line` or `file`.
    public var text: String {
        var out = file
        if let line { out += ":\(line)" }
        if let line, line > 0, let column { out += ":\(column)" }
        return out
    }
}

/// One thing `lint` reports: a rule, what it found and where.
public struct LintFinding: Hashable, Sendable {
    /// The rule that found it.
    public var rule: LintRule
    /// What was found, naming the policy, rule and pods concerned.
    public var message: String
    /// The policy (`ns/name`), workload (`ns/name[Kind]`) or namespace the finding is about.
    public var subject: String
    /// Where it was written; `nil` when the input has no file (objects built in code).
    public var location: LintLocation?

    /// A finding of `rule`.
    public init(rule: LintRule, message: String, subject: String, location: LintLocation?) {
        self.rule = rule
        self.message = message
        self.subject = subject
        self.location = location
    }

    /// The rule's severity.
    public var severity: LintSeverity { rule.severity }

    /// The report's order: by file, line, rule id, column, then message; findings without a location last.
    static func precedes(_ a: LintFinding, _ b: LintFinding) -> Bool {
        switch (a.location, b.location) {
        case (nil, .some): return false
        case (.some, nil): return true
        case (let x?, let y?):
            if x.file != y.file { return x.file.utf8.lexicographicallyPrecedes(y.file.utf8) }
            if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
        case (nil, nil): break
        }
        if a.rule != b.rule { return a.rule < b.rule }
        let (ac, bc) = (a.location?.column ?? 0, b.location?.column ?? 0)
        if ac != bc { return ac < bc }
        if a.subject != b.subject { return a.subject.utf8.lexicographicallyPrecedes(b.subject.utf8) }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }
}
