import Diagnostics
import YAML

extension MeshLoader {
    static let externalKeys = ["namespace", "labels", "namespaceLabels", "ipBlock", "anywhere", "ports"]

    /// `mesh.external`: id → one of `{namespace, labels}`, `{labels}`, `{namespace}`, `{namespaceLabels}`,
    /// `{ipBlock}`, `{anywhere: true}`, each with optional `ports`.
    mutating func loadExternals(_ node: Node) throws(InputError) {
        guard let m = node.mapping else { throw NodeReader.typeError(node, path: "mesh.external", expected: "a map of external ids") }
        var loaded: [ExternalPeer] = []
        for (id, value) in m.entries {
            let path = NodeReader.child("mesh.external", id)
            let idMark = m.keyMarks[id] ?? node.mark
            try MeshLoader.checkID(id, mark: idMark, path: path)
            if componentIndex[id] != nil {
                throw InputError("\"\(id)\" is already a component id", at: idMark, path: path)
            }
            loaded.append(try external(id: id, node: value, path: path))
        }
        loaded.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        for e in loaded {
            externalIndex[e.id] = spec.externals.count
            spec.externals.append(e)
        }
    }

    func external(id: String, node: Node, path: String) throws(InputError) -> ExternalPeer {
        let m = try NodeReader.mapping(node, path: path, allowed: MeshLoader.externalKeys, noun: "key")
        let forms = ["namespace", "labels", "namespaceLabels", "ipBlock", "anywhere"].filter { NodeReader.present(m, $0) != nil }
        var ports: [PolicyPort] = []
        if let n = NodeReader.present(m, "ports") { ports = try MeshLoader.ports(n, path: NodeReader.child(path, "ports")) }
        let combinable: Set<String> = ["namespace", "labels"]
        if forms.isEmpty {
            throw InputError("an external needs namespace, labels, namespaceLabels, ipBlock or anywhere", at: node.mark, path: path)
        }
        if forms.count > 1 && !Set(forms).isSubset(of: combinable) {
            let offending = forms.first { !combinable.contains($0) } ?? forms[1]
            let others = forms.filter { $0 != offending }.joined(separator: " and ")
            throw InputError(
                "\(offending) cannot be combined with \(others) (only namespace and labels go together)",
                at: m.keyMarks[offending] ?? node.mark, path: NodeReader.child(path, offending))
        }
        let kind: ExternalPeer.Kind
        if let n = NodeReader.present(m, "anywhere") {
            let p = NodeReader.child(path, "anywhere")
            guard try NodeReader.bool(n, path: p) else {
                throw InputError("must be true (remove the external to allow nobody)", at: n.mark, path: p)
            }
            kind = .anywhere
        } else if let n = NodeReader.present(m, "ipBlock") {
            kind = .ipBlock(try IPBlock.parse(n, path: NodeReader.child(path, "ipBlock")))
        } else if let n = NodeReader.present(m, "namespaceLabels") {
            let p = NodeReader.child(path, "namespaceLabels")
            let labels = try NodeReader.labels(n, path: p)
            if labels.isEmpty { throw InputError("must not be empty: it would select every namespace", at: n.mark, path: p) }
            kind = .namespaceLabels(labels)
        } else if let n = NodeReader.present(m, "labels") {
            let p = NodeReader.child(path, "labels")
            let labels = try NodeReader.labels(n, path: p)
            if labels.isEmpty { throw InputError("must not be empty: it would select every pod of the namespace", at: n.mark, path: p) }
            var ns = spec.namespace
            if let nsNode = NodeReader.present(m, "namespace") {
                ns = try MeshLoader.namespace(nsNode, path: NodeReader.child(path, "namespace"))
            }
            kind = .pods(namespace: ns, labels: labels)
        } else if let n = NodeReader.present(m, "namespace") {
            kind = .namespace(try MeshLoader.namespace(n, path: NodeReader.child(path, "namespace")))
        } else {
            throw InputError("an external needs namespace, labels, namespaceLabels, ipBlock or anywhere", at: node.mark, path: path)
        }
        return ExternalPeer(id: id, kind: kind, ports: ports)
    }
}
