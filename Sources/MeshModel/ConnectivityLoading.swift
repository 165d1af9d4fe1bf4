import Diagnostics
import YAML

extension MeshLoader {
    static let edgeKeys = ["to", "ports"]

    /// `mesh.connectivity`: source id → list of destinations, each a bare id or `{to: ID, ports: [...]}`.
    /// kube-system is a destination only; that a component accepts from kube-system is `kubeSystem.ingress`.
    mutating func loadConnectivity(_ node: Node) throws(InputError) {
        guard let m = node.mapping else {
            throw NodeReader.typeError(node, path: "mesh.connectivity", expected: "a map of source ids to destination lists")
        }
        let total = m.entries.values.reduce(0) { $0 + ($1.sequence?.count ?? 0) }
        spec.edges.reserveCapacity(spec.edges.count + total)
        edgeMarks.reserveCapacity(edgeMarks.count + total)
        for (sourceID, value) in m.entries {
            let path = NodeReader.child("mesh.connectivity", sourceID)
            let sourceMark = m.keyMarks[sourceID] ?? node.mark
            let source = try endpoint(sourceID, mark: sourceMark, path: path)
            if source == .kubeSystem {
                throw InputError(
                    "kube-system cannot be a source here: use mesh.kubeSystem.ingress or a component's kubeSystem.ingress",
                    at: sourceMark, path: path)
            }
            if value.isNull { continue }
            // Item paths are only worked out for an error.
            for (i, item) in try NodeReader.sequence(value, path: path).enumerated() {
                let edge = try destination(item, from: source, path: NodeReader.item(path, i))
                try addEdge(edge, mark: item.mark, path: NodeReader.item(path, i))
            }
        }
    }

    func destination(_ item: Node, from source: Endpoint, path itemPath: @autoclosure () -> String) throws(InputError) -> Edge {
        if case .string(let id) = item.kind {
            return Edge(from: source, to: try endpoint(id, mark: item.mark, path: itemPath()))
        }
        let path = itemPath()
        guard item.mapping != nil else {
            throw NodeReader.typeError(item, path: path, expected: "an id or a map {to: ID, ports: [...]}")
        }
        let m = try NodeReader.mapping(item, path: path, allowed: MeshLoader.edgeKeys, noun: "key")
        guard let toNode = NodeReader.present(m, "to") else {
            throw InputError("missing key \"to\"", at: item.mark, path: path)
        }
        let toPath = NodeReader.child(path, "to")
        let to = try endpoint(try NodeReader.string(toNode, path: toPath), mark: toNode.mark, path: toPath)
        var ports: [PolicyPort]?
        if let p = NodeReader.present(m, "ports") {
            let portsPath = NodeReader.child(path, "ports")
            let list = try MeshLoader.ports(p, path: portsPath)
            if list.isEmpty {
                throw InputError("must not be empty (leave ports out to use the destination's declared ports)", at: p.mark, path: portsPath)
            }
            ports = list
        }
        return Edge(from: source, to: to, ports: ports)
    }

    /// Adds the edges of a Vald-style matrix table: ✅ is an edge, ⛔ none, N/A only on the diagonal. The
    /// `kube-system` column sets a component's kube-system egress (✅ keeps `dns` where configured, else `true`).
    mutating func apply(_ table: MatrixTable, path: String) throws(InputError) {
        var columns: [Endpoint] = []
        for column in table.columns {
            let id = MatrixTable.id(forHeader: column.text)
            let e = try endpoint(id, mark: column.mark, path: path)
            if columns.contains(e) { throw InputError("column \"\(column.text)\" appears twice", at: column.mark, path: path) }
            columns.append(e)
        }
        var seenRows: Set<Endpoint> = []
        for row in table.rows {
            let source = try endpoint(MatrixTable.id(forHeader: row.header.text), mark: row.header.mark, path: path)
            if source == .kubeSystem {
                throw InputError(
                    "kube-system cannot be a source here: use mesh.kubeSystem.ingress or a component's kubeSystem.ingress",
                    at: row.header.mark, path: path)
            }
            if !seenRows.insert(source).inserted {
                throw InputError("row \"\(row.header.text)\" appears twice", at: row.header.mark, path: path)
            }
            for (column, entry) in zip(columns, row.cells) {
                let ports = try MatrixTable.cellContent(entry.cell, path: path).ports
                try applyCell(entry.verdict, ports: ports, mark: entry.cell.mark, from: source, to: column, path: path)
            }
        }
    }

    private mutating func applyCell(
        _ verdict: MatrixTable.Verdict, ports: [PolicyPort]?, mark: Mark?, from source: Endpoint, to column: Endpoint,
        path: String
    ) throws(InputError) {
        let impossible = source == column || (!source.isComponent && !column.isComponent)
        if verdict == .notApplicable {
            if !impossible {
                throw InputError(
                    "N/A is only for cells that cannot be an edge (\(source.id) -> \(column.id) can): write ✅ or ⛔", at: mark, path: path)
            }
            return
        }
        if case .component(let id) = source, column == .kubeSystem, let index = componentIndex[id] {
            try setKubeSystemEgress(index: index, allowed: verdict == .allow, mark: mark, path: path)
            // Ports towards kube-system are those of cluster DNS (the only ports its access is limited to).
            if verdict == .allow, ports != nil, explicitKubeSystemEgress[id] == nil {
                spec.components[index].kubeSystemEgress = .dns
            }
            return
        }
        guard verdict == .allow else {
            if let written = edgeMarks[EdgeKey(from: source, to: column)] {
                spec.warnings.append(ValuesWarning(
                    "\(source.id) -> \(column.id) is ⛔ here but an edge allows it\(written.map { " (\($0))" } ?? ""): the edge wins",
                    at: mark, path: path))
            }
            return
        }
        try addEdge(Edge(from: source, to: column, ports: ports), mark: mark, path: path)
    }

    private mutating func setKubeSystemEgress(index: Int, allowed: Bool, mark: Mark?, path: String) throws(InputError) {
        let id = spec.components[index].id
        let current = spec.components[index].kubeSystemEgress
        if let (explicit, written) = explicitKubeSystemEgress[id], (explicit != .none) != allowed {
            throw InputError(
                "\(id) -> kube-system is \(allowed ? "✅" : "⛔") here but mesh.components.\(id).kubeSystem.egress is \(explicit.rawValue) (\(written))",
                at: mark, path: path)
        }
        if !allowed {
            spec.components[index].kubeSystemEgress = .none
        } else if current == .none {
            spec.components[index].kubeSystemEgress = .namespace
        }
    }
}
