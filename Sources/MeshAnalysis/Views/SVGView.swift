extension MatrixView {
    /// The matrix as a standalone SVG grid (see `SVGGrid`): a title naming what was drawn, every endpoint of the
    /// matrix with labels coloured by kind (component, external, workload, outside world, ...), each cell with a
    /// glyph and, when only some ports are allowed, the ports; colours from the Okabe–Ito palette, so the picture
    /// reads without telling red from green.
    public static func svg(_ matrix: ConnectivityMatrix, caption: MatrixCaption = MatrixCaption()) -> String {
        let rows = matrix.rows.map { label(matrix, $0) }
        let columns = matrix.columns.map { label(matrix, $0) }
        let cells = zip(matrix.rows, matrix.cellRows).map { row, cells in
            zip(matrix.columns, cells).map { _, cell -> SVGGrid.Cell in
                switch cell {
                case .allowed(let ports):
                    return ports.isAll
                        ? SVGGrid.Cell(style: Palette.every, tip: "allowed on every port")
                        : SVGGrid.Cell(style: Palette.some, text: compact(ports), tip: "allowed \(ports)")
                case .denied: return SVGGrid.Cell(style: Palette.denied, tip: "denied")
                case .notApplicable: return SVGGrid.Cell(style: Palette.same, tip: "the same endpoint")
                }
            }
        }
        let present = Set((matrix.rows + matrix.columns).map { kind(matrix, $0) })
        let grid = SVGGrid(
            title: caption.title.isEmpty ? "Connectivity matrix" : caption.title, subtitle: caption.subtitle,
            rows: rows, columns: columns, cells: cells,
            styles: [Palette.every, Palette.some, Palette.denied, Palette.same],
            kinds: EndpointKind.allCases.filter(present.contains).map { ($0.meaning, $0.colour) })
        return grid.render()
    }

    /// Ports as a cell shows them: TCP ports by number alone (`8080`, `80,443`), others with their protocol
    /// (`UDP 53`), so 60 columns stay narrow; the hover text keeps the full form.
    static func compact(_ ports: PortSet) -> String {
        var parts: [String] = []
        for proto in TransportProtocol.allCases {
            let ranges = ports[proto]
            let prefix = proto == .tcp && !ranges.isAll ? "" : proto.rawValue + " "
            if !ranges.isEmpty { parts.append(prefix + ranges.description) }
            for port in ports.named where port.proto == proto { parts.append(prefix + port.name) }
        }
        return parts.joined(separator: ", ")
    }

    /// Cell styles of the matrix picture (Okabe–Ito blue and sky blue; greys).
    enum Palette {
        static let every = SVGGrid.Style(fill: "#0072B2", ink: "#ffffff", glyph: "✓", meaning: "allowed, every port")
        static let some = SVGGrid.Style(fill: "#56B4E9", ink: "#000000", glyph: "✓", meaning: "allowed on the ports shown (TCP unless marked)")
        static let denied = SVGGrid.Style(fill: "#f2f2f2", ink: "#a0a0a0", glyph: "✕", meaning: "denied")
        static let same = SVGGrid.Style(fill: "#d9d9d9", ink: "#000000", glyph: "", meaning: "same endpoint")
    }

    /// The kinds of endpoint pictures tell apart, with the colour of their labels.
    enum EndpointKind: CaseIterable {
        case component, external, workload, rulePeer, kubeSystem, representative, outsideWorld

        init(_ info: ConnectivityMatrix.EndpointInfo?) {
            switch info?.kind {
            case "component"?: self = .component
            case "external"?: self = info?.address == nil ? .external : .outsideWorld
            case "workload"?: self = .workload
            case "rule-peer"?: self = info?.address == nil ? .rulePeer : .outsideWorld
            case "kube-system"?: self = .kubeSystem
            case "outside-world"?: self = .outsideWorld
            default: self = .representative
            }
        }

        var meaning: String {
            switch self {
            case .component: return "component"
            case .external: return "external"
            case .workload: return "workload"
            case .rulePeer: return "custom-rule peer"
            case .kubeSystem: return "kube-system"
            case .representative: return "other pods"
            case .outsideWorld: return "outside world"
            }
        }

        /// Dark shades of the Okabe–Ito colours, readable as text on white.
        var colour: String {
            switch self {
            case .component: return "#000000"
            case .external: return "#A04000"
            case .workload: return "#00664A"
            case .rulePeer: return "#7A5C00"
            case .kubeSystem: return "#555555"
            case .representative: return "#777777"
            case .outsideWorld: return "#9C3D73"
            }
        }
    }

    static func kind(_ matrix: ConnectivityMatrix, _ name: String) -> EndpointKind {
        EndpointKind(matrix.nodeInfo[name])
    }

    /// `0.0.0.0/0 (clients)`: the name, and the externals it stands for.
    static func displayName(_ matrix: ConnectivityMatrix, _ name: String) -> String {
        guard let aliases = matrix.aliases[name], !aliases.isEmpty else { return name }
        return "\(name) (\(aliases.joined(separator: ", ")))"
    }

    private static func label(_ matrix: ConnectivityMatrix, _ name: String) -> SVGGrid.Label {
        SVGGrid.Label(displayName(matrix, name), colour: kind(matrix, name).colour)
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.append(char)
            default:
                // Control characters may not appear in XML 1.0, not even as references.
                if let ascii = char.asciiValue, ascii < 0x20 || ascii == 0x7F { out += "\u{FFFD}" } else { out.append(char) }
            }
        }
        return out
    }
}

/// What a picture is of: a title (release and namespace) and a subtitle (the values files or manifests).
public struct MatrixCaption: Sendable, Equatable {
    public var title: String
    public var subtitle: String

    public init(title: String = "", subtitle: String = "") {
        self.title = title
        self.subtitle = subtitle
    }
}

