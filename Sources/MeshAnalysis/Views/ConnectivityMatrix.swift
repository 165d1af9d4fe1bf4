import MeshModel

/// A connectivity matrix ready to be drawn: rows are sources (the components), columns destinations (the
/// components, then the externals that matrix edges lead to, then kube-system), each cell what the source may
/// open towards the destination. `flows` lists every allowed connection between the labelled endpoints
/// (external sources and kube-system included) that has a component on at least one side, for the graph views.
public struct ConnectivityMatrix: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case allowed(PortSet)
        case denied
        /// The diagonal: an endpoint and itself.
        case notApplicable
    }

    /// One allowed connection.
    public struct Flow: Sendable, Equatable {
        public var from: String
        public var to: String
        public var ports: PortSet
    }

    /// One endpoint of the analysis, as `--format json` lists it.
    public struct EndpointInfo: Sendable, Equatable {
        /// The name flows use: component, external or workload id, representative, outside-world piece.
        public var id: String
        /// `component`, `external`, `workload`, `rule-peer`, `representative`, `kube-system`, `unrelated`, `outside-world`.
        public var kind: String
        public var namespace: String?
        /// Pod labels (none for addresses).
        public var labels: [String: String]
        /// For addresses: the address standing for the endpoint.
        public var address: String?
    }

    /// Which endpoints the matrix shows.
    public enum Scope: Sendable {
        /// Components as rows; components, the externals matrix edges lead to, and kube-system as columns: the
        /// matrix as the values write it.
        case mesh
        /// Every endpoint of the inventory (workloads, representatives, the outside world) as rows and columns, except
        /// those `hidden` names: an endpoint name, `kube-system`, or `representatives`.
        case all(hidden: Set<String>)
    }

    /// Whether a matrix keeps its cells (see ``cellRows``).
    public enum CellStorage: Sendable, Equatable {
        /// Every cell kept in `cells`: n² of them.
        case stored
        /// None kept: each row is derived from `flows` as it is written, so a writer holds one row at a time and a
        /// matrix of any size streams in memory linear in its endpoints and flows.
        case derived
        /// None: the matrix has columns and flows but no cells to write (`matrix --manifests --format json`).
        case none
    }

    public var rows: [String]
    public var columns: [String]
    /// `cells[row][column]` (empty unless the cells are `.stored`).
    public var cells: [[Cell]]
    /// How the cells are kept.
    public var cellStorage: CellStorage = .stored
    public var flows: [Flow]
    /// Every endpoint of the inventory the matrix was computed over.
    public var endpoints: [EndpointInfo] = []
    /// What each endpoint the views name is (kind, namespace, address), by the name rows, columns and flows use.
    public var nodeInfo: [String: EndpointInfo] = [:]
    /// Other names of an endpoint: the `anywhere` externals the outside world stands for (`0.0.0.0/0` → `clients`).
    public var aliases: [String: [String]] = [:]

    public init(rows: [String], columns: [String], cells: [[Cell]], flows: [Flow]) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.flows = flows
    }

    /// The matrix a mesh intends.
    public init(intended: IntendedConnectivity, scope: Scope = .mesh, cells: CellStorage = .stored) {
        self.init(map: intended.map, mesh: intended.mesh, scope: scope, cells: cells)
    }

    /// The matrix policies give; with a mesh and `.mesh` scope, over the mesh's components and externals (the
    /// effective connectivity must then be evaluated over the mesh's inventory), else over every endpoint.
    public init(effective: EffectiveConnectivity, mesh: MeshSpec? = nil, scope: Scope? = nil, cells: CellStorage = .stored) {
        self.init(map: effective.map, mesh: mesh, scope: scope ?? (mesh == nil ? .all(hidden: []) : .mesh), cells: cells)
    }

    init(map: ConnectivityMap, mesh: MeshSpec?, scope: Scope, cells storage: CellStorage) {
        switch scope {
        case .mesh: self.init(meshLayout: map, mesh: mesh, storesCells: storage == .stored)
        case .all(let hidden): self.init(everyEndpoint: map, mesh: mesh, hidden: hidden, storesCells: storage == .stored)
        }
        cellStorage = storage
        endpoints = map.inventory.endpoints.map(EndpointInfo.init)
        let inventory = map.inventory
        for name in rows + columns + flows.flatMap({ [$0.from, $0.to] }) where nodeInfo[name] == nil {
            if let index = inventory.index(resolving: name) { nodeInfo[name] = EndpointInfo(inventory.endpoints[index]) }
        }
        for external in mesh?.externals ?? [] {
            guard let index = inventory.index(resolving: external.id) else { continue }
            let name = inventory.endpoints[index].name
            if name != external.id, nodeInfo[name] != nil { aliases[name, default: []].append(external.id) }
        }
    }

    /// Roles of the analysis only (representative pods, the unrelated pod), which pictures of the intent leave out:
    /// `.all(hidden:)` hides them for this name, and keeps only flows with a component on one side.
    public static let analysisOnly = "analysis-only"

    private init(meshLayout map: ConnectivityMap, mesh: MeshSpec?, storesCells: Bool) {
        let inventory = map.inventory
        var sources: [(String, Int)] = []
        var externalSources: [(String, Int)] = []
        var destinations: [(String, Int)] = []
        var kubeSystem: (String, Int)?
        let usedAsDestination = Set(mesh?.edges.map(\.to) ?? [])
        let usedAsSource = Set(mesh?.edges.map(\.from) ?? [])
        for (index, endpoint) in inventory.endpoints.enumerated() {
            switch endpoint.role {
            case .component(let id):
                sources.append((id, index))
                destinations.append((id, index))
            case .kubeSystem:
                kubeSystem = ("kube-system", index)
            case .external, .rulePeer, .workload, .representative, .unrelated, .outsideWorld:
                break
            }
        }
        // Components in the order the values declare them, so the matrix reads like the table it came from.
        if let order = mesh?.declarationOrder, !order.isEmpty {
            let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            sources.sort { (rank[$0.0] ?? Int.max, $0.0) < (rank[$1.0] ?? Int.max, $1.0) }
            destinations = sources
        }
        // Externals in id order; `anywhere` ones are drawn with the outside world as their representative.
        for external in mesh?.externals ?? [] {
            let endpoint = Endpoint.external(external.id)
            let index: Int?
            if case .anywhere = external.kind {
                index = inventory.outsideWorldIndex
            } else {
                index = inventory.index(of: endpoint)
            }
            guard let index else { continue }
            if usedAsDestination.contains(endpoint) { destinations.append((external.id, index)) }
            if usedAsSource.contains(endpoint) { externalSources.append((external.id, index)) }
        }
        if let kubeSystem { destinations.append(kubeSystem) }

        rows = sources.map(\.0)
        columns = destinations.map(\.0)
        // Only destinations a source's egress may reach need evaluating; every other cell is denied.
        func ports(_ source: (String, Int), _ destination: (String, Int), _ possible: Set<Int>?) -> PortSet {
            if let possible, !possible.contains(destination.1) { return .empty }
            return map.ports(from: source.1, to: destination.1)
        }
        cells = !storesCells ? [] : sources.map { source in
            let possible = map.possibleDestinations(from: source.1)
            return destinations.map { destination -> Cell in
                if source.0 == destination.0 { return .notApplicable }
                let allowed = ports(source, destination, possible)
                return allowed.isEmpty ? .denied : .allowed(allowed)
            }
        }
        var flows: [Flow] = []
        var seen: Set<String> = []
        let everyone = (sources + externalSources + destinations).filter { seen.insert($0.0).inserted }
        let componentNames = Set(sources.map(\.0))
        let isComponent = everyone.map { componentNames.contains($0.0) }
        // Where each endpoint stands in `everyone` (names are unique there; an index may stand for several names).
        var positions: [Int: [Int]] = [:]
        for (position, entry) in everyone.enumerated() { positions[entry.1, default: []].append(position) }
        for (s, source) in everyone.enumerated() {
            // Only destinations the source's egress may reach are evaluated, in `everyone`'s order.
            let candidates = map.possibleDestinations(from: source.1).map { possible in
                possible.flatMap { positions[$0] ?? [] }.sorted()
            } ?? Array(everyone.indices)
            // Flows between two endpoints that are not components are no part of the mesh.
            for d in candidates where d != s && (isComponent[s] || isComponent[d]) {
                let allowed = map.ports(from: source.1, to: everyone[d].1)
                if !allowed.isEmpty { flows.append(Flow(from: source.0, to: everyone[d].0, ports: allowed)) }
            }
        }
        self.flows = flows
    }
}

