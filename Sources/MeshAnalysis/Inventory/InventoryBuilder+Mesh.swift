import MeshModel

extension InventoryBuilder {
    /// Adds a mesh's endpoints: one pod per component, one concrete member per external peer (a pod with its
    /// labels, a pod in its namespace or in a namespace carrying its labels, an address inside its ipBlock but outside
    /// the excepts; `anywhere` is represented by the outside world), and a pod per pod/namespace peer of the custom
    /// rules (so that what they allow is checked too). Components and custom rules feed the representatives the way
    /// policies do. Components exist in `releases`.
    public mutating func add(mesh: MeshSpec, releases: ReleaseSet = .both) {
        meshes.append(mesh)
        for component in mesh.components { declare(component.namespace) }
        declare(mesh.namespace)
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
            case .ipBlock(let block): cut(by: block)
            case .anywhere: break
            }
        }
        for external in mesh.externals {
            guard case .namespaceLabels(let labels) = external.kind, madeUp[external.id] == nil else { continue }
            let name = freshNamespace(external.id)
            madeUp[external.id] = name
            declare(name, extra: labels)
        }
        for component in mesh.components {
            add(InventoryEndpoint(
                name: component.id, role: .component(component.id), address: pod(component.namespace, component.labels),
                releases: releases))
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
            if let address { add(InventoryEndpoint(name: external.id, role: .external(external.id), address: address)) }
        }
        // Peers of custom rules: a pod each, in every namespace the rule is applied in.
        var seen: Set<String> = []
        let namespaceCount = Set(mesh.components.map(\.namespace)).count
        for component in mesh.components where mesh.policiesEnabled && component.policyEnabled {
            let rules = mesh.customIngress + mesh.customEgress + component.customIngress + component.customEgress
            for peer in rules.flatMap({ $0.peers ?? [] }) {
                if let block = peer.ipBlock {
                    cut(by: block)
                    continue
                }
                let namespace: String
                if let namespaces = peer.namespaceSelector {
                    let wanted = namespaces.sampleLabels()
                    if let named = wanted[namespaceNameLabelKey] {
                        namespace = named
                    } else {
                        namespace = madeUp[peer.text] ?? freshNamespace("peer")
                        madeUp[peer.text] = namespace
                    }
                    declare(namespace, extra: wanted)
                } else {
                    namespace = component.namespace
                }
                let name = peer.namespaceSelector == nil && namespaceCount > 1 ? "\(peer.text) (\(namespace))" : peer.text
                guard seen.insert(name).inserted else { continue }
                add(InventoryEndpoint(
                    name: name, role: .rulePeer(name), address: pod(namespace, peer.podSelector?.sampleLabels() ?? [:])))
            }
        }
    }
}
