import Diagnostics
import YAML

/// A NetworkPolicy document read straight from its YAML events, without building its tree: what
/// `NetworkPolicy.parse` reads from the tree, and where the parts were written.
///
/// The event reader accepts only what the tree reader accepts, and gives up (`nil`) on everything else: on any
/// problem `NetworkPolicy.parse` would report, and on what it does not model — anchors, aliases, tags, keys that are
/// not strings, a repeated key, `matchExpressions`, collections under fields it does not read. The caller then parses
/// the text and reads the tree, which reports or reads it exactly. `NetworkPolicyEventsTests` checks both readers
/// agree on random policies.
public struct NetworkPolicyEvents: Sendable {
    /// Where a rule and its parts were written.
    public struct RuleMarks: Sendable {
        public var rule: Mark
        public var peers: [Mark]
        public var ports: [Mark]
    }

    public var policy: NetworkPolicy
    /// Where the document's root mapping starts.
    public var mark: Mark
    /// `apiVersion` and `kind` as written, with `metadata.name` and `metadata.namespace` (the resource's identity)
    /// and the marks of those values and of `metadata`.
    public var apiVersion: (text: String, mark: Mark)
    public var kind: (text: String, mark: Mark)
    public var metadataMark: Mark
    public var nameMark: Mark
    public var namespaceMark: Mark?
    public var ingressMarks: [RuleMarks]
    public var egressMarks: [RuleMarks]

    /// Reads the one document of `cursor`'s text (a stream of exactly one document), or `nil`. `sharing` may replace
    /// each label selector read by an equal one (a pool of the release's selectors, held once).
    public static func read(
        _ cursor: YAMLEventCursor, sharing: (@Sendable (LabelSelector) -> LabelSelector)? = nil
    ) -> NetworkPolicyEvents? {
        var reader = Reader(cursor: cursor, share: sharing)
        return try? reader.document()
    }
}

private struct GiveUp: Error {}

private struct Reader {
    typealias Event = YAMLEventCursor.Event
    let cursor: YAMLEventCursor
    let share: (@Sendable (LabelSelector) -> LabelSelector)?

    func next() throws(GiveUp) -> Event {
        guard let e = cursor.next() else { throw GiveUp() }
        return e
    }

    /// The entries of the mapping starting with `start`: each key (one of `allowed`, given once) with its value's
    /// first event; `body` reads the value to its end.
    func mapping(_ start: Event, allowed: [String], _ body: (String, Event) throws(GiveUp) -> Void) throws(GiveUp) {
        guard start.kind == .mappingStart else { throw GiveUp() }
        var seen: UInt64 = 0
        while true {
            let k = try next()
            if k.kind == .mappingEnd { return }
            // The field names are words YAML types as strings whether quoted or plain: the text is the key.
            guard k.kind == .scalar, let index = allowed.firstIndex(of: k.text), seen & (1 << index) == 0 else { throw GiveUp() }
            seen |= 1 << index
            try body(allowed[index], try next())
        }
    }

    /// The items of the sequence starting with `start`; `body` reads each item to its end.
    func sequence(_ start: Event, _ body: (Event) throws(GiveUp) -> Void) throws(GiveUp) {
        guard start.kind == .sequenceStart else { throw GiveUp() }
        while true {
            let e = try next()
            if e.kind == .sequenceEnd { return }
            try body(e)
        }
    }

    func string(_ e: Event) throws(GiveUp) -> String {
        guard e.kind == .scalar, let s = e.string else { throw GiveUp() }
        return s
    }

    /// A label map (`NodeReader.labels`): every key and value a valid label key and value.
    func labels(_ start: Event) throws(GiveUp) -> [String: String] {
        guard start.kind == .mappingStart else { throw GiveUp() }
        var labels: [String: String] = [:]
        while true {
            let k = try next()
            if k.kind == .mappingEnd { return labels }
            guard k.kind == .scalar, let key = k.string, labels[key] == nil,
                KubernetesNames.labelKeyProblem(key) == nil
            else { throw GiveUp() }
            let value = try string(try next())
            guard KubernetesNames.labelValueProblem(value) == nil else { throw GiveUp() }
            labels[key] = value
        }
    }

