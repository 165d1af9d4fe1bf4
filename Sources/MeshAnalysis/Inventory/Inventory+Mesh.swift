import MeshModel

extension Inventory {
    /// The inventory of a mesh: one pod per component, one concrete member per external peer (a pod with its labels,
    /// a pod in its namespace or in a namespace carrying its labels, an address inside its ipBlock but outside the
    /// excepts; `anywhere` is represented by the outside world), one member per peer of the custom rules (so that
    /// what they allow is checked too), plus the standard endpoints.
    public init(mesh: MeshSpec) {
        var namespaceLabels: [String: [String: String]] = [:]
        func declare(_ namespace: String, extra: [String: String] = [:]) {
            namespaceLabels[namespace, default: [namespaceNameLabelKey: namespace]].merge(extra) { _, new in new }
        }
        for component in mesh.components { declare(component.namespace) }
        declare(mesh.namespace)
        declare("kube-system")
        // Namespaces made up for `namespaceLabels` externals, by external id.
        var madeUp: [String: String] = [:]
        for external in mesh.externals {
            switch external.kind {
            case .pods(let namespace, _): declare(namespace ?? mesh.namespace)
            case .namespace(let namespace): declare(namespace)
            case .namespaceLabels(let labels):
                if let named = labels[namespaceNameLabelKey] {
                    madeUp[external.id] = named
                    declare(named, extra: labels)
                }
            case .ipBlock, .anywhere: break
            }
        }
        for external in mesh.externals {
            guard case .namespaceLabels(let labels) = external.kind, madeUp[external.id] == nil else { continue }
            let name = Inventory.freshNamespace(external.id, avoiding: Set(namespaceLabels.keys))
            madeUp[external.id] = name
            declare(name, extra: labels)
        }
        // Peers of custom rules: a pod (or address) each, in every namespace the rule is applied in.
        var rulePeers: [(name: String, namespace: String?, labels: [String: String], address: IPAddress?)] = []
        var seenPeers: Set<String> = []
        for component in mesh.components where mesh.policiesEnabled && component.policyEnabled {
            let rules = mesh.customIngress + mesh.customEgress + component.customIngress + component.customEgress
            for peer in rules.flatMap({ $0.peers ?? [] }) {
                if let block = peer.ipBlock {
                    guard let address = IPBlockMatcher(cidr: block.cidr, except: block.except)?.sampleAddress(),
                        seenPeers.insert(peer.text).inserted
                    else { continue }
                    rulePeers.append((peer.text, nil, [:], address))
                    continue
                }
                let namespace: String
                if let namespaces = peer.namespaceSelector {
                    let wanted = namespaces.sampleLabels()
                    if let named = wanted[namespaceNameLabelKey] {
                        namespace = named
                    } else {
                        namespace = madeUp[peer.text] ?? Inventory.freshNamespace("peer", avoiding: Set(namespaceLabels.keys))
                        madeUp[peer.text] = namespace
                    }
                    declare(namespace, extra: wanted)
                } else {
                    namespace = component.namespace
                }
                let name = peer.namespaceSelector == nil && Set(mesh.components.map(\.namespace)).count > 1
                    ? "\(peer.text) (\(namespace))" : peer.text
                guard seenPeers.insert(name).inserted else { continue }
                rulePeers.append((name, namespace, peer.podSelector?.sampleLabels() ?? [:], nil))
            }
        }
        let unrelated = Inventory.freshNamespace("unrelated", avoiding: Set(namespaceLabels.keys))

        func pod(_ namespace: String, _ labels: [String: String]) -> InventoryEndpoint.Address {
            .pod(namespace: namespace, labels: labels, namespaceLabels: namespaceLabels[namespace] ?? [namespaceNameLabelKey: namespace])
        }
        var endpoints: [InventoryEndpoint] = mesh.components.map {
            InventoryEndpoint(name: $0.id, role: .component($0.id), address: pod($0.namespace, $0.labels))
        }
        for external in mesh.externals {
            let address: InventoryEndpoint.Address?
            switch external.kind {
            case .pods(let namespace, let labels): address = pod(namespace ?? mesh.namespace, labels)
            case .namespace(let namespace): address = pod(namespace, [:])
            case .namespaceLabels: address = madeUp[external.id].map { pod($0, [:]) }
            case .ipBlock(let block):
                address = IPBlockMatcher(cidr: block.cidr, except: block.except)?.sampleAddress().map { .ip($0) }
            case .anywhere: address = nil
            }
            if let address { endpoints.append(InventoryEndpoint(name: external.id, role: .external(external.id), address: address)) }
        }
        for peer in rulePeers {
            let address: InventoryEndpoint.Address = peer.address.map { .ip($0) } ?? pod(peer.namespace ?? mesh.namespace, peer.labels)
            endpoints.append(InventoryEndpoint(name: peer.name, role: .rulePeer(peer.name), address: address))
        }
        endpoints += Inventory.standardEndpoints(unrelatedNamespace: unrelated)
        self.init(endpoints: endpoints)
    }
}
