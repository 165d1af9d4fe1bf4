/// The expansion with peers as ranks (`PeerTable`): computed once, then materialised either as
/// `NetworkPolicy` values (`expand()`) or straight as the `.Mesh` template object, where every
/// endpoint's peer and every shared rule is converted once instead of once per policy.
struct ExpansionPlan: Sendable {
    let peers: PeerTable
    let policies: [PlannedPolicy]

    /// The plan of `spec`, whose components must be in id order (`expand()` sorts first).
    init(spec: MeshSpec) {
        let peers = PeerTable(spec: spec)
        let components = spec.components
        // Port sets compared as sets, each numbered once (flows then compare numbers).
        var portSets = PortSetNumbers()
        let declaredSets = peers.declaredPorts.map { portSets.number(of: $0) }
        // Edge endpoints as ranks in Endpoint order; each component's flows in peer order.
        var incoming = [[Flow]](repeating: [], count: components.count)
        var outgoing = [[Flow]](repeating: [], count: components.count)
        for edge in spec.edges {
            guard let from = peers.rank[edge.from], let to = peers.rank[edge.to] else { continue }
            let key = edge.ports.map { portSets.number(of: $0) } ?? declaredSets[to]
            let declaredBy = edge.ports == nil ? to : nil
            if to < components.count {
                let ports = edge.ports ?? components[to].ports
                incoming[to].append(Flow(peer: from, ports: ports, key: key, declaredBy: declaredBy))
            }
            if from < components.count {
                let ports = edge.ports ?? peers.declaredPorts[to]
                outgoing[from].append(Flow(peer: to, ports: ports, key: key, declaredBy: declaredBy))
            }
        }
        var policies: [PlannedPolicy] = []
        policies.reserveCapacity(components.count)
        for (i, c) in components.enumerated() where c.policyEnabled {
            var ingress = peers.matrixRules(incoming[i]).map(PlannedRuleRef.matrix)
            if c.kubeSystemIngress { ingress.append(.kubeSystemIngress(declaredBy: i)) }
            ingress += spec.customIngress.indices.map(PlannedRuleRef.globalCustom)
            ingress += c.customIngress.indices.map(PlannedRuleRef.componentCustom)

            var egress = peers.matrixRules(outgoing[i]).map(PlannedRuleRef.matrix)
            switch c.kubeSystemEgress {
            case .namespace: egress.append(.kubeSystemEgress)
            case .dns: egress.append(.dns)
            case .none: break
            }
            egress += spec.customEgress.indices.map(PlannedRuleRef.globalCustom)
            egress += c.customEgress.indices.map(PlannedRuleRef.componentCustom)
            policies.append(PlannedPolicy(component: i, ingress: ingress, egress: egress))
        }
        self.peers = peers
        self.policies = policies
    }

    /// The policy as the NetworkPolicy model.
    func networkPolicy(_ p: PlannedPolicy, of spec: MeshSpec) -> NetworkPolicy {
        let c = spec.components[p.component]
        func rules(_ refs: [PlannedRuleRef], _ global: [PolicyRule], _ own: [PolicyRule]) -> [PolicyRule]? {
            guard !refs.isEmpty else { return nil }
            return refs.map { ref in
                switch ref {
                case .matrix(let rule): return PolicyRule(peers: rule.peers?.map { peers.peers[$0]! }, ports: rule.ports)
                case .kubeSystemIngress: return PolicyRule(peers: [PeerTable.kubeSystemPeer], ports: c.ports.isEmpty ? nil : c.ports)
                case .kubeSystemEgress: return PolicyRule(peers: [PeerTable.kubeSystemPeer])
                case .dns: return PeerTable.dnsRule
                case .globalCustom(let i): return global[i]
                case .componentCustom(let i): return own[i]
                }
            }
        }
        return NetworkPolicy(
            name: c.name + "-allow", namespace: c.namespace, labels: [componentLabelKey: c.id],
            podSelector: LabelSelector(matchLabels: c.labels), policyTypes: [.ingress, .egress],
            ingress: rules(p.ingress, spec.customIngress, c.customIngress),
            egress: rules(p.egress, spec.customEgress, c.customEgress))
    }
}

/// One component's policy: its rules in order, by reference.
struct PlannedPolicy: Sendable {
    let component: Int
    let ingress: [PlannedRuleRef]
    let egress: [PlannedRuleRef]
}

/// Where a rule of a planned policy comes from.
enum PlannedRuleRef: Sendable {
    /// Matrix peers with one port set.
    case matrix(PlannedRule)
    /// kube-system's namespace on the declared ports of the component at this index.
    case kubeSystemIngress(declaredBy: Int)
    /// kube-system's namespace, any port.
    case kubeSystemEgress
    /// kube-dns pods on 53/UDP and 53/TCP.
    case dns
    /// The mesh's custom rule at this index (of the rule's direction).
    case globalCustom(Int)
    /// The component's own custom rule at this index.
    case componentCustom(Int)
}

/// A matrix rule: peers by rank (`nil`: anywhere) and ports (`nil`: all).
struct PlannedRule: Sendable {
    var peers: [Int]?
    var ports: [PolicyPort]?
    /// The rank whose declared ports `ports` are, when they are.
    var portsDeclaredBy: Int?
}

/// Numbers for port lists, equal when the lists are equal as sets (`PortSetKey`).
struct PortSetNumbers {
    private var numbers: [PortSetKey: Int] = [:]
    private var byList: [[PolicyPort]: Int] = [:]

    /// The number of `ports`' set; a list seen before is found without building its set.
    mutating func number(of ports: [PolicyPort]) -> Int {
        if let n = byList[ports] { return n }
        let key = PortSetKey(ports)
        let n = numbers[key] ?? numbers.count
        numbers[key] = n
        byList[ports] = n
        return n
    }
}
