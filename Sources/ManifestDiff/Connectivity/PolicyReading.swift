import YAMLCore

/// The parts of a NetworkPolicy manifest the built-in evaluator needs, read with positions for errors.
///
/// Reading is in two steps: the subject (name, namespace, pod selector, isolation) at once, the rules
/// (`rules(_:)`) only for the components whose flows are evaluated.
///
/// A class: readings are shared between the two releases' graphs and passed around a lot.
final class PolicyReading: Sendable {
    struct Selector: Hashable {
        var labels: Labels
        /// `matchExpressions` as (key, operator, values).
        var expressions: [Expression]

        struct Expression: Hashable {
            var key: String
            var op: String
            var values: [String]
        }

        var isEmpty: Bool { labels.isEmpty && expressions.isEmpty }

        /// Whether pods labelled `podLabels` match.
        func matches(_ podLabels: Labels) -> Bool {
            for label in labels where podLabels[label.key] != label.value { return false }
            for e in expressions {
                let present = podLabels[e.key]
                switch e.op {
                case "In":
                    guard let p = present, e.values.contains(p) else { return false }
                case "NotIn": if let p = present, e.values.contains(p) { return false }
                case "Exists": if present == nil { return false }
                case "DoesNotExist": if present != nil { return false }
                default: return false
                }
            }
            return true
        }

        /// `k=v,k2=v2` (sorted), then expressions.
        var text: String {
            var parts = labels.map { "\($0.key)=\($0.value)" }
            for e in expressions { parts.append("\(e.key) \(e.op) (\(e.values.joined(separator: ",")))") }
            return parts.joined(separator: ",")
        }
    }

    struct Peer {
        var podSelector: Selector?
        var namespaceSelector: Selector?
        var ipBlock: String?
    }

    struct Rule {
        /// `nil`: any peer.
        var peers: [Peer]?
        var ports: RulePorts
    }

    let id: ResourceID
    /// 0 when the policy is the same in both releases compared, else 1 (old) or 2 (new): keys the rule cache.
    let release: Int
    let name: String
    let namespace: String
    /// The policy's `app.kubernetes.io/component` label: the component id rendered policies carry.
    let componentLabel: String?
    let podSelector: Selector
    let isolatesIngress: Bool
    let isolatesEgress: Bool
    /// The policy; its `spec` holds the rules (read from the full tree only when asked for).
    let document: Document

    static let componentLabelKey = "app.kubernetes.io/component"

    init(_ document: Document, release: Int = 0) throws(InputError) {
        self.release = release
        // The subject holds what is read here, also when the full tree is not built yet.
        let node = document.subject
        self.document = document
        id = document.id
        name = document.id.name
        namespace = document.id.namespace
        componentLabel = node["metadata"]?["labels"]?[Self.componentLabelKey]?.string
        let spec = node["spec"]
        guard let spec, spec.isMapping else {
            throw InputError("NetworkPolicy has no spec map", at: node.mark, path: "spec")
        }
        podSelector = try Self.selector(spec["podSelector"], at: spec.mark) { "spec.podSelector" } ?? Selector(labels: [:], expressions: [])
        if let typesNode = spec["policyTypes"], !typesNode.isNull {
            guard let items = typesNode.sequence else {
                throw InputError("policyTypes must be a list", at: typesNode.mark, path: "spec.policyTypes")
            }
            var types: Set<String> = []
            for (i, item) in items.enumerated() {
                guard let s = item.string, s == "Ingress" || s == "Egress" else {
                    throw InputError("policy type must be Ingress or Egress", at: item.mark, path: "spec.policyTypes[\(i)]")
                }
                types.insert(s)
            }
            isolatesIngress = types.contains("Ingress")
            isolatesEgress = types.contains("Egress")
        } else {
            isolatesIngress = true
            isolatesEgress = spec["egress"].map { !$0.isNull } ?? false
        }
    }

    /// The ingress or egress rules.
    func rules(_ direction: Direction) throws(InputError) -> [Rule] {
        let spec = document.node["spec"] ?? .null
        switch direction {
        case .ingress: return try Self.rules(spec["ingress"], peersKey: "from") { "spec.ingress" }
        case .egress: return try Self.rules(spec["egress"], peersKey: "to") { "spec.egress" }
        }
    }

    enum Direction { case ingress, egress }

