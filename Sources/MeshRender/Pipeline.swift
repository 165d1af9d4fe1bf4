import TemplateEngine
import HelmValues
import MeshAnalysis
import MeshModel
import Diagnostics
import GoValues
import Platform

/// The library's front door: each CLI subcommand is one call here.
///
/// ```
/// values files, --set ─► Values ─► Mesh ─► Policies (.Mesh) ─► chart templates ─► manifests
/// ```
public enum Pipeline {
    /// Renders `chart` with the given values and release: the chart's templates see `.Values`,
    /// `.Release`, `.Chart`, `.Capabilities`, `.Template` as in `helm template`, plus `.Mesh` (the
    /// expanded policies) whenever the values have a `mesh` section. Components may name `workloads` of
    /// manifests rendered elsewhere (``postRender(manifests:values:release:verify:io:)``).
    public static func render(
        chart reference: ChartReference, values input: ValuesInput, release: ReleaseInput, showOnly: [String] = [],
        workloads: WorkloadDirectory? = nil, io: FileAccess
    ) throws -> Rendered {
        let prefetched = InputPrefetch.take()
        let prefetchedChart = prefetched?.chart(for: reference)
        let (chart, values) = try renderedChart(
            try prefetchedChart?.chart ?? load(reference), input: input, io: io,
            loaded: io.readsFileSystem ? prefetched?.values ?? [:] : [:], releaseName: release.name)
        // `.Values` and `.Mesh` are built from the same values independently: at the same time.
        let hasMesh = reference == .builtin || values["mesh"] != nil
        let namespace = release.namespace
        let (valuesObject, meshResult) = Parallel.both(
            concurrently: hasMesh,
            { values.toHelmValueOnAllCores() },
            { () -> Result<MeshTemplateObject, InputError>? in
                guard hasMesh else { return nil }
                return Result { () throws(InputError) in
                    try Pipeline.mesh(values: values, namespace: namespace, builtin: reference == .builtin, workloads: workloads)
                        .templateObject(policiesOnly: reference == .builtin && BuiltinChart.readsOnlyMeshPolicies)
                }
            })
        let meshObject = try meshResult?.get()
        var renderer = ChartRenderer(chart: chart)
        renderer.prepared = prefetchedChart?.templates.map(PreparedTemplates.init)
        let kept = KeptObjects()
        renderer.kept = kept
        kept.keep(chart)
        let options = ReleaseOptions(
            name: release.name, namespace: release.namespace, isUpgrade: release.isUpgrade, kubeVersion: release.kubeVersion,
            extraAPIVersions: release.apiVersions)
        let manifests: RenderedManifests
        var mesh: Value = .null
        if reference == .builtin, let meshObject, let slices = SlicedRendering.sliceCount(for: meshObject) {
            manifests = try SlicedRendering.render(
                renderer, values: valuesObject, release: options, mesh: meshObject, slices: slices)
        } else {
            mesh = meshObject?.value() ?? .null
            manifests = try renderer.render(
                coalescedValues: valuesObject, release: options, extraObjects: meshObject == nil ? [:] : ["Mesh": mesh])
        }
        return try Rendered(
            manifests: manifests, chart: chart, reference: reference, showOnly: showOnly, values: values,
            templateObjects: [valuesObject, mesh], kept: kept)
    }

    /// Loads the built-in chart or a chart directory.
    static func load(_ reference: ChartReference) throws -> Chart {
        switch reference {
        case .builtin: return try BuiltinChart.load()
        case .directory(let path): return try ChartLoader.load(directory: path)
        }
    }
}