    func selector(_ start: Event) throws(GiveUp) -> LabelSelector {
        var selector = LabelSelector()
        // `matchExpressions` is left to the tree reader.
        try mapping(start, allowed: ["matchLabels"]) { _, value throws(GiveUp) in
            if value.isNull { return }
            selector.matchLabels = try labels(value)
        }
        return share?(selector) ?? selector
    }

    func integer(_ e: Event) throws(GiveUp) -> Int {
        guard e.kind == .scalar, e.isPlain else { throw GiveUp() }
        switch e.scalar {
        case .int(let i): if let v = Int(exactly: i) { return v }
        case .float(let f): if f.isFinite, f == f.rounded(), abs(f) < 1e15 { return Int(f) }
        default: break
        }
        throw GiveUp()
    }

    func port(_ start: Event) throws(GiveUp) -> PolicyPort {
        var result = PolicyPort()
        var end: Int?
        try mapping(start, allowed: PolicyPort.fields) { key, value throws(GiveUp) in
            if value.isNull { return }
            switch key {
            case "protocol":
                let proto = try string(value)
                guard PolicyPort.protocols.contains(proto) else { throw GiveUp() }
                result.protocol = proto
            case "port":
                if value.kind == .scalar, let name = value.string {
                    guard KubernetesNames.portNameProblem(name) == nil else { throw GiveUp() }
                    result.port = .name(name)
                } else {
                    let n = try integer(value)
                    guard (1...65535).contains(n) else { throw GiveUp() }
                    result.port = .number(n)
                }
            default:
                end = try integer(value)
            }
        }
        if let end {
            guard case .number(let start)? = result.port, (1...65535).contains(end), end >= start else { throw GiveUp() }
            result.endPort = end
        }
        return result
    }

    func ipBlock(_ start: Event) throws(GiveUp) -> IPBlock {
        var cidrText: String?
        var excepts: [String]?
        try mapping(start, allowed: IPBlock.fields) { key, value throws(GiveUp) in
            if value.isNull { return }
            if key == "cidr" {
                cidrText = try string(value)
            } else {
                var list: [String] = []
                try sequence(value) { item throws(GiveUp) in list.append(try string(item)) }
                excepts = list
            }
        }
        guard let cidrText, let cidr = CIDR(cidrText) else { throw GiveUp() }
        for text in excepts ?? [] {
            guard let inner = CIDR(text), cidr.contains(inner) else { throw GiveUp() }
        }
        return IPBlock(cidr: cidrText, except: excepts)
    }

    func peer(_ start: Event) throws(GiveUp) -> PolicyPeer {
        var peer = PolicyPeer()
        try mapping(start, allowed: PolicyPeer.fields) { key, value throws(GiveUp) in
            if value.isNull { return }
            switch key {
            case "podSelector": peer.podSelector = try selector(value)
            case "namespaceSelector": peer.namespaceSelector = try selector(value)
            default: peer.ipBlock = try ipBlock(value)
            }
        }
        if peer.ipBlock != nil, peer.podSelector != nil || peer.namespaceSelector != nil { throw GiveUp() }
        if peer.podSelector == nil, peer.namespaceSelector == nil, peer.ipBlock == nil { throw GiveUp() }
        return peer
    }

    func rules(_ start: Event, direction: PolicyType) throws(GiveUp) -> ([PolicyRule], [NetworkPolicyEvents.RuleMarks]) {
        let peersKey = PolicyRule.peersKey(direction)
        var rules: [PolicyRule] = []
        var marks: [NetworkPolicyEvents.RuleMarks] = []
        try sequence(start) { item throws(GiveUp) in
            var rule = PolicyRule()
            var ruleMarks = NetworkPolicyEvents.RuleMarks(rule: item.mark, peers: [], ports: [])
            try mapping(item, allowed: [peersKey, "ports"]) { key, value throws(GiveUp) in
                if value.isNull { return }
                if key == peersKey {
                    var peers: [PolicyPeer] = []
                    try sequence(value) { p throws(GiveUp) in
                        peers.append(try peer(p))
                        ruleMarks.peers.append(p.mark)
                    }
                    // Held as long as the release: without the room the appends left.
                    rule.peers = peers.withUnsafeBufferPointer { Array($0) }
                } else {
                    var ports: [PolicyPort] = []
                    try sequence(value) { p throws(GiveUp) in
                        ports.append(try port(p))
                        ruleMarks.ports.append(p.mark)
                    }
                    rule.ports = ports
                }
            }
            rules.append(rule)
            marks.append(ruleMarks)
        }
        return (rules, marks)
    }