extension ConnectivityMatrix {
    /// Every endpoint as a row and a column, in this order: components (in declaration order when a mesh is known),
    /// externals, workloads, rule peers, representatives, kube-system's DNS pod, an unrelated pod, the outside world.
    private init(everyEndpoint map: ConnectivityMap, mesh: MeshSpec?, hidden: Set<String>, storesCells withCells: Bool) {
        let inventory = map.inventory
        let rank = Dictionary((mesh?.declarationOrder ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func category(_ endpoint: InventoryEndpoint) -> Int {
            switch endpoint.role {
            case .component: return 0
            case .external: return 1
            case .workload: return 2
            case .rulePeer: return 3
            case .representative: return 4
            case .kubeSystem: return 5
            case .unrelated: return 6
            case .outsideWorld: return 7
            }
        }
        func isHidden(_ endpoint: InventoryEndpoint) -> Bool {
            if hidden.contains(endpoint.name) { return true }
            if hidden.contains("kube-system") && endpoint.namespace == "kube-system" { return true }
            switch endpoint.role {
            case .representative, .unrelated: return hidden.contains("representatives") || hidden.contains(Self.analysisOnly)
            case .rulePeer: return hidden.contains("representatives")
            default: return false
            }
        }
        let shown = inventory.endpoints.indices.filter { !isHidden(inventory.endpoints[$0]) }.sorted { a, b in
            let x = inventory.endpoints[a], y = inventory.endpoints[b]
            let cx = category(x), cy = category(y)
            if cx != cy { return cx < cy }
            if cx == 0, let rx = rank[x.name], let ry = rank[y.name], rx != ry { return rx < ry }
            return a < b
        }
        let names = shown.map { inventory.endpoints[$0].name }
        rows = names
        columns = names
        let position = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($1, $0) })
        var flows: [Flow] = []
        var cells: [[Cell]] = []
        if withCells {
            cells = (0..<shown.count).map { r in
                (0..<shown.count).map { c in r == c ? .notApplicable : .denied }
            }
        }
        let allowed = map.allowedFlows().filter { position[$0.from] != nil && position[$0.to] != nil }
        // A picture of the intent draws the mesh's flows: those with a component on one side.
        let meshFlowsOnly = hidden.contains(Self.analysisOnly)
        func isComponent(_ index: Int) -> Bool {
            if case .component = inventory.endpoints[index].role { return true }
            return false
        }
        for flow in allowed.sorted(by: { (position[$0.from]!, position[$0.to]!) < (position[$1.from]!, position[$1.to]!) }) {
            if meshFlowsOnly && !isComponent(flow.from) && !isComponent(flow.to) { continue }
            flows.append(Flow(from: inventory.endpoints[flow.from].name, to: inventory.endpoints[flow.to].name, ports: flow.ports))
            if withCells { cells[position[flow.from]!][position[flow.to]!] = .allowed(flow.ports) }
        }
        self.cells = cells
        self.flows = flows
    }
}

