import MeshModel
import Diagnostics
import YAML

/// A workload of the manifests: something that runs pods, identified as `namespace/name[Kind]` (the form
/// `roxctl netpol` and netpol-analyzer print), with its pods' labels and named container ports.
public struct Workload: Hashable, Sendable {
    public var kind: String
    public var name: String
    public var namespace: String
    /// The labels of its pods (the pod template's; a Pod's own).
    public var podLabels: [String: String]
    /// Named container ports of its pods.
    public var namedPorts: [String: NamedPortBinding]
    /// Every container port its pods declare, named or not (not part of equality).
    public var containerPorts: [NamedPortBinding] = []
    /// Where the workload's document starts, when read from a file (not part of equality).
    public var mark: Mark?
    /// For a Pod controlled by another object: that owner's kind and name.
    var owner: (kind: String, name: String)? {
        get { ownerKind.map { ($0, ownerName ?? "") } }
        set { ownerKind = newValue?.kind; ownerName = newValue?.name }
    }
    private var ownerKind: String?
    private var ownerName: String?

    /// The kinds read as workloads.
    public static let kinds: Set<String> = [
        "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
    ]

    public init(
        kind: String, name: String, namespace: String, podLabels: [String: String],
        namedPorts: [String: NamedPortBinding] = [:]
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.podLabels = podLabels
        self.namedPorts = namedPorts
    }

    /// `vald/vald-agent[Deployment]`.
    public var id: String { "\(namespace)/\(name)[\(kind)]" }

    /// Reads a workload document; `nil` when it has no name.
    init?(_ node: Node, kind: String, defaultNamespace: String) {
        guard let name = node["metadata"]?["name"]?.string, !name.isEmpty else { return nil }
        let namespace = node["metadata"]?["namespace"]?.string ?? defaultNamespace
        let podSpec: Node?
        let labels: [String: String]
        switch kind {
        case "Pod":
            podSpec = node["spec"]
            labels = Self.stringMap(node["metadata"]?["labels"])
        case "CronJob":
            let template = node["spec"]?["jobTemplate"]?["spec"]?["template"]
            podSpec = template?["spec"]
            labels = Self.stringMap(template?["metadata"]?["labels"])
        default:
            let template = node["spec"]?["template"]
            podSpec = template?["spec"]
            labels = Self.stringMap(template?["metadata"]?["labels"])
        }
        self.init(kind: kind, name: name, namespace: namespace, podLabels: labels, namedPorts: Self.namedPorts(podSpec))
        containerPorts = Self.containerPorts(podSpec)
        mark = node.mark
        if kind == "Pod", let owners = node["metadata"]?["ownerReferences"]?.sequence {
            let controller = owners.first { if case .bool(true)? = $0["controller"]?.kind { return true } else { return false } }
                ?? owners.first
            if let ownerKind = controller?["kind"]?.string, let ownerName = controller?["name"]?.string {
                owner = (ownerKind, ownerName)
            }
        }
    }

    /// Named ports of a pod spec's containers (`protocol` defaults to TCP).
    static func namedPorts(_ podSpec: Node?) -> [String: NamedPortBinding] {
        var ports: [String: NamedPortBinding] = [:]
        for list in ["initContainers", "containers"] {
            for container in podSpec?[list]?.sequence ?? [] {
                for port in container["ports"]?.sequence ?? [] {
                    guard let name = port["name"]?.string, case .int(let number)? = port["containerPort"]?.kind else { continue }
                    let proto = TransportProtocol(rawValue: port["protocol"]?.string ?? "TCP") ?? .tcp
                    ports[name] = NamedPortBinding(proto: proto, number: Int(number))
                }
            }
        }
        return ports
    }

    /// Every container port of a pod spec's containers, in order (`protocol` defaults to TCP).
    static func containerPorts(_ podSpec: Node?) -> [NamedPortBinding] {
        var ports: [NamedPortBinding] = []
        for list in ["initContainers", "containers"] {
            for container in podSpec?[list]?.sequence ?? [] {
                for port in container["ports"]?.sequence ?? [] {
                    guard case .int(let number)? = port["containerPort"]?.kind else { continue }
                    let proto = TransportProtocol(rawValue: port["protocol"]?.string ?? "TCP") ?? .tcp
                    ports.append(NamedPortBinding(proto: proto, number: Int(number)))
                }
            }
        }
        return ports
    }

    /// A map of strings (label values written as other scalars are read as their text).
    static func stringMap(_ node: Node?) -> [String: String] {
        var result: [String: String] = [:]
        guard case .mapping(let map)? = node?.kind else { return result }
        for (key, value) in map.entries {
            switch value.kind {
            case .string(let text): result[key] = text
            case .bool(let flag): result[key] = flag ? "true" : "false"
            case .int(let number): result[key] = String(number)
            default: continue
            }
        }
        return result
    }

    /// Pods with an owner become one workload per owner, shown as `ns/owner[OwnerKind]` (labels of the first pod,
    /// named ports of all); other workloads are kept as they are, in order.
    static func foldingOwnedPods(_ workloads: [Workload]) -> [Workload] {
        var result: [Workload] = []
        var ownerIndex: [String: Int] = [:]
        for workload in workloads {
            guard let owner = workload.owner else {
                result.append(workload)
                continue
            }
            var folded = Workload(
                kind: owner.kind, name: owner.name, namespace: workload.namespace, podLabels: workload.podLabels,
                namedPorts: workload.namedPorts)
            folded.containerPorts = workload.containerPorts
            folded.mark = workload.mark
            if let index = ownerIndex[folded.id] {
                result[index].namedPorts.merge(workload.namedPorts) { first, _ in first }
                result[index].containerPorts += workload.containerPorts.filter { !result[index].containerPorts.contains($0) }
            } else {
                ownerIndex[folded.id] = result.count
                result.append(folded)
            }
        }
        return result
    }

    public static func == (a: Workload, b: Workload) -> Bool {
        a.kind == b.kind && a.name == b.name && a.namespace == b.namespace && a.podLabels == b.podLabels
            && a.namedPorts == b.namedPorts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }
}
