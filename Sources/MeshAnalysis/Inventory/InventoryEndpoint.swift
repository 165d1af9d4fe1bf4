import MeshModel

/// One concrete endpoint the analysis evaluates policies over: a pod (namespace + labels) or an IP address.
public struct InventoryEndpoint: Hashable, Sendable {
    /// What the endpoint stands for.
    public enum Role: Hashable, Sendable {
        /// A pod of a mesh component, or of a workload inferred from a policy's podSelector.
        case component(String)
        /// A concrete member of a mesh external peer.
        case external(String)
        /// The cluster DNS pod in kube-system.
        case kubeSystem
        /// A pod or address a custom rule's peer names (so that custom rules have someone to allow).
        case rulePeer(String)
        /// A workload of the manifests (`namespace/name[Kind]`).
        case workload(String)
        /// A pod no manifest names but a selector could match (`ns/*`, `ns/{app=x}`, `*/{app=x}`).
        case representative
        /// A pod in a namespace nothing refers to.
        case unrelated
        /// A piece of the addresses outside the cluster.
        case outsideWorld
    }

    /// Where the endpoint lives.
    public enum Address: Hashable, Sendable {
        case pod(namespace: String, labels: [String: String], namespaceLabels: [String: String])
        case ip(IPAddress)
    }

    /// The name results use: the component or external id, a workload id, `kube-system`, a representative's
    /// (`ns/*`, `*/*`), an outside-world piece (`0.0.0.0/0`, `11.0.0.0-255.255.255.255`).
    public var name: String
    public var role: Role
    public var address: Address
    /// The pod's named container ports, when known; `nil`: unknown (named ports are then matched conservatively).
    public var namedPorts: [String: NamedPortBinding]?
    /// The releases of a diff the endpoint exists in (`.both` outside a diff).
    public var releases: ReleaseSet

    public init(
        name: String, role: Role, address: Address, namedPorts: [String: NamedPortBinding]? = nil,
        releases: ReleaseSet = .both
    ) {
        self.name = name
        self.role = role
        self.address = address
        // An address outside the cluster has no container ports: a named port never matches it.
        if case .ip = address, namedPorts == nil {
            self.namedPorts = [:]
        } else {
            self.namedPorts = namedPorts
        }
        self.releases = releases
    }

    /// The matrix endpoint this inventory entry represents, if any.
    public var meshEndpoint: Endpoint? {
        switch role {
        case .component(let id): return .component(id)
        case .external(let id): return .external(id)
        case .kubeSystem: return .kubeSystem
        case .rulePeer, .workload, .representative, .unrelated, .outsideWorld: return nil
        }
    }

    public var namespace: String? {
        if case .pod(let namespace, _, _) = address { return namespace }
        return nil
    }

    public var podLabels: [String: String]? {
        if case .pod(_, let labels, _) = address { return labels }
        return nil
    }

    /// What decides how policies treat the endpoint: endpoints with equal keys are evaluated once.
    var groupKey: GroupKey { GroupKey(address: address, namedPorts: namedPorts) }

    struct GroupKey: Hashable {
        var address: Address
        var namedPorts: [String: NamedPortBinding]?
    }
}

extension InventoryEndpoint.Address: CustomStringConvertible {
    /// `pod ns/app=x` or `ip 198.51.100.10`.
    public var description: String {
        switch self {
        case .pod(let namespace, let labels, _):
            let text = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "pod \(namespace)/{\(text)}"
        case .ip(let address):
            return "ip \(address)"
        }
    }
}
