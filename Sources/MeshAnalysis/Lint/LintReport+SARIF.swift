extension LintReport {
    /// The report as a SARIF 2.1.0 log: one run whose driver lists the rules that ran, one result per finding with
    /// its rule id and index, level, message and, where known, the file and region.
    public func sarif(toolVersion: String) -> String {
        SARIFLog(
            rules: rules.map { .init(id: $0.rawValue, summary: $0.summary, level: $0.severity.sarifLevel) },
            results: findings.map {
                .init(ruleID: $0.rule.rawValue, level: $0.severity.sarifLevel, message: $0.message, location: $0.location)
            },
            toolVersion: toolVersion
        ).text
    }
}
