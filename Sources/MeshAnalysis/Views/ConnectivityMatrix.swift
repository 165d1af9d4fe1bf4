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

    public var rows: [String]
    public var columns: [String]
    /// `cells[row][column]`.
    public var cells: [[Cell]]
    public var flows: [Flow]

    public init(rows: [String], columns: [String], cells: [[Cell]], flows: [Flow]) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.flows = flows
    }

    /// The matrix a mesh intends.
    public init(intended: IntendedConnectivity) {
        self.init(map: intended.map, mesh: intended.mesh)
    }

    /// The matrix policies give; with a mesh, over the mesh's components and externals (the effective
    /// connectivity must then be evaluated over the mesh's inventory), else over the endpoints inferred from the
    /// policies.
    public init(effective: EffectiveConnectivity, mesh: MeshSpec? = nil) {
        self.init(map: effective.map, mesh: mesh)
    }

    init(map: ConnectivityMap, mesh: MeshSpec?) {
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
            case .external, .rulePeer, .unrelated, .outsideWorld:
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
                index = inventory.index(named: Inventory.outsideWorldName)
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
        cells = sources.map { source in
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
        for source in everyone {
            let possible = map.possibleDestinations(from: source.1)
            let isComponent = componentNames.contains(source.0)
            // Flows between two endpoints that are not components are no part of the mesh.
            for destination in everyone where destination.0 != source.0 {
                guard isComponent || componentNames.contains(destination.0) else { continue }
                let allowed = ports(source, destination, possible)
                if !allowed.isEmpty { flows.append(Flow(from: source.0, to: destination.0, ports: allowed)) }
            }
        }
        self.flows = flows
    }
}

/// The output formats of `meshrender matrix`.
public enum MatrixFormat: String, CaseIterable, Sendable {
    case table, markdown, csv, json, mermaid, dot, svg
}

extension ConnectivityMatrix {
    /// The matrix in one of the formats.
    public func rendered(as format: MatrixFormat) -> String {
        switch format {
        case .table: return MatrixView.table(self)
        case .markdown: return MatrixView.markdown(self)
        case .csv: return MatrixView.csv(self)
        case .json: return MatrixView.json(self)
        case .mermaid: return MatrixView.mermaid(self)
        case .dot: return MatrixView.dot(self)
        case .svg: return MatrixView.svg(self)
        }
    }
}

/// The writers of a `ConnectivityMatrix`, one file per format.
public enum MatrixView {}
