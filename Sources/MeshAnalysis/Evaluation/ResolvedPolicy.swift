import MeshModel

/// A NetworkPolicy with its namespace resolved and `policyTypes` defaulted as Kubernetes does: when absent,
/// Ingress always, Egress only if the policy has egress rules. Rules of a direction the policy does not isolate
/// are ignored, as in Kubernetes.
public struct ResolvedPolicy: Hashable, Sendable {
    public let policy: NetworkPolicy
    public let namespace: String
    public let isolatesIngress: Bool
    public let isolatesEgress: Bool

    public init(_ policy: NetworkPolicy, defaultNamespace: String) {
        self.policy = policy
        namespace = policy.namespace ?? defaultNamespace
        if policy.policyTypes.isEmpty {
            isolatesIngress = true
            isolatesEgress = !(policy.egress ?? []).isEmpty
        } else {
            isolatesIngress = policy.policyTypes.contains(.ingress)
            isolatesEgress = policy.policyTypes.contains(.egress)
        }
    }

    public var name: String { policy.name }

    /// Ingress rules that take effect (none unless the policy isolates ingress).
    public var ingressRules: [PolicyRule] { isolatesIngress ? policy.ingress ?? [] : [] }
    /// Egress rules that take effect.
    public var egressRules: [PolicyRule] { isolatesEgress ? policy.egress ?? [] : [] }

    /// Whether the policy selects the endpoint (a pod in its namespace matching its podSelector).
    public func selects(_ endpoint: InventoryEndpoint) -> Bool {
        guard case .pod(let namespace, let labels, _) = endpoint.address else { return false }
        return namespace == self.namespace && policy.podSelector.matches(labels)
    }

    /// Sorted by namespace, then name: the order results list policies in.
    static func sorted(_ policies: [NetworkPolicy], defaultNamespace: String) -> [ResolvedPolicy] {
        policies.map { ResolvedPolicy($0, defaultNamespace: defaultNamespace) }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }
}

extension PolicyPeer {
    /// Whether this peer of a rule in a policy of `policyNamespace` denotes the endpoint. `ipBlock` matches
    /// addresses only (pods are not matched by ipBlock in this model); `podSelector` alone means pods of the
    /// policy's namespace; `namespaceSelector` alone, every pod of the matching namespaces; both, the matching pods
    /// of the matching namespaces. A peer with none of the three denotes nothing.
    public func matches(_ endpoint: InventoryEndpoint, policyNamespace: String) -> Bool {
        if let ipBlock {
            guard case .ip(let address) = endpoint.address,
                let matcher = IPBlockMatcher(cidr: ipBlock.cidr, except: ipBlock.except)
            else { return false }
            return matcher.contains(address)
        }
        guard case .pod(let namespace, let labels, let namespaceLabels) = endpoint.address else { return false }
        switch (podSelector, namespaceSelector) {
        case (nil, nil): return false
        case (let pods?, nil): return namespace == policyNamespace && pods.matches(labels)
        case (nil, let namespaces?): return namespaces.matches(namespaceLabels)
        case (let pods?, let namespaces?): return namespaces.matches(namespaceLabels) && pods.matches(labels)
        }
    }
}

extension PolicyRule {
    /// A rule without peers applies to every endpoint, pods and addresses alike.
    public var appliesToAnyone: Bool { (peers ?? []).isEmpty }

    /// Whether the rule's peers denote the endpoint.
    public func matchesPeer(_ endpoint: InventoryEndpoint, policyNamespace: String) -> Bool {
        guard let peers, !peers.isEmpty else { return true }
        return peers.contains { $0.matches(endpoint, policyNamespace: policyNamespace) }
    }
}
