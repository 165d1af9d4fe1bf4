import Diagnostics
import YAML

/// Where in the values a rule or peer of an expanded policy comes from: `values/vald.yaml:47
/// mesh.connectivity.lb-gateway[0]`.
public struct ValuesOrigin: Hashable, Sendable, CustomStringConvertible {
    public var mark: Mark?
    public var path: String

    public init(mark: Mark?, path: String) {
        self.mark = mark
        self.path = path
    }

    /// `file:line path` (`path` alone when the values did not write it anywhere).
    public var description: String {
        guard let mark else { return path }
        return "\(mark.file == "-" ? "<stdin>" : mark.file):\(mark.line) \(path)"
    }
}

/// The origins of one expanded policy's rules and peers, in the order the policy lists them.
public struct PolicyTrace: Sendable, Equatable {
    /// One rule: where its ports (or the whole rule) come from, and where each peer comes from.
    public struct Rule: Sendable, Equatable {
        public var rule: String
        public var peers: [String]
        /// The values entry that makes the rule, when one does: the edge of its first peer (or of the `anywhere`
        /// external it allows), the kube-system setting, the custom rule.
        public var source: ValuesOrigin? = nil
        /// The values entry behind each peer, as `peers` describes them.
        public var peerSources: [ValuesOrigin?] = []

        /// Where the values wrote what the rule allows through peer `peer` (0-based; `nil` for a rule without peers).
        public func source(peer: Int?) -> ValuesOrigin? {
            if let peer, peer < peerSources.count, let origin = peerSources[peer] { return origin }
            return source
        }
    }

    public var ingress: [Rule]
    public var egress: [Rule]
}

extension MeshSpec {
    /// For every policy `expand()` gives, keyed `namespace/name`, the values behind each rule and peer: matrix peers
    /// name the `mesh.connectivity` entry or the `mesh.connectivityTable` cell of their edge, matrix rules the ports
    /// they use (an edge's own, or the declared ports of the peer), kube-system rules the setting that allows them,
    /// custom rules the rule (global or the component's own). `values` are those the spec was loaded from.
    public func trace(values: Node) -> [String: PolicyTrace] {
        guard policiesEnabled else { return [:] }
        let spec = inComponentIDOrder
        let plan = ExpansionPlan(spec: spec)
        let origins = TraceOrigins(spec: spec, values: values)
        var rankEndpoint: [Int: Endpoint] = [:]
        for (endpoint, rank) in plan.peers.rank { rankEndpoint[rank] = endpoint }
        var out: [String: PolicyTrace] = [:]
        for policy in plan.policies {
            let c = spec.components[policy.component]
            let me = Endpoint.component(c.id)
            func rules(_ refs: [PlannedRuleRef], _ direction: PolicyType) -> [PolicyTrace.Rule] {
                let key = direction == .ingress ? "ingress" : "egress"
                return refs.map { ref -> PolicyTrace.Rule in
                    switch ref {
                    case .matrix(let rule):
                        let edgeSources = (rule.peers ?? []).map { rank -> ValuesOrigin? in
                            let other = rankEndpoint[rank]!
                            return origins.edgeOrigin(direction == .ingress ? other : me, direction == .ingress ? me : other)
                        }
                        let edges = (rule.peers ?? []).enumerated().map { i, rank -> String in
                            let other = rankEndpoint[rank]!
                            return edgeSources[i]?.description ?? origins.edge(direction == .ingress ? other : me, direction == .ingress ? me : other)
                        }
                        var source = edgeSources.first ?? nil
                        var ruleText: String
                        if let declaredBy = rule.portsDeclaredBy, let owner = rankEndpoint[declaredBy], rule.ports != nil {
                            ruleText = "ports: " + origins.declaredPorts(owner)
                        } else if rule.ports != nil, let first = rule.peers?.first, let other = rankEndpoint[first] {
                            ruleText = "ports: " + origins.edge(direction == .ingress ? other : me, direction == .ingress ? me : other)
                        } else {
                            ruleText = "every port"
                        }
                        if rule.peers == nil {
                            // A rule without peers: the `anywhere` edge itself.
                            source = origins.anywhereOrigin(me, direction: direction)
                            ruleText = (source?.description ?? "anywhere") + (rule.ports == nil ? "" : "; " + ruleText)
                        }
                        return .init(rule: ruleText, peers: edges, source: source, peerSources: edgeSources)
                    case .kubeSystemIngress:
                        let origin = origins.kubeSystem(c.id, "ingress")
                        return .init(rule: origin.description, peers: [origin.description], source: origin, peerSources: [origin])
                    case .kubeSystemEgress, .dns:
                        let origin = origins.kubeSystem(c.id, "egress")
                        return .init(rule: origin.description, peers: [origin.description], source: origin, peerSources: [origin])
                    case .globalCustom(let i):
                        return origins.custom(base: "defaults.networkPolicy.custom", values["defaults"]?["networkPolicy"]?["custom"], key, i, direction)
                    case .componentCustom(let i):
                        return origins.custom(
                            base: "mesh.components.\(c.id).networkPolicy.custom",
                            values["mesh"]?["components"]?[c.id]?["networkPolicy"]?["custom"], key, i, direction)
                    }
                }
            }
            out["\(c.namespace)/\(c.name)-allow"] = PolicyTrace(ingress: rules(policy.ingress, .ingress), egress: rules(policy.egress, .egress))
        }
        return out
    }
}

