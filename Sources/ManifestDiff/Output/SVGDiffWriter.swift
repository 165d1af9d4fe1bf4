import MeshAnalysis

/// The connectivity change of a release as one picture: a grid over the endpoints that gain or lose a flow, each
/// cell opened (vermillion, `+` and the ports), closed (blue, `−`), unchanged (grey, `=`) or no flow in either
/// release; resources are not drawn.
struct SVGDiffWriter {
    var caption: MatrixCaption

    static let opened = SVGGrid.Style(fill: "#D55E00", ink: "#ffffff", glyph: "+", meaning: "opened by the new release")
    static let closed = SVGGrid.Style(fill: "#0072B2", ink: "#ffffff", glyph: "−", meaning: "closed by the new release")
    static let unchanged = SVGGrid.Style(fill: "#cfcfcf", ink: "#000000", glyph: "=", meaning: "allowed in both")
    static let none = SVGGrid.Style(fill: "#f4f4f4", ink: "#000000", glyph: "", meaning: "no flow in either")

    func render(_ report: DiffReport) -> String {
        let changes = report.connectivity.changes
        var involved: Set<String> = []
        for change in changes { involved.formUnion([change.from, change.to]) }
        let endpoints = involved.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var before: [String: Set<String>] = [:], after: [String: Set<String>] = [:]
        for flow in report.connectivity.old where involved.contains(flow.from) && involved.contains(flow.to) {
            before[flow.from + "\u{0}" + flow.to, default: []].insert(flow.port)
        }
        for flow in report.connectivity.new where involved.contains(flow.from) && involved.contains(flow.to) {
            after[flow.from + "\u{0}" + flow.to, default: []].insert(flow.port)
        }
        func list(_ ports: Set<String>) -> String { ports.sorted().joined(separator: ", ") }
        let cells = endpoints.map { from in
            endpoints.map { to -> SVGGrid.Cell in
                if from == to { return SVGGrid.Cell(style: Self.none, tip: "the same endpoint") }
                let old = before[from + "\u{0}" + to] ?? [], new = after[from + "\u{0}" + to] ?? []
                let opened = new.subtracting(old), closed = old.subtracting(new), kept = old.intersection(new)
                if !opened.isEmpty {
                    let text = list(opened) + (closed.isEmpty ? "" : " −" + list(closed))
                    return SVGGrid.Cell(style: Self.opened, text: text, tip: "opened \(list(opened))" + (closed.isEmpty ? "" : ", closed \(list(closed))"))
                }
                if !closed.isEmpty { return SVGGrid.Cell(style: Self.closed, text: list(closed), tip: "closed \(list(closed))") }
                if !kept.isEmpty {
                    return SVGGrid.Cell(style: Self.unchanged, text: kept == ["any"] ? "" : list(kept), tip: "allowed in both: \(list(kept))")
                }
                return SVGGrid.Cell(style: Self.none, tip: "no flow in either release")
            }
        }
        let openedCount = changes.filter(\.isWidening).count, closedCount = changes.count - openedCount
        let title = (caption.title.isEmpty ? "Connectivity change" : caption.title)
            + ": \(openedCount) opened, \(closedCount) closed"
        let grid = SVGGrid(
            title: title, subtitle: caption.subtitle, rows: endpoints.map { SVGGrid.Label($0) },
            columns: endpoints.map { SVGGrid.Label($0) }, cells: cells,
            styles: [Self.opened, Self.closed, Self.unchanged, Self.none], kinds: [])
        return grid.render()
    }
}
