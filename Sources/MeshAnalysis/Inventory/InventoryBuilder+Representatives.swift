import MeshModel
import Platform

extension InventoryBuilder {
    /// The inventory: the endpoints added, workloads named by the mesh component their pods belong to, then the
    /// representatives (see the type's documentation) in a fixed order.
    public func build() -> Inventory {
        var builder = self
        builder.nameWorkloadsByComponent()
        builder.endpoints.append(InventoryEndpoint(
            name: "kube-system", role: .kubeSystem, address: builder.pod("kube-system", ["k8s-app": "kube-dns"])))
        builder.addPolicyRepresentatives()
        builder.addStandardEndpoints()
        builder.refreshNamespaceLabels()
        var inventory = Inventory(endpoints: builder.endpoints)
        for mesh in meshes {
            for external in mesh.externals {
                if case .anywhere = external.kind { inventory.anywhereIDs.insert(external.id) }
            }
        }
        return inventory
    }

    /// A component whose labels a workload's pods carry (same namespace) stands for the first such workload: it
    /// takes the workload's labels and named ports, and the workload is not listed again.
    private mutating func nameWorkloadsByComponent() {
        guard !meshes.isEmpty else { return }
        var workloads = PodIndex([])
        for (i, endpoint) in endpoints.enumerated() {
            if case .workload = endpoint.role { workloads.insert(endpoint, at: i) }
        }
        var claimed: Set<Int> = []
        for c in endpoints.indices {
            guard case .component = endpoints[c].role, case .pod(let namespace, let labels, _) = endpoints[c].address
            else { continue }
            let selector = LabelSelector(matchLabels: labels)
            guard let w = workloads.pods(in: namespace, matching: selector).first(where: { !claimed.contains($0) }) else { continue }
            claimed.insert(w)
            endpoints[c].address = endpoints[w].address
            endpoints[c].namedPorts = endpoints[w].namedPorts
        }
        if claimed.isEmpty { return }
        endpoints = endpoints.indices.filter { !claimed.contains($0) }.map { endpoints[$0] }
    }

    /// A pod for each policy subject and each pod peer no endpoint stands for yet.
    private mutating func addPolicyRepresentatives() {
        var index = PodIndex(endpoints)
        // By namespace, name and position (indices are sorted, not the policies).
        let keys = policies.map { ($0.namespace ?? defaultNamespace, $0.name) }
        let ordered = policies.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { policies[$0] }
        func represent(_ namespace: String, _ selector: LabelSelector, name: String? = nil) {
            guard !selector.isEmpty, !index.anyPod(in: namespace, matching: selector) else { return }
            declare(namespace)
            let endpoint = InventoryEndpoint(
                name: name ?? "\(namespace)/{\(selector.text)}", role: .representative,
                address: pod(namespace, selector.sampleLabels()))
            index.insert(endpoint, at: endpoints.count)
            endpoints.append(endpoint)
        }
        for policy in ordered {
            let namespace = policy.namespace ?? defaultNamespace
            represent(namespace, policy.podSelector, name: policy.labels[componentLabelKey].flatMap { $0.isEmpty ? nil : $0 })
        }
        var elsewhere: Set<String> = []
        // Peers whose namespaces are looked for among the known ones, by the first time met.
        var seen: Set<PolicyPeer> = []
        for (namespace, peer) in Self.openPeers(ordered, index: index, namespaces: namespaceLabels, defaultNamespace: defaultNamespace) {
            // Representing the pods of one namespace again changes nothing: a peer met before (the same in many
            // policies) is only looked up.
            let pods = peer.podSelector ?? LabelSelector()
            guard let namespaces = peer.namespaceSelector else {
                represent(namespace, pods)
                continue
            }
            if let pinned = namespaces.matchLabels[namespaceNameLabelKey] {
                declare(pinned)
                represent(pinned, pods)
                continue
            }
            // Later peers may add namespaces: this one is looked for among those known when first met.
            guard seen.insert(peer).inserted else { continue }
            // Pods with these labels in the known namespaces the selector matches, and in one more.
            let known = namespaceLabels.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for other in known where namespaces.matches(namespaceLabels[other] ?? [:]) { represent(other, pods) }
            let name = "\(namespaces.isEmpty ? "*" : "{\(namespaces.text)}")/\(pods.isEmpty ? "*" : "{\(pods.text)}")"
            guard name != "*/*", elsewhere.insert(name).inserted else { continue }
            let fresh = freshNamespace("other")
            declare(fresh, extra: namespaces.sampleLabels())
            endpoints.append(InventoryEndpoint(name: name, role: .representative, address: pod(fresh, pods.sampleLabels())))
        }
    }

