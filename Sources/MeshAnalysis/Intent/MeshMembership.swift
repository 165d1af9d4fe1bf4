import MeshModel

/// Which inventory endpoints a matrix endpoint denotes: a component, every pod in its namespace carrying its labels;
/// an external, every endpoint its definition covers; kube-system, every pod of the kube-system namespace.
struct MeshMembership {
    let mesh: MeshSpec
    private let components: [String: Component]
    private let externals: [String: ExternalPeer]

    init(mesh: MeshSpec) {
        self.mesh = mesh
        components = Dictionary(mesh.components.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        externals = Dictionary(mesh.externals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func component(_ id: String) -> Component? { components[id] }
    func external(_ id: String) -> ExternalPeer? { externals[id] }

    /// Declared ports of a matrix endpoint (empty: any port).
    func declaredPorts(_ endpoint: Endpoint) -> [PolicyPort] {
        switch endpoint {
        case .component(let id): return components[id]?.ports ?? []
        case .external(let id): return externals[id]?.ports ?? []
        case .kubeSystem: return []
        }
    }

    func contains(_ endpoint: Endpoint, _ member: InventoryEndpoint) -> Bool {
        switch endpoint {
        case .component(let id):
            guard let component = components[id] else { return false }
            return Self.isPod(member, in: component.namespace, labeled: component.labels)
        case .external(let id):
            guard let external = externals[id] else { return false }
            switch external.kind {
            case .pods(let namespace, let labels):
                return Self.isPod(member, in: namespace ?? mesh.namespace, labeled: labels)
            case .namespace(let namespace):
                return member.namespace == namespace
            case .namespaceLabels(let labels):
                guard case .pod(_, _, let namespaceLabels) = member.address else { return false }
                return labels.allSatisfy { namespaceLabels[$0.key] == $0.value }
            case .ipBlock(let block):
                guard case .ip(let address) = member.address,
                    let matcher = IPBlockMatcher(cidr: block.cidr, except: block.except)
                else { return false }
                return matcher.contains(address)
            case .anywhere:
                return true
            }
        case .kubeSystem:
            return member.namespace == "kube-system"
        }
    }

    /// Whether the endpoint is a cluster DNS pod (`k8s-app: kube-dns` in kube-system).
    static func isClusterDNS(_ member: InventoryEndpoint) -> Bool {
        isPod(member, in: "kube-system", labeled: ["k8s-app": "kube-dns"])
    }

    static func isPod(_ member: InventoryEndpoint, in namespace: String, labeled labels: [String: String]) -> Bool {
        guard case .pod(let podNamespace, let podLabels, _) = member.address, podNamespace == namespace else { return false }
        return labels.allSatisfy { podLabels[$0.key] == $0.value }
    }
}
