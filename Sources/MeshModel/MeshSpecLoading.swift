import Diagnostics
import YAML

extension MeshSpec {
    /// Reads and validates the mesh from merged values: `defaults.networkPolicy` (enabled, custom rules) and
    /// `mesh` (namespace, selectorKey, kubeSystem, components, external, connectivity, connectivityTable).
    ///
    /// Other top-level keys and other `defaults.*` keys belong to chart templates and are not read here.
    /// Every problem is one `InputError` at the offending node, with its values path.
    ///
    /// - Parameters:
    ///   - releaseNamespace: the namespace used when `mesh.namespace` is empty or absent.
    ///   - workloads: the workloads of the chart's rendered manifests, which components may name
    ///     (`workload: vald-agent`) instead of giving labels; `nil` when there are no manifests (naming one is an error).
    public static func load(
        values: Node, releaseNamespace: String, workloads: WorkloadDirectory? = nil
    ) throws(InputError) -> MeshSpec {
        var loader = MeshLoader(releaseNamespace: releaseNamespace, workloads: workloads)
        return try loader.load(values)
    }
}

/// The state of one `MeshSpec.load`: ids seen so far, edges with the marks they were written at.
struct MeshLoader {
    static let meshKeys = ["namespace", "selectorKey", "kubeSystem", "components", "external", "connectivity", "connectivityTable"]
    static let kubeSystemKeys = ["egress", "ingress"]

    let releaseNamespace: String
    /// What `workload:` names resolve against (`nil`: no manifests).
    let workloads: WorkloadDirectory?
    var spec = MeshSpec(
        policiesEnabled: true, namespace: "", selectorKey: "app", components: [], externals: [], edges: [],
        customIngress: [], customEgress: [])
    /// Component index by id.
    var componentIndex: [String: Int] = [:]
    var externalIndex: [String: Int] = [:]
    /// Per-component `kubeSystem.egress` written explicitly (with its mark), to detect conflicts with the table.
    var explicitKubeSystemEgress: [String: (KubeSystemEgress, String)] = [:]
    /// Edges by (from, to) with where they were written, for duplicate detection.
    var edgeMarks: [EdgeKey: Mark?] = [:]

    struct EdgeKey: Hashable {
        var from: Endpoint
        var to: Endpoint
    }

    init(releaseNamespace: String, workloads: WorkloadDirectory? = nil) {
        self.releaseNamespace = releaseNamespace
        self.workloads = workloads
    }

    mutating func load(_ values: Node) throws(InputError) -> MeshSpec {
        if values.isNull { return try finish(meshNamespaceFallback()) }
        guard let root = values.mapping else {
            throw NodeReader.typeError(values, path: "", expected: "a map of values")
        }
        try loadDefaults(root)
        guard let mesh = NodeReader.present(root, "mesh") else { return try finish(meshNamespaceFallback()) }
        let m = try NodeReader.mapping(mesh, path: "mesh", allowed: MeshLoader.meshKeys, noun: "key")

        spec.namespace = try meshNamespace(m)
        if let n = NodeReader.present(m, "selectorKey") {
            let key = try NodeReader.string(n, path: "mesh.selectorKey")
            if let problem = KubernetesNames.labelKeyProblem(key) { throw InputError(problem, at: n.mark, path: "mesh.selectorKey") }
            spec.selectorKey = key
        }
        if let n = NodeReader.present(m, "kubeSystem") {
            let ks = try NodeReader.mapping(n, path: "mesh.kubeSystem", allowed: MeshLoader.kubeSystemKeys, noun: "key")
            if let e = NodeReader.present(ks, "egress") { spec.kubeSystemEgress = try kubeSystemEgress(e, path: "mesh.kubeSystem.egress") }
            if let i = NodeReader.present(ks, "ingress") { spec.kubeSystemIngress = try NodeReader.bool(i, path: "mesh.kubeSystem.ingress") }
        }
        if let n = NodeReader.present(m, "components") { try loadComponents(n) }
        if let n = NodeReader.present(m, "external") { try loadExternals(n) }
        if let n = NodeReader.present(m, "connectivity") { try loadConnectivity(n) }
        if let n = NodeReader.present(m, "connectivityTable") {
            let text = try NodeReader.string(n, path: "mesh.connectivityTable")
            let origin = MeshLoader.tableOrigin(node: n, keyMark: m.keyMarks["connectivityTable"], text: text)
            let table = try MatrixTable.parse(text, origin: origin, path: "mesh.connectivityTable")
            try apply(table, path: "mesh.connectivityTable")
        }
        return try finish(spec.namespace)
    }

    /// Sorts edges and returns the spec.
    func finish(_ namespace: String) throws(InputError) -> MeshSpec {
        var out = spec
        out.namespace = namespace
        out.edges.sort { a, b in a.from != b.from ? a.from < b.from : a.to < b.to }
        return out
    }

    func meshNamespaceFallback() throws(InputError) -> String {
        if let problem = KubernetesNames.dns1123LabelProblem(releaseNamespace) {
            throw InputError("invalid release namespace \"\(releaseNamespace)\": \(problem)", at: nil, path: "")
        }
        return releaseNamespace
    }

