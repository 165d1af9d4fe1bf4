import Diagnostics
import YAML

extension MeshLoader {
    static let componentKeys = ["name", "labels", "workload", "ports", "namespace", "kubeSystem", "networkPolicy"]

    /// `mesh.components`: id → component (a map, or null for all defaults).
    mutating func loadComponents(_ node: Node) throws(InputError) {
        guard let m = node.mapping else { throw NodeReader.typeError(node, path: "mesh.components", expected: "a map of component ids") }
        var loaded: [(Component, Mark?)] = []
        for (id, value) in m.entries {
            let path = NodeReader.child("mesh.components", id)
            let idMark = m.keyMarks[id] ?? node.mark
            try MeshLoader.checkID(id, mark: idMark, path: path)
            loaded.append((try component(id: id, node: value, path: path), idMark))
        }
        spec.declarationOrder = Array(m.entries.keys)
        loaded.sort { $0.0.id.utf8.lexicographicallyPrecedes($1.0.id.utf8) }
        var policyNames: [String: String] = [:]
        for (component, mark) in loaded {
            let key = component.namespace + "/" + component.name
            if let other = policyNames[key] {
                throw InputError(
                    "component name \"\(component.name)\" is also the name of component \"\(other)\" in namespace \(component.namespace): their policies would collide",
                    at: mark, path: NodeReader.child("mesh.components", component.id))
            }
            policyNames[key] = component.id
            componentIndex[component.id] = spec.components.count
            spec.components.append(component)
        }
    }

    /// An id of a component or external: a DNS-1123 label, not `kube-system`.
    static func checkID(_ id: String, mark: Mark?, path: String) throws(InputError) {
        if id == "kube-system" {
            throw InputError("\"kube-system\" is reserved for the kube-system namespace", at: mark, path: path)
        }
        if let problem = KubernetesNames.dns1123LabelProblem(id) {
            throw InputError("invalid id \"\(id)\": \(problem)", at: mark, path: path)
        }
    }

    mutating func component(id: String, node: Node, path: String) throws(InputError) -> Component {
        var c = Component(
            id: id, name: id, labels: [:], namespace: spec.namespace, policyEnabled: spec.policiesEnabled,
            kubeSystemEgress: spec.kubeSystemEgress, kubeSystemIngress: spec.kubeSystemIngress)
        guard !node.isNull else {
            c.labels = [spec.selectorKey: id]
            return c
        }
        let m = try NodeReader.mapping(node, path: path, allowed: MeshLoader.componentKeys, noun: "key")
        if let n = NodeReader.present(m, "name") {
            let p = NodeReader.child(path, "name")
            c.name = try NodeReader.string(n, path: p)
            if let problem = KubernetesNames.dns1123LabelProblem(c.name) {
                throw InputError("invalid name \"\(c.name)\": \(problem)", at: n.mark, path: p)
            }
        }
        if let n = NodeReader.present(m, "namespace") {
            c.namespace = try MeshLoader.namespace(n, path: NodeReader.child(path, "namespace"))
        }
        if let n = NodeReader.present(m, "labels") {
            let p = NodeReader.child(path, "labels")
            if NodeReader.present(m, "workload") != nil {
                throw InputError("give either labels or workload, not both", at: m.keyMarks["workload"] ?? n.mark, path: NodeReader.child(path, "workload"))
            }
            c.labels = try NodeReader.labels(n, path: p)
            if c.labels.isEmpty {
                throw InputError("must not be empty: an empty selector would select every pod of the namespace", at: n.mark, path: p)
            }
        } else if let n = NodeReader.present(m, "workload") {
            c.labels = try workloadLabels(n, namespace: c.namespace, path: NodeReader.child(path, "workload"))
        } else {
            c.labels = [spec.selectorKey: c.name]
        }
        if let n = NodeReader.present(m, "ports") { c.ports = try MeshLoader.ports(n, path: NodeReader.child(path, "ports")) }
        if let n = NodeReader.present(m, "kubeSystem") {
            let p = NodeReader.child(path, "kubeSystem")
            let ks = try NodeReader.mapping(n, path: p, allowed: MeshLoader.kubeSystemKeys, noun: "key")
            if let e = NodeReader.present(ks, "egress") {
                c.kubeSystemEgress = try kubeSystemEgress(e, path: NodeReader.child(p, "egress"))
                explicitKubeSystemEgress[id] = (c.kubeSystemEgress, e.mark?.description ?? NodeReader.child(p, "egress"))
            }
            if let i = NodeReader.present(ks, "ingress") { c.kubeSystemIngress = try NodeReader.bool(i, path: NodeReader.child(p, "ingress")) }
        }
        if let n = NodeReader.present(m, "networkPolicy") {
            let settings = try networkPolicySettings(n, path: NodeReader.child(path, "networkPolicy"))
            c.policyEnabled = spec.policiesEnabled && (settings.enabled ?? true)
            c.customIngress = settings.ingress
            c.customEgress = settings.egress
        }
        return c
    }

    /// A namespace name: a DNS-1123 label.
    static func namespace(_ node: Node, path: String) throws(InputError) -> String {
        let ns = try NodeReader.string(node, path: path)
        if let problem = KubernetesNames.dns1123LabelProblem(ns) {
            throw InputError("invalid namespace \"\(ns)\": \(problem)", at: node.mark, path: path)
        }
        return ns
    }

    /// A list of NetworkPolicyPorts (`[{port: 8081, protocol: TCP}]`).
    static func ports(_ node: Node, path: String) throws(InputError) -> [PolicyPort] {
        var out: [PolicyPort] = []
        for (i, item) in try NodeReader.sequence(node, path: path).enumerated() {
            out.append(try PolicyPort.parse(item, path: NodeReader.item(path, i)))
        }
        return out
    }
}
