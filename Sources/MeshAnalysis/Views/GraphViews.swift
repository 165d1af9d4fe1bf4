extension MatrixView {
    /// Every labelled endpoint, in matrix order (rows, then columns, then external sources).
    static func nodes(_ matrix: ConnectivityMatrix) -> [String] {
        var seen: Set<String> = []
        return (matrix.rows + matrix.columns + matrix.flows.flatMap { [$0.from, $0.to] }).filter { seen.insert($0).inserted }
    }

    /// The nodes by namespace (namespaces in order of first appearance), and the nodes of no namespace (addresses).
    static func groups(_ matrix: ConnectivityMatrix) -> (namespaces: [(String, [String])], loose: [String]) {
        var order: [String] = []
        var members: [String: [String]] = [:]
        var loose: [String] = []
        for name in nodes(matrix) {
            guard let namespace = matrix.nodeInfo[name]?.namespace, kind(matrix, name) != .outsideWorld else {
                loose.append(name)
                continue
            }
            if members[namespace] == nil { order.append(namespace) }
            members[namespace, default: []].append(name)
        }
        return (order.map { ($0, members[$0]!) }, loose)
    }

    /// How a kind of endpoint is drawn in the graphs: fill, border, dashed or not, shape.
    static func graphStyle(_ kind: EndpointKind) -> (fill: String, stroke: String, dashed: Bool, round: Bool) {
        switch kind {
        case .component: return ("#E3EFF9", "#0072B2", false, false)
        case .external: return ("#FBE9DC", "#A04000", true, false)
        case .workload: return ("#E0F2EC", "#00664A", false, false)
        case .rulePeer: return ("#F7EFD6", "#7A5C00", true, false)
        case .kubeSystem: return ("#EEEEEE", "#555555", false, false)
        case .representative: return ("#FFFFFF", "#777777", true, false)
        case .outsideWorld: return ("#F6E3EE", "#9C3D73", true, true)
        }
    }

    /// A Mermaid flowchart: endpoints grouped by namespace (subgraphs), externals, custom-rule peers and the outside
    /// world styled apart, ids read from the names (`lb_gateway`), one arrow per allowed connection labelled with its
    /// ports unless every port is allowed.
    public static func mermaid(_ matrix: ConnectivityMatrix, caption: MatrixCaption = MatrixCaption()) -> String {
        var out = ""
        if !caption.title.isEmpty {
            // Front matter is YAML: the title double-quoted.
            let title = caption.title + (caption.subtitle.isEmpty ? "" : " — " + caption.subtitle)
            out += "---\ntitle: \"\(title.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\""))\"\n---\n"
        }
        out += "%%{init: {\"themeVariables\": {\"fontFamily\": \"Helvetica, Arial, sans-serif\"}}}%%\n"
        out += "flowchart LR\n"
        let ids = mermaidIDs(nodes(matrix))
        func node(_ name: String, indent: String) -> String {
            let text = mermaidText(displayName(matrix, name))
            return kind(matrix, name) == .outsideWorld
                ? "\(indent)\(ids[name]!)([\"\(text)\"])\n" : "\(indent)\(ids[name]!)[\"\(text)\"]\n"
        }
        let (namespaces, loose) = groups(matrix)
        var groupIDs: Set<String> = Set(ids.values)
        for (namespace, members) in namespaces {
            var id = "ns_" + mermaidID(namespace)
            while groupIDs.contains(id) { id += "_" }
            groupIDs.insert(id)
            out += "    subgraph \(id)[\"namespace \(mermaidText(namespace))\"]\n"
            for name in members { out += node(name, indent: "        ") }
            out += "    end\n"
        }
        for name in loose { out += node(name, indent: "    ") }
        for flow in matrix.flows {
            guard let from = ids[flow.from], let to = ids[flow.to] else { continue }
            out += flow.ports.isAll ? "    \(from) --> \(to)\n" : "    \(from) -->|\"\(mermaidText(flow.ports.description))\"| \(to)\n"
        }
        var byKind: [EndpointKind: [String]] = [:]
        for name in nodes(matrix) { byKind[kind(matrix, name), default: []].append(ids[name]!) }
        for kind in EndpointKind.allCases {
            guard let members = byKind[kind] else { continue }
            let style = graphStyle(kind)
            let className = "kind_" + mermaidID(kind.meaning)
            out += "    classDef \(className) fill:\(style.fill),stroke:\(style.stroke),color:#000000"
            out += style.dashed ? ",stroke-dasharray:4 3\n" : "\n"
            out += "    class \(members.joined(separator: ",")) \(className)\n"
        }
        return out
    }

    static func mermaidText(_ text: String) -> String {
        text.replacingAll("\"", with: "#quot;")
    }

    /// Letters, digits and `_` of `name` (others become `_`).
    static func mermaidID(_ name: String) -> String {
        let id = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return id.isEmpty ? "_" : id
    }

    /// Readable, distinct Mermaid ids for `names` (`lb-gateway` → `lb_gateway`; words Mermaid reserves and ids that
    /// start with a digit get a prefix; repeats a suffix).
    static func mermaidIDs(_ names: [String]) -> [String: String] {
        let reserved: Set<String> = ["end", "graph", "subgraph", "flowchart", "style", "class", "classDef", "click", "linkStyle", "default"]
        var used: Set<String> = []
        var ids: [String: String] = [:]
        for name in names {
            var id = mermaidID(name)
            if id.first?.isNumber == true { id = "ip_" + id } else if reserved.contains(id) || id.first == "_" { id = "n_" + id }
            var candidate = id, n = 2
            while used.contains(candidate) {
                candidate = "\(id)_\(n)"
                n += 1
            }
            used.insert(candidate)
            ids[name] = candidate
        }
        return ids
    }

    /// A Graphviz digraph: endpoints grouped by namespace (clusters), externals, custom-rule peers and the outside
    /// world styled apart, one font, one edge per allowed connection labelled with its ports unless every port is
    /// allowed; the caption as the graph's label.
    public static func dot(_ matrix: ConnectivityMatrix, caption: MatrixCaption = MatrixCaption()) -> String {
        var out = "digraph connectivity {\n"
        // Each line of the label ends in `\l`: left-justified.
        let lines = [caption.title, caption.subtitle].filter { !$0.isEmpty }
        out += "    graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.25, ranksep=0.9"
        if lines.isEmpty {
            out += "];\n"
        } else {
            let label = (lines + ["unlabelled arrows: every port"]).map { dotEscaped($0) + "\\l" }.joined()
            out += ", labelloc=t, labeljust=l, label=\"\(label)\"];\n"
        }
        out += "    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=12];\n"
        out += "    edge [fontname=\"Helvetica\", fontsize=10, color=\"#555555\", fontcolor=\"#333333\"];\n"
        func node(_ name: String, indent: String) -> String {
            let style = graphStyle(kind(matrix, name))
            var attributes = ["fillcolor=\"\(style.fill)\"", "color=\"\(style.stroke)\""]
            if style.round { attributes.append("shape=ellipse") }
            attributes.append(style.dashed ? "style=\"\(style.round ? "" : "rounded,")filled,dashed\"" : "style=\"rounded,filled\"")
            let shown = displayName(matrix, name)
            if shown != name { attributes.append("label=\(dotString(shown))") }
            return "\(indent)\(dotString(name)) [\(attributes.joined(separator: ", "))];\n"
        }
        let (namespaces, loose) = groups(matrix)
        for (namespace, members) in namespaces {
            out += "    subgraph \(dotString("cluster_" + namespace)) {\n"
            out += "        label=\(dotString("namespace " + namespace)); style=\"rounded\"; color=\"#aaaaaa\"; fontcolor=\"#555555\";\n"
            for name in members { out += node(name, indent: "        ") }
            out += "    }\n"
        }
        for name in loose { out += node(name, indent: "    ") }
        for flow in matrix.flows {
            out += "    \(dotString(flow.from)) -> \(dotString(flow.to))"
            out += flow.ports.isAll ? ";\n" : " [label=\(dotString(flow.ports.description))];\n"
        }
        return out + "}\n"
    }

    /// A quoted DOT id.
    static func dotString(_ text: String) -> String {
        "\"" + dotEscaped(text) + "\""
    }

    /// Text inside a quoted DOT string: backslashes and quotes escaped.
    static func dotEscaped(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
    }
}
