import MeshModel

/// The connectivity a mesh means, computed from the matrix itself (not from rendered policies): a pod of a component
/// whose policy is enabled is isolated both ways; its egress allows the members of each destination of its matrix
/// edges (edge ports, else the destination's declared ports), kube-system as `kubeSystem.egress` says (all of it;
/// cluster DNS on 53/UDP and 53/TCP; nothing), and what the global and its own custom egress rules allow, evaluated
/// as written; its ingress allows the members of each source of an edge towards it (edge ports, else its declared
/// ports), kube-system when it accepts from it (on its declared ports), and its custom ingress rules.
public struct IntendedConnectivity: Sendable {
    public let mesh: MeshSpec
    public let map: ConnectivityMap
    public var inventory: Inventory { map.inventory }

    public init(mesh: MeshSpec) {
        self.init(mesh: mesh, inventory: Inventory(mesh: mesh))
    }

    public init(mesh: MeshSpec, inventory: Inventory) {
        self.mesh = mesh
        let membership = MeshMembership(mesh: mesh)
        let groups = inventory.groups
        let matcher = PeerMatcher(groups: groups)
        var map = ConnectivityMap(inventory: inventory)
        var memberCache: [Endpoint: [Int]] = [:]
        func members(_ endpoint: Endpoint) -> [Int] {
            if let cached = memberCache[endpoint] { return cached }
            let found: [Int]
            if case .component(let id) = endpoint, let component = membership.component(id) {
                // Pods of the component's namespace carrying its labels, found through the label index.
                found = matcher.matching(PolicyPeer(podSelector: LabelSelector(matchLabels: component.labels)), namespace: component.namespace)
            } else {
                found = groups.indices.filter { membership.contains(endpoint, groups[$0]) }
            }
            memberCache[endpoint] = found
            return found
        }
        func isAnywhere(_ endpoint: Endpoint) -> Bool {
            if case .external(let id) = endpoint, case .anywhere? = membership.external(id)?.kind { return true }
            return false
        }
        let edgesFrom = Dictionary(grouping: mesh.edges, by: \.from)
        let edgesTo = Dictionary(grouping: mesh.edges, by: \.to)
        let dnsPorts = PortSet(.tcp, PortRangeSet([53...53])).union(PortSet(.udp, PortRangeSet([53...53])))

        for component in mesh.components where mesh.policiesEnabled && component.policyEnabled {
            let own = members(.component(component.id))
            for m in own {
                map.egressIsolated[m] = true
                map.ingressIsolated[m] = true
            }
            // Egress: matrix edges, kube-system, custom rules.
            for edge in edgesFrom[.component(component.id)] ?? [] {
                let ports = edge.ports ?? membership.declaredPorts(edge.to)
                if isAnywhere(edge.to) {
                    for m in own { map.allowEgressToAnyone(from: m, ports) }
                    continue
                }
                for d in members(edge.to) {
                    let set = PortSet.from(ports, namedPorts: groups[d].namedPorts)
                    for m in own { map.allowEgress(from: m, to: d, set) }
                }
            }
            switch component.kubeSystemEgress {
            case .namespace:
                for d in members(.kubeSystem) { for m in own { map.allowEgress(from: m, to: d, .all) } }
            case .dns:
                for d in members(.kubeSystem) where MeshMembership.isClusterDNS(groups[d]) {
                    for m in own { map.allowEgress(from: m, to: d, dnsPorts) }
                }
            case .none:
                break
            }
            for rule in mesh.customEgress + component.customEgress {
                if rule.appliesToAnyone {
                    for m in own { map.allowEgressToAnyone(from: m, rule.ports) }
                    continue
                }
                for d in matcher.matching(rule.peers ?? [], namespace: component.namespace) {
                    let set = PortSet.from(rule.ports, namedPorts: groups[d].namedPorts)
                    for m in own { map.allowEgress(from: m, to: d, set) }
                }
            }
            // Ingress: matrix edges, kube-system, custom rules.
            for edge in edgesTo[.component(component.id)] ?? [] {
                let ports = edge.ports ?? component.ports
                if isAnywhere(edge.from) {
                    for m in own { map.allowIngressFromAnyone(to: m, ports) }
                    continue
                }
                for m in own {
                    let set = PortSet.from(ports, namedPorts: groups[m].namedPorts)
                    for s in members(edge.from) { map.allowIngress(to: m, from: s, set) }
                }
            }
            if component.kubeSystemIngress {
                for m in own {
                    let set = PortSet.from(component.ports, namedPorts: groups[m].namedPorts)
                    for s in members(.kubeSystem) { map.allowIngress(to: m, from: s, set) }
                }
            }
            for rule in mesh.customIngress + component.customIngress {
                if rule.appliesToAnyone {
                    for m in own { map.allowIngressFromAnyone(to: m, rule.ports) }
                    continue
                }
                let sources = matcher.matching(rule.peers ?? [], namespace: component.namespace)
                for m in own {
                    let set = PortSet.from(rule.ports, namedPorts: groups[m].namedPorts)
                    for s in sources { map.allowIngress(to: m, from: s, set) }
                }
            }
        }
        self.map = map
    }
}