    /// The pod peers of the policies' rules (not ipBlocks) with the namespace of their policy, in order, less those
    /// already settled: peers whose pods the index has (in their policy's namespace or the one they pin, a namespace
    /// known) or that select every pod. The index and the namespaces only grow, so representing a settled peer would
    /// change nothing; the peers are looked at on every core.
    private static func openPeers(
        _ policies: [NetworkPolicy], index: PodIndex, namespaces known: [String: [String: String]], defaultNamespace: String
    ) -> [(namespace: String, peer: PolicyPeer)] {
        let parts = min(Parallel.cores, max(1, policies.count / 512))
        let bounds = (0...parts).map { $0 * policies.count / parts }
        return Parallel.map(parts) { part in
            var open: [(namespace: String, peer: PolicyPeer)] = []
            for policy in policies[bounds[part]..<bounds[part + 1]] {
                let namespace = policy.namespace ?? defaultNamespace
                for rule in (policy.ingress ?? []) + (policy.egress ?? []) {
                    for peer in rule.peers ?? [] where peer.ipBlock == nil {
                        var home = namespace
                        if let namespaces = peer.namespaceSelector {
                            guard let pinned = namespaces.matchLabels[namespaceNameLabelKey], known[pinned] != nil else {
                                open.append((namespace, peer))
                                continue
                            }
                            home = pinned
                        }
                        let pods = peer.podSelector ?? LabelSelector()
                        if pods.isEmpty || index.anyPod(in: home, matching: pods) { continue }
                        open.append((namespace, peer))
                    }
                }
            }
            return open
        }.flatMap { $0 }
    }

    /// Another pod of every namespace known (`ns/*`), a pod of an unrelated namespace (`*/*`), and the pieces of the
    /// outside world.
    private mutating func addStandardEndpoints() {
        let unrelated = freshNamespace("unrelated")
        for namespace in namespaceLabels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            endpoints.append(InventoryEndpoint(name: "\(namespace)/*", role: .representative, address: pod(namespace, [:])))
        }
        declare(unrelated)
        endpoints.append(InventoryEndpoint(name: Inventory.unrelatedName, role: .unrelated, address: pod(unrelated, [:])))
        for piece in OutsideWorld.pieces(cutBy: blocks) {
            endpoints.append(InventoryEndpoint(name: piece.name, role: .outsideWorld, address: .ip(piece.first)))
        }
    }

    /// Pods carry the final labels of their namespace (Namespace objects may have been read after them).
    private mutating func refreshNamespaceLabels() {
        for i in endpoints.indices {
            guard case .pod(let namespace, let labels, _) = endpoints[i].address else { continue }
            endpoints[i].address = pod(namespace, labels)
        }
    }
}

/// Pods by namespace and label pair, to ask whether any pod of a namespace matches a selector.
private struct PodIndex {
    private struct LabelKey: Hashable {
        var namespace: String
        var key: String
        var value: String
    }

    private var byNamespace: [String: [Int]] = [:]
    private var byLabel: [LabelKey: [Int]] = [:]
    private var labels: [Int: [String: String]] = [:]

    init(_ endpoints: [InventoryEndpoint]) {
        for (i, endpoint) in endpoints.enumerated() { insert(endpoint, at: i) }
    }

    mutating func insert(_ endpoint: InventoryEndpoint, at i: Int) {
        guard case .pod(let namespace, let podLabels, _) = endpoint.address else { return }
        labels[i] = podLabels
        byNamespace[namespace, default: []].append(i)
        for (key, value) in podLabels { byLabel[LabelKey(namespace: namespace, key: key, value: value), default: []].append(i) }
    }

    func anyPod(in namespace: String, matching selector: LabelSelector) -> Bool {
        candidates(namespace, selector).contains { selector.matches(labels[$0] ?? [:]) }
    }

    /// The indices of the pods of the namespace the selector matches, ascending.
    func pods(in namespace: String, matching selector: LabelSelector) -> [Int] {
        candidates(namespace, selector).filter { selector.matches(labels[$0] ?? [:]) }
    }

    private func candidates(_ namespace: String, _ selector: LabelSelector) -> [Int] {
        var candidates = byNamespace[namespace] ?? []
        for (key, value) in selector.matchLabels {
            let list = byLabel[LabelKey(namespace: namespace, key: key, value: value)] ?? []
            if list.count < candidates.count { candidates = list }
        }
        return candidates
    }
}
