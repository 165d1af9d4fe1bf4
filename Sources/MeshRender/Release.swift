import Charts
import Diagnostics
import TemplateEngine
import GoValues
import HelmValues
import MeshModel
import Platform
import YAML

/// One release as every subcommand's pipeline sees it: the chart, the values and the release they render for, and
/// what is made of them — the chart loaded, the user's values read, the values coalesced over the chart's defaults,
/// the mesh, the rendered manifests — each made once, when first asked for.
///
/// The chart starts loading on a second core when the release is made (``InputPrefetch``), unless the caller
/// started it earlier; the values are read on the caller's core meanwhile. Errors come in the order `helm template` reports them: the chart's, the values', the
/// release name's, the schema's; then the mesh's and the templates'.
final class Release {
    let reference: ChartReference
    let values: ValuesInput
    let release: ReleaseInput
    /// Workloads of manifests rendered elsewhere, which the mesh's components may name (set before the mesh is made).
    var workloads: WorkloadDirectory?
    let io: FileAccess

    private var loading: InputPrefetch?
    private var loaded: Chart?
    /// Values files the prefetch read and parsed, by path: they stand in for reads of the file system.
    private var prefetchedValues: [String: Node] = [:]
    /// The loaded chart's templates, parsed while the values were read: for the render, once.
    private var templates: TemplateSet?
    private var user: Node?
    private var resolved: (chart: Chart, values: Node)?
    private var meshSpec: MeshSpec?
    private var renderedRelease: Rendered?

    /// `prefetched`: inputs the caller started reading earlier, taken if they are of this chart.
    init(
        chart: ChartReference, values: ValuesInput, release: ReleaseInput, workloads: WorkloadDirectory? = nil,
        io: FileAccess, prefetched: InputPrefetch? = nil
    ) {
        self.reference = chart
        self.values = values
        self.release = release
        self.workloads = workloads
        self.io = io
        loading = prefetched?.chart == chart
            ? prefetched : InputPrefetch.start(chart: chart, compilingSchemas: !release.skipSchemaValidation)
    }

    /// The chart as loaded: before its subcharts are resolved against the values.
    func chart() throws -> Chart {
        if let loaded { return loaded }
        let prefetched = loading?.take()
        loading = nil
        if io.readsFileSystem { prefetchedValues = prefetched?.values ?? [:] }
        let result: InputPrefetch.Loaded = prefetched?.chart ?? Result(catching: { () throws -> (chart: Chart, templates: TemplateSet?) in
            (try Pipeline.load(reference), nil)
        })
        let (chart, parsed) = try result.get()
        (loaded, templates) = (chart, parsed)
        return chart
    }

    /// The user's values: every `-f` file, then `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`.
    func userValues() throws(InputError) -> Node {
        if let user { return user }
        let read = try Pipeline.userValues(values, io: io, loaded: prefetchedValues)
        user = read
        return read
    }

    /// The chart as it renders (its subcharts resolved, see ``Chart/resolvingSubcharts(userValues:validatingSchemas:)``)
    /// and the values its templates see, checked against the charts' `values.schema.json` unless the release skips
    /// it. `checkingReleaseName`: the release name is checked as Helm checks it, once the values are read.
    func resolvedChart(checkingReleaseName: Bool = false) throws -> (chart: Chart, values: Node) {
        let (result, schemas) = try resolving(checkingReleaseName: checkingReleaseName)
        if let schemas { try ValuesSchemaCheck.check(schemas, values: result.values) }
        resolved = result
        return result
    }

    /// ``resolvedChart(checkingReleaseName:)`` but for the schema check, left to the caller: the schemas the values
    /// are to be checked against (nil when they were checked already, or the release skips the check).
    private func resolving(checkingReleaseName: Bool) throws -> (resolved: (chart: Chart, values: Node), schemas: ValuesSchemaCheck.Target?) {
        if let resolved {
            if checkingReleaseName { try ReleaseName.validate(release.name) }
            return (resolved, nil)
        }
        // The values are read while the chart loads (after it, when they are being read with it); a chart that cannot
        // load is reported first.
        if loading?.readsValues == true { _ = try? chart() }
        let read = Result { () throws(InputError) in try userValues() }
        let chart = try chart()
        let user = try read.get()
        if checkingReleaseName { try ReleaseName.validate(release.name) }
        let result: (chart: Chart, values: Node)
        let schemas: ValuesSchemaCheck.Target
        if chart.hasSubcharts {
            let resolved = try chart.resolvingSubchartsLeavingSchemas(userValues: user)
            (result, schemas) = ((resolved.chart, resolved.values), resolved.schemas)
        } else {
            result = (chart, Coalesce.coalesce(defaults: chart.defaultValues, user: user))
            schemas = .init(chart: chart)
        }
        return (result, release.skipSchemaValidation ? nil : schemas)
    }

