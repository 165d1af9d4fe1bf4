import MeshModel

/// Finds the inventory groups a peer denotes, through label indexes instead of scanning every group, and caches
/// the answer per (peer, namespace): in a mesh the same peer appears in many policies.
final class PeerMatcher {
    private struct LabelPair: Hashable {
        var key: String
        var value: String
    }

    private struct CacheKey: Hashable {
        var peer: PolicyPeer
        var namespace: String
    }

    private let groups: [InventoryEndpoint]
    private var podGroups: [Int] = []
    private var addressGroups: [Int] = []
    private var byPodLabel: [LabelPair: [Int]] = [:]
    private var byNamespaceLabel: [LabelPair: [Int]] = [:]
    private var byNamespace: [String: [Int]] = [:]
    private var cache: [CacheKey: [Int]] = [:]

    init(groups: [InventoryEndpoint]) {
        self.groups = groups
        for (index, group) in groups.enumerated() {
            switch group.address {
            case .ip: addressGroups.append(index)
            case .pod(let namespace, let labels, let namespaceLabels):
                podGroups.append(index)
                byNamespace[namespace, default: []].append(index)
                for (key, value) in labels { byPodLabel[LabelPair(key: key, value: value), default: []].append(index) }
                for (key, value) in namespaceLabels {
                    byNamespaceLabel[LabelPair(key: key, value: value), default: []].append(index)
                }
            }
        }
    }

    /// Every group (for rules without peers).
    var allGroups: Range<Int> { 0..<groups.count }

    /// Groups a policy in `namespace` with this podSelector selects.
    func selected(by selector: LabelSelector, in namespace: String) -> [Int] {
        matching(PolicyPeer(podSelector: selector), namespace: namespace)
    }

    /// Groups the peer denotes, ascending.
    func matching(_ peer: PolicyPeer, namespace: String) -> [Int] {
        let candidates = candidates(for: peer, namespace: namespace)
        // A few candidates are checked at once: cheaper than hashing the peer.
        if candidates.count <= Self.uncachedCandidates {
            return candidates.filter { peer.matches(groups[$0], policyNamespace: namespace) }
        }
        let key = CacheKey(peer: peer, namespace: peer.namespaceSelector == nil ? namespace : "")
        if let cached = cache[key] { return cached }
        let result = candidates.filter { peer.matches(groups[$0], policyNamespace: namespace) }
        cache[key] = result
        return result
    }

    /// Peers with at most this many candidate groups are matched without the cache.
    static let uncachedCandidates = 16

    /// Union of the groups a rule's peers denote, ascending.
    func matching(_ peers: [PolicyPeer], namespace: String) -> [Int] {
        if peers.count == 1 { return matching(peers[0], namespace: namespace) }
        var all: [Int] = []
        for peer in peers { all += matching(peer, namespace: namespace) }
        all.sort()
        var previous = -1
        return all.filter { group in
            defer { previous = group }
            return group != previous
        }
    }

    private func candidates(for peer: PolicyPeer, namespace: String) -> [Int] {
        if peer.ipBlock != nil { return addressGroups }
        if let pods = peer.podSelector, let list = smallestList(pods.matchLabels, in: byPodLabel) { return list }
        if let namespaces = peer.namespaceSelector {
            return smallestList(namespaces.matchLabels, in: byNamespaceLabel) ?? podGroups
        }
        if peer.podSelector != nil {
            return byNamespace[namespace] ?? []
        }
        return []
    }

    private func smallestList(_ labels: [String: String], in index: [LabelPair: [Int]]) -> [Int]? {
        var best: [Int]?
        for (key, value) in labels {
            let list = index[LabelPair(key: key, value: value)] ?? []
            if best == nil || list.count < best!.count { best = list }
        }
        return best
    }
}
