import MeshModel

extension Inventory {
    /// The inventory of a mesh: one pod per component, one concrete member per external peer (a pod with its labels,
    /// a pod in its namespace or in a namespace carrying its labels, an address inside its ipBlock but outside the
    /// excepts; `anywhere` is represented by the outside world), plus the standard endpoints.
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
        endpoints += Inventory.standardEndpoints(unrelatedNamespace: unrelated)
        self.init(endpoints: endpoints)
    }
}