    /// The validated mesh of the values (see ``Pipeline/mesh(values:namespace:builtin:workloads:)``).
    func mesh() throws -> MeshSpec {
        if let meshSpec { return meshSpec }
        let spec = try Pipeline.mesh(
            values: try resolvedChart().values, namespace: release.namespace, builtin: reference == .builtin,
            workloads: workloads)
        meshSpec = spec
        return spec
    }

    /// The release rendered: the chart's templates see `.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Template`
    /// as in `helm template`, plus `.Mesh` (the expanded policies) whenever the values have a `mesh` section.
    func rendered(showOnly: [String] = []) throws -> Rendered {
        if let renderedRelease, renderedRelease.showOnly == showOnly { return renderedRelease }
        let (resolvedNow, schemas) = try resolving(checkingReleaseName: true)
        PhaseClock.mark("values resolved")
        // The values are checked against the schemas on a second core while the release renders. The render's
        // outcome counts only once they pass: a failed check is the error reported, whatever the render did, as when
        // the check comes first.
        // The compiled schemas are kept with the result, not freed on the way out.
        let values = resolvedNow.values
        let keptSchemas = KeptObjects()
        let check = schemas.flatMap { schemas in
            schemas.hasSchema
                ? LargeStackThread.begin(stackSize: ChartRenderer.workerStackSize) {
                    Result { () throws(ChartRenderError) in try ValuesSchemaCheck.check(schemas, values: values, keep: keptSchemas.keep) }
                }
                : nil
        }
        let knownMesh = meshSpec
        func checked() throws {
            do {
                try check?.wait().get()
            } catch {
                meshSpec = knownMesh  // made of values that failed their check
                throw error
            }
            resolved = resolvedNow
        }
        let result: Rendered
        do {
            result = try render(resolvedNow, showOnly: showOnly)
        } catch {
            try checked()
            throw error
        }
        try checked()
        result.kept?.keep(keptSchemas)
        renderedRelease = result
        return result
    }

    /// The release rendered from the chart and values resolved (``rendered(showOnly:)``).
    private func render(_ resolved: (chart: Chart, values: Node), showOnly: [String]) throws -> Rendered {
        let (chart, values) = resolved
        // `.Values` and `.Mesh` are built from the same values independently: at the same time.
        let builtin = reference == .builtin
        let hasMesh = builtin || values["mesh"] != nil
        let (namespace, workloads, known) = (release.namespace, self.workloads, meshSpec)
        let (valuesObject, meshResult) = Parallel.both(
            concurrently: hasMesh,
            { values.toHelmValueOnAllCores() },
            { () -> Result<(MeshSpec, MeshTemplateObject), InputError>? in
                guard hasMesh else { return nil }
                return Result { () throws(InputError) in
                    let spec: MeshSpec
                    if let known { spec = known } else {
                        spec = try Pipeline.mesh(values: values, namespace: namespace, builtin: builtin, workloads: workloads)
                    }
                    return (spec, spec.templateObject(policiesOnly: builtin && BuiltinChart.readsOnlyMeshPolicies))
                }
            })
        let built = try meshResult?.get()
        PhaseClock.mark("values object made")
        if let built { meshSpec = built.0 }
        let meshObject = built?.1
        var renderer = ChartRenderer(chart: chart)
        renderer.prepared = templates.map(PreparedTemplates.init)
        templates = nil
        let kept = KeptObjects()
        renderer.kept = kept
        kept.keep(chart)
        let manifests: RenderedManifests
        var mesh: Value = .null
        if builtin, let meshObject, let slices = SlicedRendering.sliceCount(for: meshObject) {
            manifests = try SlicedRendering.render(
                renderer, values: valuesObject, release: release, mesh: meshObject, slices: slices)
        } else {
            mesh = meshObject?.value() ?? .null
            manifests = try renderer.render(
                coalescedValues: valuesObject, release: release, extraObjects: meshObject == nil ? [:] : ["Mesh": mesh])
        }
        PhaseClock.mark("templates executed and manifests sorted")
        return try Rendered(
            manifests: manifests, chart: chart, reference: reference, showOnly: showOnly, values: values,
            templateObjects: [valuesObject, mesh], kept: kept)
    }
}
