/// The label every rendered policy carries, naming its component.
public let componentLabelKey = "app.kubernetes.io/component"

/// The namespace label Kubernetes sets on every namespace.
public let namespaceNameLabelKey = "kubernetes.io/metadata.name"

extension MeshSpec {
    /// One least-privilege NetworkPolicy per component whose policy is enabled, in component id order
    /// (see design.md, "Expansion"):
    ///
    /// - `<name>-allow` in the component's namespace, labelled `app.kubernetes.io/component: <id>`,
    ///   selecting the component's pods, `policyTypes: [Ingress, Egress]`;
    /// - ingress: one rule per distinct port set listing every matrix source with that port set (the edge's
    ///   ports, else the component's declared ports), an `anywhere` source as a rule without peers; then
    ///   kube-system (on the declared ports) when the component accepts from it; then the global custom
    ///   ingress rules; then the component's own;
    /// - egress: the same over destinations (the edge's ports, else the destination's declared ports); then
    ///   kube-system access (`true`: the namespace; `dns`: kube-dns pods on 53/UDP and 53/TCP); then the
    ///   global custom egress rules; then the component's own;
    /// - a direction with no rule has no `ingress`/`egress` list: everything is denied.
    ///
    /// Linear in components + edges.
    public func expand() -> [NetworkPolicy] {
        guard policiesEnabled else { return [] }
        let spec = inComponentIDOrder
        let plan = ExpansionPlan(spec: spec)
        return plan.policies.map { plan.networkPolicy($0, of: spec) }
    }

    /// The spec with its components in id order (itself when they are already), as the expansion
    /// numbers them.
    var inComponentIDOrder: MeshSpec {
        guard zip(components, components.dropFirst()).contains(where: { !$0.id.utf8.lexicographicallyPrecedes($1.id.utf8) })
        else { return self }
        var sorted = self
        sorted.components.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return sorted
    }
}

/// One allowed flow of a component: the peer's rank, the ports, and the ports as a set.
struct Flow {
    var peer: Int
    var ports: [PolicyPort]
    /// The ports' set, numbered (`PortSetNumbers`).
    var key: Int
    /// The rank whose declared ports `ports` are; `nil` when the edge gives its own.
    var declaredBy: Int?
}

/// The peer form and declared ports of every endpoint, computed once per expansion. Endpoints are
/// numbered by rank in `Endpoint` order: components (sorted by id), externals, kube-system last.
struct PeerTable: Sendable {
    static let kubeSystemPeer = PolicyPeer(namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: "kube-system"]))
    static let dnsRule = PolicyRule(
        peers: [PolicyPeer(
            podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]),
            namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: "kube-system"]))],
        ports: [PolicyPort(protocol: "UDP", port: .number(53)), PolicyPort(protocol: "TCP", port: .number(53))])

    /// Rank of every endpoint; components take ranks 0..<components.count in their (sorted) array order.
    let rank: [Endpoint: Int]
    /// By rank; `nil`: anywhere (a rule without peers).
    let peers: [PolicyPeer?]
    let declaredPorts: [[PolicyPort]]

    init(spec: MeshSpec) {
        let sortedExternals = spec.externals.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var rank: [Endpoint: Int] = [:]
        rank.reserveCapacity(spec.components.count + sortedExternals.count + 1)
        var peers: [PolicyPeer?] = []
        var ports: [[PolicyPort]] = []
        for c in spec.components {
            rank[.component(c.id)] = peers.count
            peers.append(PeerTable.podsPeer(namespace: c.namespace, labels: c.labels))
            ports.append(c.ports)
        }
        for e in sortedExternals {
            rank[.external(e.id)] = peers.count
            switch e.kind {
            case .pods(let ns, let labels): peers.append(PeerTable.podsPeer(namespace: ns ?? spec.namespace, labels: labels))
            case .namespace(let ns): peers.append(PolicyPeer(namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: ns])))
            case .namespaceLabels(let labels): peers.append(PolicyPeer(namespaceSelector: LabelSelector(matchLabels: labels)))
            case .ipBlock(let block): peers.append(PolicyPeer(ipBlock: block))
            case .anywhere: peers.append(nil)
            }
            ports.append(e.ports)
        }
        rank[.kubeSystem] = peers.count
        peers.append(PeerTable.kubeSystemPeer)
        ports.append([])
        self.rank = rank
        self.peers = peers
        self.declaredPorts = ports
    }

    static func podsPeer(namespace: String, labels: [String: String]) -> PolicyPeer {
        PolicyPeer(
            podSelector: LabelSelector(matchLabels: labels),
            namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: namespace]))
    }

    /// Rules for one component's flows: sorted by peer rank; peers with the same port set share a rule;
    /// rules in order of their first peer; an `anywhere` peer gets a rule of its own with no peers.
    func matrixRules(_ flows: [Flow]) -> [PlannedRule] {
        var sorted = flows
        if !flows.isEmpty, zip(flows, flows.dropFirst()).contains(where: { $0.peer > $1.peer }) {
            sorted.sort { $0.peer < $1.peer }
        }
        var rules: [PlannedRule] = []
        // Rule index by port set number: a short list while a component has few distinct port
        // sets (the usual case), a dictionary beyond that (so a hub stays linear).
        var ruleForPorts: [(key: Int, rule: Int)] = []
        var ruleForPortsIndex: [Int: Int] = [:]
        func rule(for key: Int) -> Int? {
            ruleForPorts.count <= 16 ? ruleForPorts.first(where: { $0.key == key })?.rule : ruleForPortsIndex[key]
        }
        func add(_ key: Int, _ rule: Int) {
            ruleForPorts.append((key, rule))
            if ruleForPorts.count == 17 {
                ruleForPortsIndex = Dictionary(uniqueKeysWithValues: ruleForPorts.map { ($0.key, $0.rule) })
            } else if ruleForPorts.count > 17 {
                ruleForPortsIndex[key] = rule
            }
        }
        for flow in sorted {
            let ports = flow.ports.isEmpty ? nil : flow.ports
            guard peers[flow.peer] != nil else {
                rules.append(PlannedRule(peers: nil, ports: ports, portsDeclaredBy: flow.declaredBy))
                continue
            }
            if let i = rule(for: flow.key) {
                rules[i].peers?.append(flow.peer)
            } else {
                add(flow.key, rules.count)
                rules.append(PlannedRule(peers: [flow.peer], ports: ports, portsDeclaredBy: flow.declaredBy))
            }
        }
        return rules
    }
}

/// A port list compared as a set (order and repeats ignored).
struct PortSetKey: Hashable {
    let ports: Set<PolicyPort>

    init(_ ports: [PolicyPort]) {
        self.ports = Set(ports.map { p in
            var q = p
            q.protocol = p.effectiveProtocol
            return q
        })
    }
}
