import MeshModel

/// `lint`: what NetworkPolicy analyzers and linters flag, over a manifest stream's policies and workloads.
///
/// Every rule reads the same resolved policies and workload endpoints as the rest of the analysis (selection and
/// peer matching are the one semantics'); findings come sorted by file, line and rule id.
public struct Linter: Sendable {
    /// Which rules run, against which cluster ranges.
    public let options: LintOptions

    /// A linter with `options`.
    public init(options: LintOptions = LintOptions()) {
        self.options = options
    }

    /// The findings of every enabled rule; objects without a namespace belong to `defaultNamespace`.
    public func findings(in objects: ManifestObjects, defaultNamespace: String) -> [LintFinding] {
        let subjects = LintSubjects(objects: objects, defaultNamespace: defaultNamespace, options: options)
        let checks: [(LintSubjects) -> [LintFinding]] = [
            IsolationChecks.findings, DanglingChecks.findings, OpenPeerChecks.findings, PortChecks.findings,
            IPBlockChecks.findings, RedundancyChecks.findings,
        ]
        var all: [LintFinding] = []
        for check in checks { all += check(subjects).filter { !options.disabled.contains($0.rule) } }
        return all.sorted(by: LintFinding.precedes)
    }

    /// The report of `findings` in objects (see `findings(in:defaultNamespace:)`).
    public func report(_ objects: ManifestObjects, defaultNamespace: String) -> LintReport {
        LintReport(findings: findings(in: objects, defaultNamespace: defaultNamespace), options: options)
    }
}
