extension ConnectivityMatrix {
    /// Hands `body` each row's name and cells, in order, one row at a time: the stored cells, or — for
    /// ``CellStorage/derived`` — each row derived from `flows` as it comes (a cell is allowed with the ports of the flow
    /// from the row's endpoint to the column's, `n/a` on the row's own column, denied elsewhere), so only one row is ever
    /// held. No rows for ``CellStorage/none``.
    public func forEachRow(_ body: (_ row: String, _ cells: [Cell]) -> Void) {
        switch cellStorage {
        case .stored:
            for (row, cells) in zip(rows, cells) { body(row, cells) }
        case .none:
            return
        case .derived:
            var columnsNamed: [String: [Int]] = [:]
            for (index, column) in columns.enumerated() { columnsNamed[column, default: []].append(index) }
            var flowsFrom: [String: [Int]] = [:]
            for (index, flow) in flows.enumerated() { flowsFrom[flow.from, default: []].append(index) }
            var cells = [Cell](repeating: .denied, count: columns.count)
            for row in rows {
                let own = columnsNamed[row] ?? []
                let outgoing = (flowsFrom[row] ?? []).map { (columns: columnsNamed[flows[$0].to] ?? [], ports: flows[$0].ports) }
                for (targets, ports) in outgoing { for c in targets { cells[c] = .allowed(ports) } }
                for c in own { cells[c] = .notApplicable }
                body(row, cells)
                for (targets, _) in outgoing { for c in targets { cells[c] = .denied } }
                for c in own { cells[c] = .denied }
            }
        }
    }

    /// Every row's cells, stored or derived (n² cells: for the views drawn whole).
    public var cellRows: [[Cell]] {
        var all: [[Cell]] = []
        forEachRow { all.append($1) }
        return all
    }
}
