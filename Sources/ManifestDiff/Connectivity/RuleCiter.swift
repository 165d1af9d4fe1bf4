import MeshAnalysis
import MeshModel

/// A rule a flow change cites: `ingress of vald-agent-allow rule 2`, and the values entry it came from when known.
public struct CitedRuleSource: Hashable, Sendable {
    public var rule: String
    public var source: ValuesOrigin?

    public init(rule: String, source: ValuesOrigin?) {
        self.rule = rule
        self.source = source
    }

    /// `ingress of vald-agent-allow rule 2 (values/vald.yaml:48 mesh.connectivityTable (lb-gateway → agent))`.
    public var text: String { rule + (source.map { " (\($0))" } ?? "") }
}

/// Names the rules of one release that allow a flow, through `verify --explain`'s explanation of the pair.
struct RuleCiter {
    let effective: EffectiveConnectivity
    let traces: [String: PolicyTrace]

    init(_ objects: ManifestObjects, traces: [String: PolicyTrace]?, _ comparison: ReleaseComparison, _ namespace: String) {
        effective = EffectiveConnectivity(policies: objects.policies, defaultNamespace: namespace, inventory: comparison.inventory)
        self.traces = traces ?? [:]
    }

    /// The rules of isolating policies that allow some of `ports` from `from` to `to` (endpoint names), egress side first.
    func rules(from: String, to: String, ports: PortSet) -> [CitedRuleSource] {
        guard let explanation = try? effective.explain(from: from, to: to).citingSources(traces) else { return [] }
        var result: [CitedRuleSource] = []
        for side in [explanation.egress, explanation.ingress] where side.isolated {
            let word = side.direction == .egress ? "egress" : "ingress"
            for verdict in side.verdicts where verdict.ruleNumber != nil && !verdict.ports.intersection(ports).isEmpty {
                result.append(CitedRuleSource(rule: "\(word) of \(verdict.policy) rule \(verdict.ruleNumber!)", source: verdict.source))
            }
        }
        return result
    }
}