    func meshNamespace(_ m: Mapping) throws(InputError) -> String {
        guard let n = NodeReader.present(m, "namespace") else { return try meshNamespaceFallback() }
        let ns = try NodeReader.string(n, path: "mesh.namespace")
        if ns.isEmpty { return try meshNamespaceFallback() }
        if let problem = KubernetesNames.dns1123LabelProblem(ns) {
            throw InputError("invalid namespace \"\(ns)\": \(problem)", at: n.mark, path: "mesh.namespace")
        }
        return ns
    }

    /// `defaults.networkPolicy.{enabled, custom.{ingress, egress}}`. `enabled` defaults to true.
    mutating func loadDefaults(_ root: Mapping) throws(InputError) {
        guard let defaults = NodeReader.present(root, "defaults") else { return }
        guard let d = defaults.mapping else { throw NodeReader.typeError(defaults, path: "defaults", expected: "a map") }
        guard let np = NodeReader.present(d, "networkPolicy") else { return }
        let settings = try networkPolicySettings(np, path: "defaults.networkPolicy")
        spec.policiesEnabled = settings.enabled ?? true
        spec.customIngress = settings.ingress
        spec.customEgress = settings.egress
    }

    /// A `networkPolicy: {enabled, custom: {ingress, egress}}` block (global or per component).
    func networkPolicySettings(_ node: Node, path: String) throws(InputError) -> (enabled: Bool?, ingress: [PolicyRule], egress: [PolicyRule]) {
        let m = try NodeReader.mapping(node, path: path, allowed: ["enabled", "custom"], noun: "key")
        var enabled: Bool?
        if let e = NodeReader.present(m, "enabled") { enabled = try NodeReader.bool(e, path: NodeReader.child(path, "enabled")) }
        var ingress: [PolicyRule] = []
        var egress: [PolicyRule] = []
        if let c = NodeReader.present(m, "custom") {
            let customPath = NodeReader.child(path, "custom")
            let custom = try NodeReader.mapping(c, path: customPath, allowed: ["ingress", "egress"], noun: "key")
            if let i = NodeReader.present(custom, "ingress") {
                ingress = try PolicyRule.parseList(i, direction: .ingress, path: NodeReader.child(customPath, "ingress"))
            }
            if let e = NodeReader.present(custom, "egress") {
                egress = try PolicyRule.parseList(e, direction: .egress, path: NodeReader.child(customPath, "egress"))
            }
        }
        return (enabled, ingress, egress)
    }

    /// `true` (the whole namespace), `dns` (cluster DNS only) or `false`.
    func kubeSystemEgress(_ node: Node, path: String) throws(InputError) -> KubeSystemEgress {
        switch node.kind {
        case .bool(let b): return b ? .namespace : KubeSystemEgress.none
        case .string(let s):
            if let mode = KubeSystemEgress(rawValue: s) { return mode }
        default: break
        }
        throw InputError("must be true, false or dns, not \(node.string.map { "\"\($0)\"" } ?? node.typeDescription)", at: node.mark, path: path)
    }

    /// Where the first line of a `connectivityTable` string starts: for a block scalar written after its key
    /// (`connectivityTable: |`), the line below the key, indented two columns further than the key.
    static func tableOrigin(node: Node, keyMark: Mark?, text: String) -> Mark? {
        guard let mark = node.mark else { return nil }
        if let keyMark, keyMark.line == mark.line, text.contains("\n") {
            return Mark(file: mark.file, line: mark.line + 1, column: keyMark.column + 2)
        }
        return mark
    }

    /// Every valid id: components, externals, kube-system (for suggestions).
    var knownIDs: [String] {
        spec.components.map(\.id) + spec.externals.map(\.id) + ["kube-system"]
    }

    /// The endpoint an id names, or an "unknown ..." error with a suggestion.
    /// The endpoint `id` names; `path` is only worked out for an error.
    func endpoint(_ id: String, mark: Mark?, path: @autoclosure () -> String) throws(InputError) -> Endpoint {
        if componentIndex[id] != nil { return .component(id) }
        if externalIndex[id] != nil { return .external(id) }
        if id == "kube-system" { return .kubeSystem }
        let noun = spec.externals.isEmpty ? "component" : "component or external"
        throw InputError("unknown \(noun) \"\(id)\"" + DidYouMean.hint(for: id, among: knownIDs), at: mark, path: path())
    }

    /// Adds an edge after the matrix rules: no self-edges, at least one side a component, no duplicates.
    mutating func addEdge(_ edge: Edge, mark: Mark?, path: @autoclosure () -> String) throws(InputError) {
        if edge.from == edge.to {
            throw InputError("self-edge: \"\(edge.from.id)\" cannot list itself", at: mark, path: path())
        }
        if !edge.from.isComponent && !edge.to.isComponent {
            throw InputError(
                "edge \(edge.from.id) -> \(edge.to.id) connects no component: one side must be a component", at: mark, path: path())
        }
        try insert(edge, mark: mark, path: path())
    }

    private mutating func insert(_ edge: Edge, mark: Mark?, path: @autoclosure () -> String) throws(InputError) {
        let key = EdgeKey(from: edge.from, to: edge.to)
        if let first = edgeMarks[key] {
            let whereFirst = first.map { " (first given at \($0))" } ?? ""
            throw InputError("duplicate edge \(edge.from.id) -> \(edge.to.id)" + whereFirst, at: mark, path: path())
        }
        edgeMarks[key] = mark
        spec.edges.append(edge)
    }
}

extension Endpoint {
    var isComponent: Bool {
        if case .component = self { return true }
        return false
    }
}
