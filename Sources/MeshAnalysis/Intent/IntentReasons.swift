import MeshModel

extension IntendedConnectivity {
    /// What in the mesh intends the flow between two inventory endpoints: matrix edges, kube-system access, custom
    /// rules — on the source's egress side and on the destination's ingress side (`matrix edge lb-gateway → agent`,
    /// `kube-system egress of agent`, `custom ingress rule 1 of db`, `global custom egress rule 2`).
    public func reasons(from source: Int, to destination: Int) -> [String] {
        let membership = MeshMembership(mesh: mesh)
        let s = inventory.endpoints[source], d = inventory.endpoints[destination]
        var reasons: [String] = []
        func add(_ reason: String) { if !reasons.contains(reason) { reasons.append(reason) } }
        func covers(_ endpoint: Endpoint, _ member: InventoryEndpoint) -> Bool { membership.contains(endpoint, member) }
        for component in mesh.components where mesh.policiesEnabled && component.policyEnabled {
            let me = Endpoint.component(component.id)
            if covers(me, s) {
                for edge in mesh.edges where edge.from == me && covers(edge.to, d) { add("matrix edge \(edge.from) → \(edge.to)") }
                switch component.kubeSystemEgress {
                case .namespace where covers(.kubeSystem, d): add("kube-system egress of \(component.id)")
                case .dns where MeshMembership.isClusterDNS(d): add("kube-system DNS egress of \(component.id)")
                default: break
                }
                for (index, rule) in mesh.customEgress.enumerated() where rule.matchesPeer(d, policyNamespace: component.namespace) {
                    add("global custom egress rule \(index + 1)")
                }
                for (index, rule) in component.customEgress.enumerated() where rule.matchesPeer(d, policyNamespace: component.namespace) {
                    add("custom egress rule \(index + 1) of \(component.id)")
                }
            }
            if covers(me, d) {
                for edge in mesh.edges where edge.to == me && covers(edge.from, s) { add("matrix edge \(edge.from) → \(edge.to)") }
                if component.kubeSystemIngress && covers(.kubeSystem, s) { add("kube-system ingress of \(component.id)") }
                for (index, rule) in mesh.customIngress.enumerated() where rule.matchesPeer(s, policyNamespace: component.namespace) {
                    add("global custom ingress rule \(index + 1)")
                }
                for (index, rule) in component.customIngress.enumerated() where rule.matchesPeer(s, policyNamespace: component.namespace) {
                    add("custom ingress rule \(index + 1) of \(component.id)")
                }
            }
        }
        return reasons
    }
}
