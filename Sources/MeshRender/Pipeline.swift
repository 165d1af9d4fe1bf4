import Charts
import Platform
import MeshModel

/// The library's front door: each CLI subcommand is one call here, each over one `Release`.
///
/// ```
/// values files, --set ─► Values ─► Mesh ─► Policies (.Mesh) ─► chart templates ─► manifests
/// ```
public enum Pipeline {
    /// Renders `chart` with the given values and release: the chart's templates see `.Values`,
    /// `.Release`, `.Chart`, `.Capabilities`, `.Template` as in `helm template`, plus `.Mesh` (the
    /// expanded policies) whenever the values have a `mesh` section. Components may name `workloads` of
    /// manifests rendered elsewhere (``postRender(manifests:values:release:verify:io:)``). `prefetched`: the chart and
    /// values files started reading earlier (``InputPrefetch``), taken if they are this render's.
    public static func render(
        chart reference: ChartReference, values input: ValuesInput, release: ReleaseInput, showOnly: [String] = [],
        workloads: WorkloadDirectory? = nil, io: FileAccess, prefetched: InputPrefetch? = nil
    ) throws -> Rendered {
        try Release(chart: reference, values: input, release: release, workloads: workloads, io: io, prefetched: prefetched)
            .rendered(showOnly: showOnly)
    }

    /// Loads the built-in chart or a chart directory; `compilingSchemas`: see ``ChartLoader/load(directory:compilingSchemas:)``.
    static func load(_ reference: ChartReference, compilingSchemas: Bool = false) throws -> Chart {
        switch reference {
        case .builtin: return try BuiltinChart.load()
        case .directory(let path): return try ChartLoader.load(directory: path, compilingSchemas: compilingSchemas)
        }
    }
}
