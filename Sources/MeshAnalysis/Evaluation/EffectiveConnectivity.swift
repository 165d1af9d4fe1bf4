import MeshModel

/// The connectivity that a set of NetworkPolicies gives over an inventory (Kubernetes semantics).
public struct EffectiveConnectivity: Sendable {
    /// The policies, namespace resolved and sorted by namespace and name.
    public let policies: [ResolvedPolicy]
    public let map: ConnectivityMap
    public var inventory: Inventory { map.inventory }

    /// Evaluates `policies` over `inventory`; policies without `metadata.namespace` belong to `defaultNamespace`.
    public init(policies: [NetworkPolicy], defaultNamespace: String, inventory: Inventory) {
        let resolved = ResolvedPolicy.sorted(policies, defaultNamespace: defaultNamespace)
        self.policies = resolved
        var map = ConnectivityMap(inventory: inventory)
        map.apply(resolved, matcher: PeerMatcher(groups: inventory.groups))
        self.map = map
    }

    /// Convenience: the inventory inferred from the policies themselves.
    public init(policies: [NetworkPolicy], defaultNamespace: String) {
        self.init(
            policies: policies, defaultNamespace: defaultNamespace,
            inventory: Inventory(policies: policies, defaultNamespace: defaultNamespace))
    }
}

extension ConnectivityMap {
    /// Adds what `policies` isolate and allow. Policies are additive, so the map of a set of policies is the map of
    /// any part of it with the rest applied on top.
    ///
    /// With a `focus`, rule entries of pairs outside it are left out: the map is then exact on the focused pairs and
    /// on every group's isolation and rules towards / from anyone, which is what `groupPorts` reads for them.
    mutating func apply(_ policies: [ResolvedPolicy], matcher: PeerMatcher, focus: PairFocus? = nil) {
        let groups = inventory.groups
        for policy in policies {
            let subjects = matcher.selected(by: policy.policy.podSelector, in: policy.namespace)
            if subjects.isEmpty { continue }
            for s in subjects {
                if policy.isolatesIngress { ingressIsolated[s] = true }
                if policy.isolatesEgress { egressIsolated[s] = true }
            }
            // Subjects whose every pair is needed (all of them without a focus).
            let focusedSubjects = focus.map { focus in subjects.filter { focus.isSource($0) } } ?? subjects
            for rule in policy.egressRules {
                if rule.appliesToAnyone {
                    for s in subjects { allowEgressToAnyone(from: s, rule.ports) }
                    continue
                }
                for d in matcher.matching(rule.peers ?? [], namespace: policy.namespace) {
                    let sources = (focus?.isDestination(d) ?? true) ? subjects : focusedSubjects
                    if sources.isEmpty { continue }
                    let ports = PortSet.from(rule.ports, namedPorts: groups[d].namedPorts)
                    for s in sources { allowEgress(from: s, to: d, ports) }
                }
            }
            for rule in policy.ingressRules {
                if rule.appliesToAnyone {
                    for d in subjects { allowIngressFromAnyone(to: d, rule.ports) }
                    continue
                }
                let sources = matcher.matching(rule.peers ?? [], namespace: policy.namespace)
                let focusedSources = focus.map { focus in sources.filter { focus.isSource($0) } } ?? sources
                for d in subjects {
                    let allowed = (focus?.isDestination(d) ?? true) ? sources : focusedSources
                    if allowed.isEmpty { continue }
                    let ports = PortSet.from(rule.ports, namedPorts: groups[d].namedPorts)
                    for s in allowed { allowIngress(to: d, from: s, ports) }
                }
            }
        }
    }
}
