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
        if zip(components, components.dropFirst()).contains(where: { !$0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
            var sorted = self
            sorted.components.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            return sorted.expand()
        }
        let peers = PeerTable(spec: self)
        // Edge endpoints as ranks in Endpoint order; each component's flows in peer order.
        var incoming = [[Flow]](repeating: [], count: components.count)
        var outgoing = [[Flow]](repeating: [], count: components.count)
        for edge in edges {
            guard let from = peers.rank[edge.from], let to = peers.rank[edge.to] else { continue }
            let edgeKey = edge.ports.map(PortSetKey.init)
            if to < components.count {
                let ports = edge.ports ?? components[to].ports
                incoming[to].append(Flow(peer: from, ports: ports, key: edgeKey ?? peers.declaredKeys[to]))
            }
            if from < components.count {
                let ports = edge.ports ?? peers.declaredPorts[to]
                outgoing[from].append(Flow(peer: to, ports: ports, key: edgeKey ?? peers.declaredKeys[to]))
            }
        }
        var policies: [NetworkPolicy] = []
        policies.reserveCapacity(components.count)
        for (i, c) in components.enumerated() where c.policyEnabled {
            var ingress = peers.matrixRules(incoming[i])
            if c.kubeSystemIngress {
                ingress.append(PolicyRule(peers: [PeerTable.kubeSystemPeer], ports: c.ports.isEmpty ? nil : c.ports))
            }
            ingress += customIngress
            ingress += c.customIngress

            var egress = peers.matrixRules(outgoing[i])
            switch c.kubeSystemEgress {
            case .namespace: egress.append(PolicyRule(peers: [PeerTable.kubeSystemPeer]))
            case .dns: egress.append(PeerTable.dnsRule)
            case .none: break
            }
            egress += customEgress
            egress += c.customEgress

            policies.append(NetworkPolicy(
                name: c.name + "-allow", namespace: c.namespace, labels: [componentLabelKey: c.id],
                podSelector: LabelSelector(matchLabels: c.labels), policyTypes: [.ingress, .egress],
                ingress: ingress.isEmpty ? nil : ingress, egress: egress.isEmpty ? nil : egress))
        }
        return policies
    }
}

/// One allowed flow of a component: the peer's rank, the ports, and the ports as a set.
struct Flow {
    var peer: Int
    var ports: [PolicyPort]
    var key: PortSetKey
}

/// The peer form and declared ports of every endpoint, computed once per expansion. Endpoints are
/// numbered by rank in `Endpoint` order: components (sorted by id), externals, kube-system last.
struct PeerTable {
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
    let declaredKeys: [PortSetKey]

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
        self.declaredKeys = ports.map(PortSetKey.init)
    }

    static func podsPeer(namespace: String, labels: [String: String]) -> PolicyPeer {
        PolicyPeer(
            podSelector: LabelSelector(matchLabels: labels),
            namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: namespace]))
    }

    /// Rules for one component's flows: sorted by peer rank; peers with the same port set share a rule;
    /// rules in order of their first peer; an `anywhere` peer gets a rule of its own with no peers.
    func matrixRules(_ flows: [Flow]) -> [PolicyRule] {
        var sorted = flows
        if !flows.isEmpty, zip(flows, flows.dropFirst()).contains(where: { $0.peer > $1.peer }) {
            sorted.sort { $0.peer < $1.peer }
        }
        var rules: [PolicyRule] = []
        var ruleForPorts: [PortSetKey: Int] = [:]
        for flow in sorted {
            let rulePorts = flow.ports.isEmpty ? nil : flow.ports
            guard let peer = peers[flow.peer] else {
                rules.append(PolicyRule(peers: nil, ports: rulePorts))
                continue
            }
            if let i = ruleForPorts[flow.key] {
                rules[i].peers?.append(peer)
            } else {
                ruleForPorts[flow.key] = rules.count
                rules.append(PolicyRule(peers: [peer], ports: rulePorts))
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
