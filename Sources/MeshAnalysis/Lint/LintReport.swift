/// The findings of one `lint` run and the rules it ran, ready to print as text, JSON or SARIF.
public struct LintReport: Sendable {
    /// Sorted by file, line and rule id.
    public let findings: [LintFinding]
    /// The rules that ran (every rule but the disabled ones), in id order.
    public let rules: [LintRule]

    /// The report of `findings`, found with `options`.
    public init(findings: [LintFinding], options: LintOptions) {
        self.findings = findings
        rules = LintRule.allCases.filter { !options.disabled.contains($0) }.sorted()
    }

    /// Whether some finding is at `level` or above (the run then fails: exit status 1).
    public func fails(at level: LintSeverity) -> Bool {
        findings.contains { $0.severity >= level }
    }

    /// How many findings each severity has.
    public var counts: [LintSeverity: Int] {
        var counts: [LintSeverity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    /// The output formats of a report.
    public enum Format: String, CaseIterable, Sendable { case text, json, sarif }

    /// The report in `format`; `toolVersion` goes into SARIF's driver.
    public func rendered(as format: Format, toolVersion: String = "") -> String {
        switch format {
        case .text: return text
        case .json: return json
        case .sarif: return sarif(toolVersion: toolVersion)
        }
    }
}
