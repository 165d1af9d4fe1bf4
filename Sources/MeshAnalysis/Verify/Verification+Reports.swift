import YAML

extension Verification {
    /// The two kinds of difference, as report rules.
    public enum DifferenceKind: String, CaseIterable, Sendable {
        /// Allowed by the policies, not intended.
        case extraFlow = "extra-flow"
        /// Intended, not allowed by the policies.
        case missingFlow = "missing-flow"

        public var summary: String {
            switch self {
            case .extraFlow: return "A flow the policies allow that the mesh does not intend."
            case .missingFlow: return "A flow the mesh intends that the policies do not allow."
            }
        }
    }

    /// One reportable difference: a flow with extra or missing ports, where the cited rule or policy is.
    public struct Finding: Sendable {
        public var kind: DifferenceKind
        public var difference: FlowDifference
        public var location: LintLocation?
    }

    /// Each difference once per kind it has (extra ports, missing ports), located by `locate` at the first rule
    /// (extra) or isolating policy (missing) it cites that `locate` finds.
    public func findings(locate: (CitedRule) -> LintLocation?) -> [Finding] {
        var out: [Finding] = []
        for difference in differences {
            if !difference.extra.isEmpty {
                let location = difference.citedRules.lazy.filter { $0.ruleNumber != nil }.compactMap(locate).first
                out.append(Finding(kind: .extraFlow, difference: difference, location: location))
            }
            if !difference.missing.isEmpty {
                let location = difference.citedRules.lazy.filter { $0.ruleNumber == nil }.compactMap(locate).first
                out.append(Finding(kind: .missingFlow, difference: difference, location: location))
            }
        }
        return out
    }

    /// The result as a SARIF 2.1.0 log: rules `extra-flow` and `missing-flow` (level error), one result per finding.
    public func sarif(toolVersion: String, locate: (CitedRule) -> LintLocation? = { _ in nil }) -> String {
        SARIFLog(
            rules: DifferenceKind.allCases.map { .init(id: $0.rawValue, summary: $0.summary, level: "error") },
            results: findings(locate: locate).map {
                .init(ruleID: $0.kind.rawValue, level: "error", message: $0.difference.description, location: $0.location)
            },
            toolVersion: toolVersion
        ).text
    }

    /// The result as JUnit XML: one test case per source endpoint (`flows from agent`), failing with one `failure`
    /// per differing flow from it (type `extra-flow` or `missing-flow`, the flow as message, the location of the cited
    /// rule in the body when known).
    public func junit(locate: (CitedRule) -> LintLocation? = { _ in nil }) -> String {
        var bySource: [String: [Finding]] = [:]
        let all = findings(locate: locate)
        for finding in all { bySource[finding.difference.from, default: []].append(finding) }
        let failing = endpoints.filter { bySource[$0] != nil }.count
        let tests = endpoints.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"meshrender verify\" tests=\"\(tests)\" failures=\"\(failing)\" errors=\"0\">\n"
        out += "  <testsuite name=\"connectivity\" tests=\"\(tests)\" failures=\"\(failing)\" errors=\"0\" skipped=\"0\">\n"
        for endpoint in endpoints {
            let name = MatrixView.xml("flows from \(endpoint)")
            guard let found = bySource[endpoint] else {
                out += "    <testcase classname=\"meshrender.verify\" name=\"\(name)\"/>\n"
                continue
            }
            out += "    <testcase classname=\"meshrender.verify\" name=\"\(name)\">\n"
            for finding in found {
                var body = finding.difference.description
                if let location = finding.location { body = location.text + ": " + body }
                let message = "\(finding.difference.from) → \(finding.difference.to): \(finding.kind.rawValue)"
                out += "      <failure type=\"\(finding.kind.rawValue)\" message=\"\(MatrixView.xml(message))\">"
                out += MatrixView.xml(body) + "</failure>\n"
            }
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }
}
