import GoValues

extension LintReport {
    /// `{"findings": [{"rule", "severity", "message", "subject", "file", "line", "column"}], "summary": {"error",
    /// "warning", "info"}}`; location keys only where known; keys sorted.
    public var json: String {
        let counts = self.counts
        let summary = Value.map(Dictionary(uniqueKeysWithValues: LintSeverity.allCases.map { ($0.rawValue, Value.int(Int64(counts[$0] ?? 0))) }))
        let value = Value.map(["findings": .list(findings.map(\.jsonValue)), "summary": summary])
        return GoJSON.encodeIndented(value, escapeHTML: false) + "\n"
    }
}

extension LintFinding {
    var jsonValue: Value {
        var fields: [String: Value] = [
            "rule": .string(rule.rawValue), "severity": .string(severity.rawValue), "message": .string(message),
            "subject": .string(subject),
        ]
        if let location {
            fields["file"] = .string(location.file)
            if let line = location.line { fields["line"] = .int(Int64(line)) }
            if let column = location.column { fields["column"] = .int(Int64(column)) }
        }
        return .map(fields)
    }
}
