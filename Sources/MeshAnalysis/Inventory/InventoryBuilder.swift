import MeshModel

/// Collects the endpoints the analysis evaluates policies over, from everything the input says:
///
/// - mesh components and externals (`add(mesh:)`), named by their ids;
/// - workloads of the manifests (`add(_:)`), named `namespace/name[Kind]` — or by the component whose labels their
///   pods carry, when a mesh is known;
/// - `Namespace` objects, for their labels;
/// - representatives for what a selector could match but no manifest names (`build()`): the pods a policy selects,
///   a pod with a peer's labels in its namespace or, for peers not pinned to one namespace, in another namespace
///   carrying the peer's namespace labels, another pod of every namespace mentioned (`ns/*`), a pod of an
///   unrelated namespace (`*/*`), kube-system's DNS pods, and the outside world cut into the pieces every `ipBlock`
///   `cidr`/`except` creates.
///
/// The analysis is exact for named endpoints and sound for representatives: a representative carries the fewest
/// labels that put it in its class, so no policy selects it that does not select every pod of the class.
public struct InventoryBuilder: Sendable {
    /// The namespace of objects that set none (`-n`).
    public let defaultNamespace: String
    var endpoints: [InventoryEndpoint] = []
    /// Index of each endpoint added through `add(_:)` by name, address and ports, to merge equal ones.
    private var added: [InventoryEndpoint.GroupKey: [Int]] = [:]
    /// Every namespace known so far, with its labels.
    var namespaceLabels: [String: [String: String]] = [:]
    var meshes: [MeshSpec] = []
    /// Policies of every release added (the representatives serve both sides of a diff), each once: a policy equal to
    /// one added before (the same policy in both releases) would represent nothing new.
    var policies: [NetworkPolicy] = []
    /// Indices into `policies` by namespace and name.
    private var policiesByName: [String: [Int]] = [:]
    /// Every ipBlock boundary: the outside world is cut at each.
    var blocks: [CIDR] = []

    public init(defaultNamespace: String) {
        self.defaultNamespace = defaultNamespace
        declare("kube-system")
    }

    /// Adds the workloads, Namespace objects and policies of one release's manifests; workloads exist in `releases`.
    public mutating func add(_ objects: ManifestObjects, releases: ReleaseSet = .both) {
        for (namespace, labels) in objects.namespaces.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            declare(namespace, extra: labels)
        }
        for workload in objects.workloads {
            declare(workload.namespace)
            add(InventoryEndpoint(
                name: workload.id, role: .workload(workload.id), address: pod(workload.namespace, workload.podLabels),
                namedPorts: workload.namedPorts, releases: releases))
        }
        for policy in objects.policies {
            declare(policy.namespace ?? defaultNamespace)
            let key = (policy.namespace ?? defaultNamespace) + "/" + policy.name
            if policiesByName[key]?.contains(where: { policies[$0] == policy }) != true {
                policiesByName[key, default: []].append(policies.count)
                policies.append(policy)
            }
            for rule in (policy.ingress ?? []) + (policy.egress ?? []) {
                for peer in rule.peers ?? [] { if let block = peer.ipBlock { cut(by: block) } }
            }
        }
    }

    /// Adds one endpoint. An endpoint equal to one already added (same name, address and ports) widens that one's
    /// releases instead.
    public mutating func add(_ endpoint: InventoryEndpoint) {
        let key = endpoint.groupKey
        if let index = added[key]?.first(where: { endpoints[$0].name == endpoint.name }) {
            endpoints[index].releases.formUnion(endpoint.releases)
            return
        }
        added[key, default: []].append(endpoints.count)
        endpoints.append(endpoint)
    }

    // MARK: helpers of the parts

    /// Records a namespace (and labels it carries).
    mutating func declare(_ namespace: String, extra: [String: String] = [:]) {
        if extra.isEmpty && namespaceLabels[namespace] != nil { return }
        namespaceLabels[namespace, default: [namespaceNameLabelKey: namespace]].merge(extra) { _, new in new }
    }

    /// A pod address in a known namespace.
    func pod(_ namespace: String, _ labels: [String: String]) -> InventoryEndpoint.Address {
        .pod(namespace: namespace, labels: labels, namespaceLabels: namespaceLabels[namespace] ?? [namespaceNameLabelKey: namespace])
    }

    /// A namespace name not known yet, starting from `preferred`.
    func freshNamespace(_ preferred: String) -> String {
        var candidate = preferred, counter = 2
        while namespaceLabels[candidate] != nil { candidate = "\(preferred)-\(counter)"; counter += 1 }
        return candidate
    }

    mutating func cut(by block: IPBlock) {
        if let cidr = CIDR(block.cidr) { blocks.append(cidr) }
        for text in block.except ?? [] { if let cidr = CIDR(text) { blocks.append(cidr) } }
    }
}
