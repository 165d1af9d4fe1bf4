/// The validated mesh read from values: components, external peers, the connectivity matrix,
/// kube-system access and custom rules. Built by `MeshSpec.load(values:releaseNamespace:)`.
///
/// Collections are sorted by id so that every consumer iterates deterministically.
public struct MeshSpec: Sendable {
    /// `defaults.networkPolicy.enabled`.
    public var policiesEnabled: Bool
    /// `mesh.namespace`, or the release namespace when empty.
    public var namespace: String
    /// `mesh.selectorKey` (default `app`).
    public var selectorKey: String
    /// Components in sorted id order.
    public var components: [Component]
    /// External peers in sorted id order.
    public var externals: [ExternalPeer]
    /// Matrix edges in (source, destination) order (`Endpoint` order); `load` rejects duplicates.
    public var edges: [Edge]
    /// `defaults.networkPolicy.custom.ingress` / `.egress`, in the order given.
    public var customIngress: [PolicyRule]
    public var customEgress: [PolicyRule]
    /// `mesh.kubeSystem.egress`: the default of every component (each `Component` carries its effective mode).
    public var kubeSystemEgress: KubeSystemEgress = .namespace
    /// `mesh.kubeSystem.ingress`: the default of every component.
    public var kubeSystemIngress: Bool = false
    /// Component ids in the order the values declare them (`mesh.components`): the row and column order
    /// of matrix views, so a matrix reads like the table it came from. Empty: id order.
    public var declarationOrder: [String] = []
    /// What loading noticed that is valid but probably not meant (a ⛔ cell an edge contradicts).
    public var warnings: [ValuesWarning] = []

    public init(
        policiesEnabled: Bool, namespace: String, selectorKey: String, components: [Component],
        externals: [ExternalPeer], edges: [Edge], customIngress: [PolicyRule], customEgress: [PolicyRule]
    ) {
        self.policiesEnabled = policiesEnabled
        self.namespace = namespace
        self.selectorKey = selectorKey
        self.components = components
        self.externals = externals
        self.edges = edges
        self.customIngress = customIngress
        self.customEgress = customEgress
    }
}

/// How a component may reach kube-system (`mesh.kubeSystem.egress`).
public enum KubeSystemEgress: String, Hashable, Sendable {
    /// The whole kube-system namespace (Vald's rule).
    case namespace = "true"
    /// Only cluster DNS (`k8s-app: kube-dns`) on 53/UDP and 53/TCP.
    case dns
    case none = "false"
}

public struct Component: Hashable, Sendable {
    /// Key under `mesh.components`.
    public var id: String
    /// Label value and policy-name stem (default: the id).
    public var name: String
    /// The pods' labels used as podSelector (`{selectorKey: name}` unless `labels` is given).
    public var labels: [String: String]
    public var namespace: String
    /// Declared ports: peers may reach the component on these only. Empty: any port.
    public var ports: [PolicyPort]
    /// Whether this component gets a policy (global and per-component switch combined).
    public var policyEnabled: Bool
    public var kubeSystemEgress: KubeSystemEgress
    public var kubeSystemIngress: Bool
    /// This component's own custom rules, appended after the global ones.
    public var customIngress: [PolicyRule]
    public var customEgress: [PolicyRule]

    public init(
        id: String, name: String, labels: [String: String], namespace: String, ports: [PolicyPort] = [],
        policyEnabled: Bool = true, kubeSystemEgress: KubeSystemEgress = .namespace, kubeSystemIngress: Bool = false,
        customIngress: [PolicyRule] = [], customEgress: [PolicyRule] = []
    ) {
        self.id = id
        self.name = name
        self.labels = labels
        self.namespace = namespace
        self.ports = ports
        self.policyEnabled = policyEnabled
        self.kubeSystemEgress = kubeSystemEgress
        self.kubeSystemIngress = kubeSystemIngress
        self.customIngress = customIngress
        self.customEgress = customEgress
    }
}

/// A peer that is not a component (`mesh.external`).
public struct ExternalPeer: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Pods with these labels in a namespace (`nil`: the mesh namespace).
        case pods(namespace: String?, labels: [String: String])
        /// Every pod of a namespace.
        case namespace(String)
        /// Every pod of the namespaces carrying these labels.
        case namespaceLabels([String: String])
        case ipBlock(IPBlock)
        /// Anyone: a rule with ports but no peers.
        case anywhere
    }

    public var id: String
    public var kind: Kind
    /// Ports the external accepts on (optional, like a component's).
    public var ports: [PolicyPort]

    public init(id: String, kind: Kind, ports: [PolicyPort] = []) {
        self.id = id
        self.kind = kind
        self.ports = ports
    }
}

/// One side of a matrix edge.
public enum Endpoint: Hashable, Sendable, Comparable, CustomStringConvertible {
    case component(String)
    case external(String)
    case kubeSystem

    /// The id as written in values (`kube-system` for kube-system).
    public var id: String {
        switch self {
        case .component(let id), .external(let id): return id
        case .kubeSystem: return "kube-system"
        }
    }

    public var description: String { id }

    /// Components, then externals, then kube-system; ids sorted within each group.
    public static func < (a: Endpoint, b: Endpoint) -> Bool {
        func rank(_ e: Endpoint) -> Int {
            switch e {
            case .component: return 0
            case .external: return 1
            case .kubeSystem: return 2
            }
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}

/// An allowed connection in the matrix: `from` may open connections to `to`.
public struct Edge: Hashable, Sendable {
    public var from: Endpoint
    public var to: Endpoint
    /// Ports given on the edge (`{to: X, ports: [...]}`); `nil`: the destination's declared ports.
    public var ports: [PolicyPort]?

    public init(from: Endpoint, to: Endpoint, ports: [PolicyPort]? = nil) {
        self.from = from
        self.to = to
        self.ports = ports
    }
}
