/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum LintSeverity: String, CaseIterable, Sendable, Comparable {
    case info, warning, error

    public static func < (a: LintSeverity, b: LintSeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The SARIF 2.1.0 `level` of the severity (`note` for info).
    public var sarifLevel: String { self == .info ? "note" : rawValue }
}
