import GoValues
import MeshModel

extension MeshSpec {
    /// `.Mesh` with its policies converted one by one from `policies` (`expand()`'s), each rule and peer
    /// converted where it appears: the plain form that `templateValue()`, built from the expansion plan with
    /// shared parts converted once, must equal. The rest of `.Mesh` is `templateValue()`'s.
    func templateValue(convertingEach policies: [NetworkPolicy]) -> Value {
        guard case .map(var mesh) = templateValue() else { return .null }
        mesh["policies"] = .list(policies.map { p in
            let ingress = (p.ingress ?? []).map { $0.toValue(direction: .ingress) }
            let egress = (p.egress ?? []).map { $0.toValue(direction: .egress) }
            let podSelector = p.podSelector.toValue()
            let policyTypes: Value = .list(p.policyTypes.map { .string($0.rawValue) })
            var spec: [String: Value] = ["podSelector": podSelector, "policyTypes": policyTypes]
            if p.ingress != nil { spec["ingress"] = .list(ingress) }
            if p.egress != nil { spec["egress"] = .list(egress) }
            return .map([
                "name": .string(p.name),
                "namespace": p.namespace.map(Value.string) ?? .null,
                "component": p.labels[componentLabelKey].map(Value.string) ?? .null,
                "labels": .map(p.labels.mapValues(Value.string)),
                "podSelector": podSelector,
                "policyTypes": policyTypes,
                "ingress": .list(ingress),
                "egress": .list(egress),
                "spec": .map(spec),
            ])
        })
        return .map(mesh)
    }
}