extension ConnectivityMatrix.EndpointInfo {
    init(_ endpoint: InventoryEndpoint) {
        id = endpoint.name
        switch endpoint.role {
        case .component: kind = "component"
        case .external: kind = "external"
        case .workload: kind = "workload"
        case .rulePeer: kind = "rule-peer"
        case .representative: kind = "representative"
        case .kubeSystem: kind = "kube-system"
        case .unrelated: kind = "unrelated"
        case .outsideWorld: kind = "outside-world"
        }
        switch endpoint.address {
        case .pod(let namespace, let labels, _):
            self.namespace = namespace
            self.labels = labels
            address = nil
        case .ip(let ip):
            namespace = nil
            labels = [:]
            address = ip.description
        }
    }
}

/// The output formats of `meshrender matrix`.
public enum MatrixFormat: String, CaseIterable, Sendable {
    case table, markdown, csv, json, mermaid, dot, svg
}

extension ConnectivityMatrix {
    /// The matrix in one of the formats; pictures (svg, dot, mermaid) carry the caption.
    public func rendered(as format: MatrixFormat, caption: MatrixCaption = MatrixCaption()) -> String {
        switch format {
        case .table: return MatrixView.table(self)
        case .markdown: return MatrixView.markdown(self)
        case .csv, .json: return MatrixView.collected { write(as: format, to: $0) }
        case .mermaid: return MatrixView.mermaid(self, caption: caption)
        case .dot: return MatrixView.dot(self, caption: caption)
        case .svg: return MatrixView.svg(self, caption: caption)
        }
    }
}

extension ConnectivityMatrix {
    /// The matrix in `format`, handed to `write` piece by piece: csv and json a row at a time (a matrix of any size in
    /// memory linear in its endpoints and flows, with ``CellStorage/derived`` cells), the other formats whole.
    public func write(as format: MatrixFormat, caption: MatrixCaption = MatrixCaption(), to write: (Substring) -> Void) {
        switch format {
        case .csv: MatrixView.csv(self, into: write)
        case .json: MatrixView.json(self, into: write)
        case .table, .markdown, .mermaid, .dot, .svg: write(rendered(as: format, caption: caption)[...])
        }
    }
}

/// The writers of a `ConnectivityMatrix`, one file per format.
public enum MatrixView {
    /// What `produce` writes, gathered into one string.
    static func collected(_ produce: ((Substring) -> Void) -> Void) -> String {
        var text = ""
        produce { text += $0 }
        return text
    }

    /// Hands `out` to `write` and empties it once it holds 64 KiB or more.
    static func flush(_ out: inout String, _ write: (Substring) -> Void) {
        guard out.utf8.count >= 1 << 16 else { return }
        write(out[...])
        out.removeAll(keepingCapacity: true)
    }
}
