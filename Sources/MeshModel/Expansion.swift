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
        let peers = PeerTable(spec: self)
        var incoming = [[Edge]](repeating: [], count: components.count)
        var outgoing = [[Edge]](repeating: [], count: components.count)
        for edge in edges {
            if case .component(let id) = edge.to, let i = peers.componentIndex[id] { incoming[i].append(edge) }
            if case .component(let id) = edge.from, let i = peers.componentIndex[id] { outgoing[i].append(edge) }
        }
        var policies: [NetworkPolicy] = []
        policies.reserveCapacity(components.count)
        for (i, c) in components.enumerated() where c.policyEnabled {
            var ingress = peers.matrixRules(
                incoming[i].sorted { $0.from < $1.from }.map { ($0.from, $0.ports ?? c.ports) })
            if c.kubeSystemIngress {
                ingress.append(PolicyRule(peers: [PeerTable.kubeSystemPeer], ports: c.ports.isEmpty ? nil : c.ports))
            }
            ingress += customIngress
            ingress += c.customIngress

            var egress = peers.matrixRules(
                outgoing[i].sorted { $0.to < $1.to }.map { ($0.to, $0.ports ?? peers.declaredPorts($0.to)) })
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

/// The peer form of every endpoint, computed once per expansion.
struct PeerTable {
    static let kubeSystemPeer = PolicyPeer(namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: "kube-system"]))
    static let dnsRule = PolicyRule(
        peers: [PolicyPeer(
            podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]),
            namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: "kube-system"]))],
        ports: [PolicyPort(protocol: "UDP", port: .number(53)), PolicyPort(protocol: "TCP", port: .number(53))])

    let componentIndex: [String: Int]
    let componentPeers: [PolicyPeer]
    let componentPorts: [[PolicyPort]]
    /// `nil` peer: anywhere.
    let externalPeers: [String: (peer: PolicyPeer?, ports: [PolicyPort])]

    init(spec: MeshSpec) {
        var index: [String: Int] = [:]
        index.reserveCapacity(spec.components.count)
        for (i, c) in spec.components.enumerated() { index[c.id] = i }
        componentIndex = index
        componentPeers = spec.components.map { PeerTable.podsPeer(namespace: $0.namespace, labels: $0.labels) }
        componentPorts = spec.components.map(\.ports)
        var externals: [String: (peer: PolicyPeer?, ports: [PolicyPort])] = [:]
        for e in spec.externals {
            let peer: PolicyPeer?
            switch e.kind {
            case .pods(let ns, let labels): peer = PeerTable.podsPeer(namespace: ns ?? spec.namespace, labels: labels)
            case .namespace(let ns): peer = PolicyPeer(namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: ns]))
            case .namespaceLabels(let labels): peer = PolicyPeer(namespaceSelector: LabelSelector(matchLabels: labels))
            case .ipBlock(let block): peer = PolicyPeer(ipBlock: block)
            case .anywhere: peer = nil
            }
            externals[e.id] = (peer, e.ports)
        }
        externalPeers = externals
    }

    static func podsPeer(namespace: String, labels: [String: String]) -> PolicyPeer {
        PolicyPeer(
            podSelector: LabelSelector(matchLabels: labels),
            namespaceSelector: LabelSelector(matchLabels: [namespaceNameLabelKey: namespace]))
    }

    /// The peer of an endpoint; `nil` for `anywhere`.
    func peer(_ e: Endpoint) -> PolicyPeer? {
        switch e {
        case .component(let id): return componentIndex[id].map { componentPeers[$0] }
        case .external(let id): return externalPeers[id]?.peer
        case .kubeSystem: return PeerTable.kubeSystemPeer
        }
    }

    /// The ports an endpoint declares (empty: any).
    func declaredPorts(_ e: Endpoint) -> [PolicyPort] {
        switch e {
        case .component(let id): return componentIndex[id].map { componentPorts[$0] } ?? []
        case .external(let id): return externalPeers[id]?.ports ?? []
        case .kubeSystem: return []
        }
    }

    /// Rules for (peer endpoint, ports) pairs given in peer order: peers with the same port set share a rule;
    /// rules in order of their first peer; an `anywhere` endpoint gets a rule of its own with no peers.
    func matrixRules(_ flows: [(Endpoint, [PolicyPort])]) -> [PolicyRule] {
        var rules: [PolicyRule] = []
        var ruleForPorts: [PortSetKey: Int] = [:]
        for (endpoint, ports) in flows {
            let rulePorts = ports.isEmpty ? nil : ports
            guard let peer = peer(endpoint) else {
                rules.append(PolicyRule(peers: nil, ports: rulePorts))
                continue
            }
            let key = PortSetKey(ports)
            if let i = ruleForPorts[key] {
                rules[i].peers?.append(peer)
            } else {
                ruleForPorts[key] = rules.count
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
