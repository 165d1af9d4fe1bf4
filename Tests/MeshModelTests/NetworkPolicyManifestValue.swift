import GoValues
import MeshModel

// A whole NetworkPolicy written back as the dynamic value of its manifest, to compare with the manifest it was
// parsed from. The product writes policies through the chart's templates (`.Mesh`), never this way.

extension NetworkPolicy {
    /// The `spec` object.
    func specValue() -> Value {
        var spec: [String: Value] = [
            "podSelector": podSelector.toValue(),
            "policyTypes": .list(policyTypes.map { .string($0.rawValue) }),
        ]
        if let ingress { spec["ingress"] = .list(ingress.map { $0.toValue(direction: .ingress) }) }
        if let egress { spec["egress"] = .list(egress.map { $0.toValue(direction: .egress) }) }
        return .map(spec)
    }

    /// The whole manifest: `apiVersion`, `kind`, `metadata` (name, namespace when set, labels and annotations
    /// when non-empty) and `spec`.
    func toValue() -> Value {
        var metadata: [String: Value] = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        if !labels.isEmpty { metadata["labels"] = .map(labels.mapValues(Value.string)) }
        if !annotations.isEmpty { metadata["annotations"] = .map(annotations.mapValues(Value.string)) }
        return .map([
            "apiVersion": .string("networking.k8s.io/v1"),
            "kind": .string("NetworkPolicy"),
            "metadata": .map(metadata),
            "spec": specValue(),
        ])
    }
}
