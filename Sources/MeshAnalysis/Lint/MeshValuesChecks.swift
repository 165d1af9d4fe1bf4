import MeshModel
import YAML

/// Warnings about a mesh's values that load but do not do what they seem to: named ports towards addresses (they
/// never match), components whose policy is disabled while the matrix lists their edges, and custom rules that
/// open a direction to everyone (the `open-peer` test of `lint`, applied to the values).
public enum MeshValuesChecks {
    /// Every warning for `mesh` loaded from `values`, in values order.
    public static func warnings(_ mesh: MeshSpec, values: Node) -> [ValuesWarning] {
        namedPortsTowardsAddresses(mesh, values: values) + disabledComponents(mesh, values: values)
            + openCustomRules(mesh, values: values)
    }

    /// Named ports resolve against the destination pod's containers: towards an ipBlock or `anywhere` external
    /// there is no pod, so the port never matches.
    static func namedPortsTowardsAddresses(_ mesh: MeshSpec, values: Node) -> [ValuesWarning] {
        let addresses = Set(mesh.externals.filter {
            if case .ipBlock = $0.kind { return true }
            return $0.kind == .anywhere
        }.map(\.id))
        guard !addresses.isEmpty else { return [] }
        var out: [ValuesWarning] = []
        let destinations = Set(mesh.edges.map(\.to.id))
        let externals = values["mesh"]?["external"]?.mapping
        for id in mesh.externals.map(\.id) where addresses.contains(id) && destinations.contains(id) {
            for (i, port) in (externals?[id]?["ports"]?.sequence ?? []).enumerated() where isNamed(port) {
                out.append(ValuesWarning(
                    "named port towards an address (\(id) is an ipBlock or anywhere): it never matches; give the number",
                    at: port["port"]?.mark ?? port.mark, path: "mesh.external.\(id).ports[\(i)]"))
            }
        }
        for (source, list) in values["mesh"]?["connectivity"]?.mapping?.entries ?? [:] {
            for (i, item) in (list.sequence ?? []).enumerated() {
                guard let to = item["to"]?.string, addresses.contains(to) else { continue }
                for (j, port) in (item["ports"]?.sequence ?? []).enumerated() where isNamed(port) {
                    out.append(ValuesWarning(
                        "named port towards an address (\(to) is an ipBlock or anywhere): it never matches; give the number",
                        at: port["port"]?.mark ?? port.mark, path: "mesh.connectivity.\(source)[\(i)].ports[\(j)]"))
                }
            }
        }
        for (path, node, rule) in customRules(mesh, values: values) where rule.direction == .egress {
            let peers = rule.rule.peers ?? []
            guard !peers.isEmpty, peers.allSatisfy({ $0.ipBlock != nil }) else { continue }
            for (j, port) in (node["ports"]?.sequence ?? []).enumerated() where isNamed(port) {
                out.append(ValuesWarning(
                    "named port towards ipBlock peers: it never matches; give the number",
                    at: port["port"]?.mark ?? port.mark, path: "\(path).ports[\(j)]"))
            }
        }
        return out
    }

    /// A component without a policy is not isolated: the edges the matrix draws to and from it hold only on the
    /// other side.
    static func disabledComponents(_ mesh: MeshSpec, values: Node) -> [ValuesWarning] {
        let involved = Set(mesh.edges.flatMap { [$0.from.id, $0.to.id] })
        if !mesh.policiesEnabled {
            guard !mesh.edges.isEmpty else { return [] }
            let enabled = values["defaults"]?["networkPolicy"]?["enabled"]
            return [ValuesWarning(
                "no component gets a policy, yet the matrix lists \(mesh.edges.count) edge\(mesh.edges.count == 1 ? "" : "s"): none is enforced",
                at: enabled?.mark, path: "defaults.networkPolicy.enabled")]
        }
        let components = values["mesh"]?["components"]?.mapping
        return mesh.components.filter { !$0.policyEnabled && involved.contains($0.id) }.map { component in
            let node = components?[component.id]?["networkPolicy"]?["enabled"]
            return ValuesWarning(
                "\(component.id) gets no policy but appears in the matrix: nothing isolates it, its edges hold only on the other side",
                at: node?.mark ?? components?.keyMarks[component.id],
                path: "mesh.components.\(component.id).networkPolicy.enabled")
        }
    }

    /// Custom rules (global and per component) that open a direction to everyone: no peers, `namespaceSelector: {}`
    /// without a pod selector, or 0.0.0.0/0 (`lint`'s `open-peer`).
    static func openCustomRules(_ mesh: MeshSpec, values: Node) -> [ValuesWarning] {
        var out: [ValuesWarning] = []
        for (path, node, rule) in customRules(mesh, values: values) {
            let side = rule.direction == .ingress ? "from" : "to"
            if rule.rule.appliesToAnyone {
                out.append(ValuesWarning(
                    "this custom rule has no peers: it allows connections \(side) every pod and address", at: node.mark, path: path))
                continue
            }
            let peerNodes = node[side]?.sequence ?? []
            for (j, peer) in (rule.rule.peers ?? []).enumerated() {
                guard let what = OpenPeerChecks.openness(of: peer) else { continue }
                let peerNode = j < peerNodes.count ? peerNodes[j] : node
                out.append(ValuesWarning(
                    "this custom rule allows \(what)", at: peerNode.mark, path: "\(path).\(side)[\(j)]"))
            }
        }
        return out
    }

    private static func isNamed(_ port: Node) -> Bool {
        if case .string(let s)? = port["port"]?.kind { return Int(s) == nil }
        return false
    }

    /// The custom rules with their values path and node: global ones, then each component's.
    private static func customRules(_ mesh: MeshSpec, values: Node)
        -> [(path: String, node: Node, rule: (direction: PolicyType, rule: PolicyRule))]
    {
        var out: [(String, Node, (direction: PolicyType, rule: PolicyRule))] = []
        func add(_ base: String, _ custom: Node?, ingress: [PolicyRule], egress: [PolicyRule]) {
            for (direction, rules) in [(PolicyType.ingress, ingress), (.egress, egress)] {
                let key = direction == .ingress ? "ingress" : "egress"
                let nodes = custom?[key]?.sequence ?? []
                for (i, rule) in rules.enumerated() where i < nodes.count {
                    out.append(("\(base).\(key)[\(i)]", nodes[i], (direction, rule)))
                }
            }
        }
        add("defaults.networkPolicy.custom", values["defaults"]?["networkPolicy"]?["custom"],
            ingress: mesh.customIngress, egress: mesh.customEgress)
        let components = values["mesh"]?["components"]?.mapping
        for component in mesh.components {
            add("mesh.components.\(component.id).networkPolicy.custom",
                components?[component.id]?["networkPolicy"]?["custom"],
                ingress: component.customIngress, egress: component.customEgress)
        }
        return out
    }
}