    mutating func document() throws(GiveUp) -> NetworkPolicyEvents {
        guard try next().kind == .streamStart, try next().kind == .documentStart else { throw GiveUp() }
        let root = try next()
        var apiVersion: (text: String, mark: Mark)?
        var kind: (text: String, mark: Mark)?
        var metadataMark: Mark?
        var name: (text: String, mark: Mark)?
        var namespace: (text: String, mark: Mark)?
        var labels: [String: String] = [:]
        var spec: (podSelector: LabelSelector, types: [PolicyType]?, ingress: [PolicyRule]?, egress: [PolicyRule]?)?
        var ingressMarks: [NetworkPolicyEvents.RuleMarks] = [], egressMarks: [NetworkPolicyEvents.RuleMarks] = []
        try mapping(root, allowed: NetworkPolicy.topFields) { key, value throws(GiveUp) in
            if value.isNull { return }
            switch key {
            case "apiVersion": apiVersion = (try string(value), value.mark)
            case "kind": kind = (try string(value), value.mark)
            case "metadata":
                metadataMark = value.mark
                try mapping(value, allowed: NetworkPolicy.metadataFields) { key, value throws(GiveUp) in
                    if value.isNull { return }
                    switch key {
                    case "name": name = (try string(value), value.mark)
                    case "namespace": namespace = (try string(value), value.mark)
                    case "labels": labels = try self.labels(value)
                    // Annotations are left to the tree reader; other bookkeeping is skipped when small.
                    case "annotations": throw GiveUp()
                    default: guard cursor.skipSmall(value) else { throw GiveUp() }
                    }
                }
            case "spec":
                var read: (podSelector: LabelSelector, types: [PolicyType]?, ingress: [PolicyRule]?, egress: [PolicyRule]?) =
                    (LabelSelector(), nil, nil, nil)
                try mapping(value, allowed: NetworkPolicy.specFields) { key, value throws(GiveUp) in
                    if value.isNull { return }
                    switch key {
                    case "podSelector": read.podSelector = try selector(value)
                    case "ingress": (read.ingress, ingressMarks) = try rules(value, direction: .ingress)
                    case "egress": (read.egress, egressMarks) = try rules(value, direction: .egress)
                    default:
                        var types: [PolicyType] = []
                        try sequence(value) { item throws(GiveUp) in
                            guard let type = PolicyType(rawValue: try string(item)), !types.contains(type) else { throw GiveUp() }
                            types.append(type)
                        }
                        read.types = types
                    }
                }
                spec = read
            default:
                // `status`, written by the API server.
                guard cursor.skipSmall(value) else { throw GiveUp() }
            }
        }
        guard try next().kind == .documentEnd, try next().kind == .streamEnd else { throw GiveUp() }
        guard let apiVersion, apiVersion.text == "networking.k8s.io/v1", let kind, kind.text == "NetworkPolicy",
            let metadataMark, let name, KubernetesNames.dns1123SubdomainProblem(name.text) == nil
        else { throw GiveUp() }
        if let namespace, KubernetesNames.dns1123LabelProblem(namespace.text) != nil { throw GiveUp() }
        var policy = NetworkPolicy(
            name: name.text, namespace: namespace?.text, labels: labels, annotations: [:], podSelector: LabelSelector(),
            policyTypes: [.ingress], ingress: nil, egress: nil)
        if let spec {
            policy.podSelector = spec.podSelector
            policy.ingress = spec.ingress
            policy.egress = spec.egress
            policy.policyTypes = spec.types ?? ((spec.egress ?? []).isEmpty ? [.ingress] : [.ingress, .egress])
        }
        return NetworkPolicyEvents(
            policy: policy, mark: root.mark, apiVersion: apiVersion, kind: kind, metadataMark: metadataMark,
            nameMark: name.mark, namespaceMark: namespace?.mark, ingressMarks: ingressMarks, egressMarks: egressMarks)
    }
}
