extension LintReport {
    /// One line per finding, as compilers print them, then a count:
    ///
    ///     chart.yaml:12:7: warning: egress rule 1 of vald/x-allow has no peers: … [open-peer]
    ///     2 findings: 0 errors, 2 warnings, 0 info
    public var text: String {
        var out = ""
        for finding in findings {
            if let location = finding.location { out += location.text + ": " }
            out += "\(finding.severity.rawValue): \(finding.message) [\(finding.rule.rawValue)]\n"
        }
        if findings.isEmpty { return "no findings\n" }
        let counts = self.counts
        let errors = counts[.error] ?? 0, warnings = counts[.warning] ?? 0
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s"): "
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(counts[.info] ?? 0) info\n"
        return out
    }
}
