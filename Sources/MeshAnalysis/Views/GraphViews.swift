extension MatrixView {
    /// Every labelled endpoint, in matrix order (rows, then columns, then external sources).
    static func nodes(_ matrix: ConnectivityMatrix) -> [String] {
        var seen: Set<String> = []
        return (matrix.rows + matrix.columns + matrix.flows.flatMap { [$0.from, $0.to] }).filter { seen.insert($0).inserted }
    }

    /// A Mermaid flowchart: one node per endpoint, one arrow per allowed connection, labelled with its ports
    /// unless every port is allowed.
    public static func mermaid(_ matrix: ConnectivityMatrix) -> String {
        let names = nodes(matrix)
        var ids: [String: String] = [:]
        var out = "flowchart LR\n"
        for (index, name) in names.enumerated() {
            ids[name] = "n\(index)"
            out += "    n\(index)[\"\(mermaidText(name))\"]\n"
        }
        for flow in matrix.flows {
            guard let from = ids[flow.from], let to = ids[flow.to] else { continue }
            out += flow.ports.isAll ? "    \(from) --> \(to)\n" : "    \(from) -->|\"\(mermaidText(flow.ports.description))\"| \(to)\n"
        }
        return out
    }

    static func mermaidText(_ text: String) -> String {
        text.replacingAll("\"", with: "#quot;")
    }

    /// A Graphviz digraph: one box per endpoint, one edge per allowed connection, labelled with its ports unless
    /// every port is allowed.
    public static func dot(_ matrix: ConnectivityMatrix) -> String {
        var out = "digraph connectivity {\n    rankdir=LR;\n    node [shape=box, fontname=\"Helvetica\"];\n"
        for name in nodes(matrix) { out += "    \(dotString(name));\n" }
        for flow in matrix.flows {
            out += "    \(dotString(flow.from)) -> \(dotString(flow.to))"
            out += flow.ports.isAll ? ";\n" : " [label=\(dotString(flow.ports.description))];\n"
        }
        return out + "}\n"
    }

    static func dotString(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}
