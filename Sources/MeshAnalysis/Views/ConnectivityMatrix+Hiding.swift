extension ConnectivityMatrix {
    /// The matrix without the endpoints `hidden` names: an endpoint name, `kube-system` (every endpoint in that
    /// namespace), or `representatives` (representative pods, rule peers and the unrelated pod). Their rows, columns,
    /// cells and flows go; every other cell is unchanged.
    public func hiding(_ hidden: Set<String>) -> ConnectivityMatrix {
        guard !hidden.isEmpty else { return self }
        func isHidden(_ name: String) -> Bool {
            if hidden.contains(name) { return true }
            guard let info = nodeInfo[name] else { return false }
            if hidden.contains("kube-system") && (info.namespace == "kube-system" || info.kind == "kube-system") { return true }
            return hidden.contains("representatives") && ["representative", "rule-peer", "unrelated"].contains(info.kind)
        }
        let keptRows = rows.indices.filter { !isHidden(rows[$0]) }
        let keptColumns = columns.indices.filter { !isHidden(columns[$0]) }
        var result = self
        result.rows = keptRows.map { rows[$0] }
        result.columns = keptColumns.map { columns[$0] }
        if !cells.isEmpty { result.cells = keptRows.map { r in keptColumns.map { cells[r][$0] } } }
        result.flows = flows.filter { !isHidden($0.from) && !isHidden($0.to) }
        result.nodeInfo = nodeInfo.filter { !isHidden($0.key) }
        result.aliases = aliases.filter { !isHidden($0.key) }
        return result
    }
}
