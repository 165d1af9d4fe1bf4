import MeshModel
import Diagnostics
import YAML

/// What a manifest stream tells the analysis: its NetworkPolicies, its workloads (the pods they run, with labels and
/// named container ports) and its Namespace objects. Documents of other kinds are counted as skipped; `List`
/// documents (`List`, `PodList`, `NamespaceList`, … as `kubectl get -o yaml` writes them, items possibly without
/// `kind`) are looked into; empty documents are ignored.
public struct ManifestObjects: Sendable {
    public var policies: [NetworkPolicy]
    /// Where each policy was written, parallel to `policies` (shorter when policies were added without marks).
    public var policyMarks: [PolicyMarks] = []
    public var workloads: [Workload]
    /// Namespace name -> its labels (`kubernetes.io/metadata.name` included).
    public var namespaces: [String: [String: String]]
    /// Documents (or list items) that are neither NetworkPolicies, workloads nor Namespaces.
    public var skipped: Int

    public init(
        policies: [NetworkPolicy] = [], workloads: [Workload] = [], namespaces: [String: [String: String]] = [:],
        skipped: Int = 0
    ) {
        self.policies = policies
        self.workloads = workloads
        self.namespaces = namespaces
        self.skipped = skipped
    }

    /// Reads every document. A NetworkPolicy that breaks the schema is an `InputError` at its position; workloads
    /// without a namespace belong to `defaultNamespace`; pods that an owner controls are folded into one workload
    /// per owner (`ns/owner[ReplicaSet]`).
    public static func read(_ documents: [Node], defaultNamespace: String = "") throws(InputError) -> ManifestObjects {
        var result = ManifestObjects()
        for (index, document) in documents.enumerated() {
            try result.add(
                document, kind: nil, path: documents.count == 1 ? "" : "[\(index)]", depth: 0,
                defaultNamespace: defaultNamespace)
        }
        result.workloads = Workload.foldingOwnedPods(result.workloads)
        return result
    }

    /// The objects of one document (paths in errors start at the document).
    public static func read(document: Node, defaultNamespace: String = "") throws(InputError) -> ManifestObjects {
        var result = ManifestObjects()
        try result.add(document, kind: nil, path: "", depth: 0, defaultNamespace: defaultNamespace)
        return result
    }

    /// The objects of several parts (documents read one by one), pods with an owner folded as `read` folds them
    /// (unless `foldingPods` is false: parts joined again later are folded then, once).
    public static func joining(_ parts: [ManifestObjects], foldingPods: Bool = true) -> ManifestObjects {
        var result = ManifestObjects()
        for part in parts {
            result.policyMarks += part.paddedPolicyMarks
            result.policies += part.policies
            result.workloads += part.workloads
            result.namespaces.merge(part.namespaces) { _, later in later }
            result.skipped += part.skipped
        }
        if foldingPods { result.workloads = Workload.foldingOwnedPods(result.workloads) }
        return result
    }

    private mutating func add(
        _ node: Node, kind listedKind: String?, path: String, depth: Int, defaultNamespace: String
    ) throws(InputError) {
        if node.isNull { return }
        guard node.mapping != nil else {
            skipped += 1
            return
        }
        let kind = node["kind"]?.string ?? listedKind
        switch kind {
        case "NetworkPolicy"?:
            let policy = try NetworkPolicy.parse(node, path: path)
            policyMarks = paddedPolicyMarks
            policyMarks.append(PolicyMarks(node))
            policies.append(policy)
        case "Namespace"?:
            guard let name = node["metadata"]?["name"]?.string else { skipped += 1; return }
            var labels = Workload.stringMap(node["metadata"]?["labels"])
            labels[namespaceNameLabelKey] = name
            namespaces[name] = labels
        case let kind? where Workload.kinds.contains(kind):
            if let workload = Workload(node, kind: kind, defaultNamespace: defaultNamespace) {
                workloads.append(workload)
            } else {
                skipped += 1
            }
        case let kind? where kind.hasSuffix("List") && depth == 0:
            guard let items = node["items"]?.sequence else { skipped += 1; return }
            let itemKind = kind == "List" ? nil : String(kind.dropLast("List".count))
            for (index, item) in items.enumerated() {
                try add(
                    item, kind: itemKind, path: path + (path.isEmpty ? "" : ".") + "items[\(index)]", depth: depth + 1,
                    defaultNamespace: defaultNamespace)
            }
        default:
            skipped += 1
        }
    }

    /// The objects of a NetworkPolicy document read from its events (`NetworkPolicyEvents`): what
    /// `read(document:defaultNamespace:)` reads from its tree.
    public init(_ read: NetworkPolicyEvents) {
        self.init(policies: [read.policy])
        func marks(_ rules: [NetworkPolicyEvents.RuleMarks]) -> [RuleMarks] {
            rules.map { RuleMarks(rule: $0.rule, peers: $0.peers, ports: $0.ports) }
        }
        policyMarks = [PolicyMarks(policy: read.mark, ingress: marks(read.ingressMarks), egress: marks(read.egressMarks))]
    }

    /// Where policy `index` was written (empty marks when unknown).
    public func marks(ofPolicy index: Int) -> PolicyMarks {
        index < policyMarks.count ? policyMarks[index] : PolicyMarks()
    }

    /// `policyMarks`, padded with empty marks to one per policy.
    var paddedPolicyMarks: [PolicyMarks] {
        policyMarks.count >= policies.count
            ? policyMarks : policyMarks + Array(repeating: PolicyMarks(), count: policies.count - policyMarks.count)
    }

    /// Every namespace the objects name: of policies, workloads and Namespace objects.
    func mentionedNamespaces(defaultNamespace: String) -> Set<String> {
        var names = Set(namespaces.keys)
        for policy in policies { names.insert(policy.namespace ?? defaultNamespace) }
        for workload in workloads { names.insert(workload.namespace) }
        return names
    }
}