/// Reads the origins of edges, declared ports and kube-system settings from the values.
private struct TraceOrigins {
    let spec: MeshSpec
    let values: Node
    /// `from\0to` → origin, from `mesh.connectivity` and the table's ✅ cells.
    var edges: [String: ValuesOrigin] = [:]
    /// Component id → the table's kube-system cell.
    var kubeSystemCells: [String: ValuesOrigin] = [:]

    init(spec: MeshSpec, values: Node) {
        self.spec = spec
        self.values = values
        let mesh = values["mesh"]
        for (source, list) in mesh?["connectivity"]?.mapping?.entries ?? [:] {
            for (i, item) in (list.sequence ?? []).enumerated() {
                guard let to = item.string ?? item["to"]?.string else { continue }
                edges[Self.key(source, to)] = ValuesOrigin(mark: item.mark, path: "mesh.connectivity.\(source)[\(i)]")
            }
        }
        if let node = mesh?["connectivityTable"], let text = node.string {
            let origin = MeshLoader.tableOrigin(node: node, keyMark: mesh?.mapping?.keyMarks["connectivityTable"], text: text)
            if let table = try? MatrixTable.parse(text, origin: origin, path: "mesh.connectivityTable") {
                let columns = table.columns.map { MatrixTable.id(forHeader: $0.text) }
                for row in table.rows {
                    let source = MatrixTable.id(forHeader: row.header.text)
                    for (column, entry) in zip(columns, row.cells) where entry.verdict == .allow {
                        let origin = ValuesOrigin(mark: entry.cell.mark, path: "mesh.connectivityTable (\(source) → \(column))")
                        if column == "kube-system" { kubeSystemCells[source] = origin }
                        if edges[Self.key(source, column)] == nil { edges[Self.key(source, column)] = origin }
                    }
                }
            }
        }
    }

    static func key(_ from: String, _ to: String) -> String { from + "\u{0}" + to }

    func edgeOrigin(_ from: Endpoint, _ to: Endpoint) -> ValuesOrigin? { edges[Self.key(from.id, to.id)] }

    func edge(_ from: Endpoint, _ to: Endpoint) -> String {
        edgeOrigin(from, to)?.description ?? "matrix edge \(from.id) → \(to.id)"
    }

    /// The edge between `component` and an `anywhere` external (a rule without peers).
    func anywhereOrigin(_ component: Endpoint, direction: PolicyType) -> ValuesOrigin? {
        for external in spec.externals where external.kind == .anywhere {
            let other = Endpoint.external(external.id)
            let (from, to) = direction == .ingress ? (other, component) : (component, other)
            if spec.edges.contains(where: { $0.from == from && $0.to == to }) {
                return edgeOrigin(from, to) ?? ValuesOrigin(mark: nil, path: "matrix edge \(from.id) → \(to.id)")
            }
        }
        return nil
    }

    func declaredPorts(_ owner: Endpoint) -> String {
        switch owner {
        case .component(let id):
            let node = values["mesh"]?["components"]?[id]?["ports"]
            return ValuesOrigin(mark: node?.mark, path: "mesh.components.\(id).ports").description
        case .external(let id):
            let node = values["mesh"]?["external"]?[id]?["ports"]
            return ValuesOrigin(mark: node?.mark, path: "mesh.external.\(id).ports").description
        case .kubeSystem:
            return "kube-system"
        }
    }

    /// The setting that gives `component` kube-system access in `direction` (`ingress` / `egress`): its own, the
    /// table's kube-system cell (egress), or the mesh-wide default.
    func kubeSystem(_ component: String, _ direction: String) -> ValuesOrigin {
        if let node = values["mesh"]?["components"]?[component]?["kubeSystem"]?[direction] {
            return ValuesOrigin(mark: node.mark, path: "mesh.components.\(component).kubeSystem.\(direction)")
        }
        if direction == "egress", let cell = kubeSystemCells[component] { return cell }
        let node = values["mesh"]?["kubeSystem"]?[direction]
        return ValuesOrigin(mark: node?.mark, path: "mesh.kubeSystem.\(direction)")
    }

    func custom(base: String, _ custom: Node?, _ key: String, _ index: Int, _ direction: PolicyType) -> PolicyTrace.Rule {
        let path = "\(base).\(key)[\(index)]"
        let node = custom?[key]?.sequence.flatMap { index < $0.count ? $0[index] : nil }
        let peersKey = direction == .ingress ? "from" : "to"
        let peers = (node?[peersKey]?.sequence ?? []).enumerated().map { j, peer in
            ValuesOrigin(mark: peer.mark, path: "\(path).\(peersKey)[\(j)]")
        }
        let origin = ValuesOrigin(mark: node?.mark, path: path)
        return .init(rule: origin.description, peers: peers.map(\.description), source: origin, peerSources: peers)
    }
}
