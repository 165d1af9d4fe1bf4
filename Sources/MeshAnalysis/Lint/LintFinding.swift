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