    private static func rules(_ node: Node?, peersKey: String, path: () -> String) throws(InputError) -> [Rule] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            throw InputError("must be a list of rules, found \(node.typeDescription)", at: node.mark, path: path())
        }
        var rules: [Rule] = []
        for (i, item) in items.enumerated() {
                        guard item.isMapping || item.isNull else {
                throw InputError("a rule must be a map, found \(item.typeDescription)", at: item.mark, path: "\(path())[\(i)]")
            }
            var peers: [Peer]? = nil
            if let peersNode = item[peersKey], !peersNode.isNull {
                guard let peerItems = peersNode.sequence else {
                    throw InputError("must be a list of peers", at: peersNode.mark, path: "\(path())[\(i)].\(peersKey)")
                }
                if !peerItems.isEmpty {
                    var list: [Peer] = []
                    for (j, p) in peerItems.enumerated() {
                        list.append(try peer(p) { "\(path())[\(i)].\(peersKey)[\(j)]" })
                    }
                    peers = list
                }
            }
            rules.append(Rule(peers: peers, ports: try ports(item["ports"]) { "\(path())[\(i)].ports" }))
        }
        return rules
    }

    private static func peer(_ node: Node, path: () -> String) throws(InputError) -> Peer {
        guard node.isMapping else {
            throw InputError("a peer must be a map, found \(node.typeDescription)", at: node.mark, path: path())
        }
        var ipBlock: String? = nil
        if let block = node["ipBlock"], !block.isNull {
            guard let cidr = block["cidr"]?.string else {
                throw InputError("ipBlock needs a cidr string", at: block.mark, path: "\(path()).ipBlock.cidr")
            }
            var text = cidr
            if let except = block["except"]?.sequence, !except.isEmpty {
                text += " except " + except.compactMap(\.string).joined(separator: ",")
            }
            ipBlock = text
        }
        return Peer(
            podSelector: try selector(node["podSelector"], at: node.mark) { "\(path()).podSelector" },
            namespaceSelector: try selector(node["namespaceSelector"], at: node.mark) { "\(path()).namespaceSelector" },
            ipBlock: ipBlock)
    }

    private static func selector(_ node: Node?, at mark: Mark?, path: () -> String) throws(InputError) -> Selector? {
        guard let node, !node.isNull else { return nil }
        guard node.isMapping else {
            throw InputError("a label selector must be a map, found \(node.typeDescription)", at: node.mark ?? mark, path: path())
        }
        var labels = Labels()
        if let ml = node["matchLabels"], !ml.isNull {
            guard let m = ml.mapping else {
                throw InputError("matchLabels must be a map", at: ml.mark, path: "\(path()).matchLabels")
            }
            for (k, v) in m.entries {
                guard let s = scalarText(v) else {
                    throw InputError("a label value must be a string", at: v.mark, path: "\(path()).matchLabels.\(k)")
                }
                labels[k] = s
            }
        }
        var expressions: [Selector.Expression] = []
        if let me = node["matchExpressions"], !me.isNull {
            guard let items = me.sequence else {
                throw InputError("matchExpressions must be a list", at: me.mark, path: "\(path()).matchExpressions")
            }
            for (i, item) in items.enumerated() {
                guard let key = item["key"]?.string, let op = item["operator"]?.string else {
                    throw InputError("a requirement needs key and operator", at: item.mark,
                                     path: "\(path()).matchExpressions[\(i)]")
                }
                let values = (item["values"]?.sequence ?? []).compactMap(scalarText)
                expressions.append(.init(key: key, op: op, values: values))
            }
        }
        return Selector(labels: labels, expressions: expressions)
    }

    private static func ports(_ node: Node?, path: () -> String) throws(InputError) -> RulePorts {
        guard let node, !node.isNull else { return .any }
        guard let items = node.sequence else {
            throw InputError("ports must be a list", at: node.mark, path: path())
        }
        if items.isEmpty { return .any }
        var set: Set<String> = []
        for (i, item) in items.enumerated() {
            guard item.isMapping else {
                throw InputError("a port must be a map", at: item.mark, path: "\(path())[\(i)]")
            }
            let proto = item["protocol"]?.string ?? "TCP"
            var port = "*"
            if let p = item["port"], !p.isNull {
                guard let text = scalarText(p) else {
                    throw InputError("port must be a number or a name", at: p.mark, path: "\(path())[\(i)].port")
                }
                port = text
                if let end = item["endPort"], let endText = scalarText(end) { port += "-" + endText }
            }
            set.insert("\(port)/\(proto)")
        }
        return .ports(set)
    }

    private static func scalarText(_ node: Node) -> String? {
        switch node.kind {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .float(let f): return GoFormat.float(f)
        default: return nil
        }
    }
}

/// Ports a rule allows: every port, or a set of `port/PROTOCOL` labels (`*/UDP` = every UDP port).
enum RulePorts: Equatable {
    case any
    case ports(Set<String>)

    func union(_ other: RulePorts) -> RulePorts {
        switch (self, other) {
        case (.ports(let a), .ports(let b)): return .ports(a.union(b))
        default: return .any
        }
    }

    func intersection(_ other: RulePorts) -> RulePorts {
        switch (self, other) {
        case (.any, _): return other
        case (_, .any): return self
        case (.ports(let a), .ports(let b)):
            var out: Set<String> = []
            for x in a {
                for y in b {
                    if x == y { out.insert(x) }
                    else if x.hasPrefix("*/"), y.hasSuffix(x.dropFirst()) { out.insert(y) }
                    else if y.hasPrefix("*/"), x.hasSuffix(y.dropFirst()) { out.insert(x) }
                }
            }
            return .ports(out)
        }
    }

    /// The labels of the ports, `any` for every port.
    var labels: [String] {
        switch self {
        case .any: return ["any"]
        case .ports(let s): return Array(s)
        }
    }
}
