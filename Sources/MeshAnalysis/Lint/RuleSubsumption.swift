import MeshModel

/// Whether one rule (peer, selector) allows at least what another does, read from how they are written: a sound
/// under-approximation (when it says yes, it is so for every cluster; it may miss covers that depend on labels).
enum RuleSubsumption {
    /// Whether `outer` allows every connection `inner` allows (same policy, same direction).
    static func covers(_ outer: PolicyRule, _ inner: PolicyRule) -> Bool {
        let outerPorts = PortSet.from(outer.ports, namedPorts: nil)
        guard outerPorts.isSuperset(of: PortSet.from(inner.ports, namedPorts: nil)) else { return false }
        if outer.appliesToAnyone { return true }
        if inner.appliesToAnyone { return false }
        let outerPeers = outer.peers ?? []
        return (inner.peers ?? []).allSatisfy { peer in outerPeers.contains { covers($0, peer) } }
    }

    /// Whether the peer `outer` denotes every pod or address `inner` denotes.
    static func covers(_ outer: PolicyPeer, _ inner: PolicyPeer) -> Bool {
        if outer == inner { return true }
        if let innerBlock = inner.ipBlock {
            guard let outerBlock = outer.ipBlock,
                let o = IPBlockMatcher(cidr: outerBlock.cidr, except: outerBlock.except),
                let i = IPBlockMatcher(cidr: innerBlock.cidr, except: innerBlock.except),
                IPBlockChecks.covers(o.cidr, i.cidr)
            else { return false }
            return o.excepts.allSatisfy { cut in
                IPBlockChecks.overlap(cut, i.cidr) == nil || i.excepts.contains { IPBlockChecks.covers($0, cut) }
            }
        }
        if outer.ipBlock != nil { return false }
        if inner.podSelector == nil && inner.namespaceSelector == nil { return true }  // denotes nothing
        switch (outer.namespaceSelector, inner.namespaceSelector) {
        case (nil, nil): break
        case (let o?, _) where o.isEmpty: break
        case (let o?, let i?): guard broader(o, i) else { return false }
        default: return false
        }
        if let pods = outer.podSelector, !pods.isEmpty {
            guard let innerPods = inner.podSelector, broader(pods, innerPods) else { return false }
        }
        return true
    }

    /// Whether every constraint of `outer` is also a constraint of `inner` (so `outer` selects whatever `inner` does).
    static func broader(_ outer: LabelSelector, _ inner: LabelSelector) -> Bool {
        for (key, value) in outer.matchLabels where inner.matchLabels[key] != value { return false }
        let innerRequirements = Set(inner.matchExpressions.map(normalized))
        return outer.matchExpressions.allSatisfy { innerRequirements.contains(normalized($0)) }
    }

    private static func normalized(_ requirement: LabelRequirement) -> LabelRequirement {
        LabelRequirement(key: requirement.key, operator: requirement.operator, values: requirement.values.sorted())
    }
}
