extension MatrixTable {
    /// The matrix of a mesh: rows are components then externals that open connections; columns are
    /// components, externals that accept connections, then kube-system. ✅ for an edge (or kube-system
    /// egress), ⛔ for none, N/A where no edge can be (the diagonal, external to external or kube-system).
    ///
    /// Reading the rendered table back with `MeshSpec.load` gives the same edges (ports are not shown).
    /// The table is dense: rows × columns cells, meant for meshes a person reads.
    public init(spec: MeshSpec) {
        var allowed: Set<[Endpoint]> = []
        var sourceExternals: Set<String> = []
        var destinationExternals: Set<String> = []
        for edge in spec.edges {
            allowed.insert([edge.from, edge.to])
            if case .external(let id) = edge.from { sourceExternals.insert(id) }
            if case .external(let id) = edge.to { destinationExternals.insert(id) }
        }
        let componentEndpoints = spec.components.map { Endpoint.component($0.id) }
        let rowEndpoints = componentEndpoints
            + spec.externals.filter { sourceExternals.contains($0.id) }.map { Endpoint.external($0.id) }
        let columnEndpoints = componentEndpoints
            + spec.externals.filter { destinationExternals.contains($0.id) }.map { Endpoint.external($0.id) }
            + [.kubeSystem]
        let kubeSystemEgress = Dictionary(uniqueKeysWithValues: spec.components.map { ($0.id, $0.kubeSystemEgress != .none) })
        var rows: [Row] = []
        for source in rowEndpoints {
            var cells: [(verdict: Verdict, cell: Cell)] = []
            for destination in columnEndpoints {
                let verdict: Verdict
                if source == destination || (!source.isComponent && !destination.isComponent) {
                    verdict = .notApplicable
                } else if destination == .kubeSystem, case .component(let id) = source {
                    verdict = kubeSystemEgress[id] == true || allowed.contains([source, destination]) ? .allow : .deny
                } else {
                    verdict = allowed.contains([source, destination]) ? .allow : .deny
                }
                cells.append((verdict, Cell(text: verdict.rawValue, mark: nil)))
            }
            rows.append(Row(header: Cell(text: MatrixTable.header(forID: source.id), mark: nil), cells: cells))
        }
        self.init(columns: columnEndpoints.map { Cell(text: MatrixTable.header(forID: $0.id), mark: nil) }, rows: rows)
    }
}
