#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Charts
import TemplateEngine
import HelmFunctions
import HelmValues
import GoValues
import Platform
import YAML

/// Renders a chart the way `helm template NAME CHART -n NS` does: every template parsed once
/// into one template set, each non-partial template executed with `.Values .Release .Chart
/// .Template .Capabilities`, documents split, sorted by kind and printed with `# Source:` headers.
///
/// ```swift
/// let chart = try ChartLoader.load(directory: "charts/app")
/// let out = try ChartRenderer(chart: chart).render(values: userValues, release: ReleaseInput(name: "r", namespace: "ns"))
/// print(out.text, terminator: "")
/// ```
public struct ChartRenderer: Sendable {
    public let chart: Chart

    public init(chart: Chart) {
        self.chart = chart
    }

    /// Renders with `values` (the user's values: `-f` files and `--set` flags merged) coalesced
    /// over the chart's defaults (and its subcharts', see `Chart.resolvingSubcharts(userValues:validatingSchemas:)`).
    /// The release name must be one Helm accepts, and the values must satisfy the charts'
    /// `values.schema.json` (unless ``validatesSchemas`` is off).
    public func render(values: Node, release: ReleaseInput) throws -> RenderedManifests {
        try ReleaseName.validate(release.name)
        guard chart.hasSubcharts, chart.scopes.isEmpty else {
            let coalescedNode = Coalesce.coalesce(defaults: chart.defaultValues, user: values)
            if validatesSchemas { try ValuesSchemaCheck.check(.init(chart: chart), values: coalescedNode) }
            return try render(coalescedValues: coalescedNode.toHelmValue(), release: release)
        }
        let (flat, coalesced) = try chart.resolvingSubcharts(userValues: values, validatingSchemas: validatesSchemas)
        var renderer = ChartRenderer(chart: flat)
        renderer.windowing = windowing
        renderer.kept = kept
        return try renderer.render(coalescedValues: coalesced.toHelmValue(), release: release)
    }

    /// Renders with `.Values` given as is (already coalesced); `extraObjects` become further
    /// top-level objects next to `.Values` (meshrender's `.Mesh`).
    /// When a template that is one `range` over a list renders in windows on several cores
    /// (`renderInWindows`): at least this many elements, and more than one core.
    public struct Windowing: Sendable {
        public var minimumElements = 256
        public var cores = Parallel.cores
        /// A range inside a template's branches shares out its iterations left when, at the pace of those done, they
        /// would take longer than this (see `TemplateEngine.RangeSharing`).
        public var minimumSharedWork: Duration = .milliseconds(2)
        /// Whether a chart's files may execute on two cores (`ParallelFiles`); `MESHRENDER_FILES_IN_ORDER` set in
        /// the environment turns it off (to compare, or to rule it out).
        public var filesOnCores = getenv("MESHRENDER_FILES_IN_ORDER") == nil
        /// For tests: the files that leave the data unchanged go to the two cores by turns (see `ParallelFiles`);
        /// also set by `MESHRENDER_FORCE_WINDOWS`.
        public var alternatingFiles = false

        /// The defaults; with `MESHRENDER_FORCE_WINDOWS` set in the environment (for testing the mechanisms on real
        /// charts, e.g. `scripts/chart-corpus`), windows of any length, sharing from a range's first iteration, and
        /// files on two cores by turns.
        public init() {
            if getenv("MESHRENDER_FORCE_WINDOWS") != nil {
                minimumElements = 1
                minimumSharedWork = .zero
                alternatingFiles = true
            }
        }
    }

    public var windowing = Windowing()

    /// Whether ``render(values:release:)`` checks the values against the charts' `values.schema.json`
    /// (`--skip-schema-validation` turns it off).
    public var validatesSchemas = true

    /// The stack of a thread that renders a share of a chart: the template engine's (1 GiB) and a
    /// margin for the render's own frames (the command's thread has more, so it takes a share too).
    static let workerStackSize = (1 << 30) + (16 << 20)

    /// Set when every document of the chart is known to have one head (see `KnownHeads`).
    var knownHeads: KnownHeads?

    /// The chart's templates parsed ahead of the render (``InputPrefetch``), for the first render
    /// that asks; later renders parse their own.
    var prepared: PreparedTemplates?

    /// Where a render leaves its template set and session when done (nil: they are freed on return).
    var kept: KeptObjects?

    public func render(
        coalescedValues: Value, release: ReleaseInput, extraObjects: [String: Value] = [:]
    ) throws(ChartRenderError) -> RenderedManifests {
        let capabilities = try ChartRenderObjects.capabilitiesStruct(release)
        try checkKubeVersion(release)
        let order = ChartRenderer.parseOrder(chart.templates.map(\.name))
        let byName = templatesByName
        let set: TemplateSet
        if let ready = prepared?.take() { set = ready } else { set = try templateSet(order: order, byName: byName) }
        // `.Files` holds every file's bytes: made only when a template can name it, itself or
        // through `tpl` (whose text may come from the values), as the parser saw the templates.
        let readsFiles = set.usesWatchedNames
        let files = { (files: [String: ChartFile]) in FilesObject.make(readsFiles ? files : [:]) }
        set.structs = ["Capabilities": capabilities, "Files": files(chart.files)]

        var top: [String: Value] = [
            "Values": coalescedValues,
            "Release": ChartRenderObjects.release(release),
            "Chart": chart.metadata,
            "Capabilities": capabilities.jsonView,
            "Files": .map([:]),
            "Subcharts": .map([:]),
        ]
        top.merge(extraObjects) { _, extra in extra }
        let scopes = SubchartScopes(chart: chart, top: top, order: order, files: files)
        if let subcharts = scopes?.contexts[0].topLevel["Subcharts"] { top["Subcharts"] = subcharts }
        // One session for all files: Helm shares one values map, so `set` in one file is seen by later ones.
        let session = set.session(data: .map(top))
        PhaseClock.mark("template set ready")
        defer { kept?.keep((set, session)) }
        let basePath = chart.name + "/templates"
        let executed = try executeFiles(
            order: order, byName: byName, set: set, session: session, top: top, scopes: scopes, basePath: basePath,
            readsHeads: knownHeads == nil)
        // A large file a template read only now (see `ChartFile`) and could not read fails the render here.
        try ChartFile.checkReads()
        var rendered: [(name: String, text: String)] = []
        var notes = ""
        for (name, output) in executed.files {
            if name.hasSuffix("NOTES.txt") {
                if byName[name]!.isNotes(chartName: chart.name) { notes = output }
                continue
            }
            rendered.append((name, output))
        }
        PhaseClock.mark("templates executed")
        if let knownHeads, let manifests = ChartManifestSorter.sortKnown(rendered, knownHeads) {
            return RenderedManifests(documents: manifests, notes: notes)
        }
        let read = executed.heads
        PhaseClock.mark("heads read")
        let (manifests, hooks) = try ChartManifestSorter.sort(rendered, read: read)
        PhaseClock.mark("sorted")
        return RenderedManifests(documents: manifests + hooks, notes: notes)
    }

    /// Helm refuses a chart whose `kubeVersion:` constraint does not admit the target version
    /// (an unparsable constraint admits nothing).
    func checkKubeVersion(_ release: ReleaseInput) throws(ChartRenderError) {
        guard case .map(let meta) = chart.metadata, case .string(let constraint)? = meta["KubeVersion"], !constraint.isEmpty
        else { return }
        let kube = try ChartRenderObjects.KubeVersion(parsing: release.kubeVersion)
        let admitted = (try? SprigFunctions.table["semverCompare"]?([.string(constraint), .string(kube.normalized)])) ?? nil
        if admitted != .bool(true) {
            throw ChartRenderError(
                .kubeVersion, "chart requires kubeVersion: \(constraint) which is incompatible with Kubernetes \(kube.version)")
        }
    }

    /// Helm parses (and executes) templates deepest path first, then by name descending, so a
    /// `define` in a shallower or alphabetically earlier file wins over the same name elsewhere.
    static func parseOrder(_ names: [String]) -> [String] {
        // Each name's depth counted once, not at every comparison.
        let keyed = names.map { name in (name: name, depth: name.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }) }
        return keyed.sorted { a, b in
            if a.depth != b.depth { return a.depth > b.depth }
            return Value.goLess(b.name, a.name)
        }.map(\.name)
    }

    /// Every template of the chart parsed into one set, in Helm's parse order.
    func parsedTemplates() throws(ChartRenderError) -> TemplateSet {
        let byName = templatesByName
        return try templateSet(order: ChartRenderer.parseOrder(chart.templates.map(\.name)), byName: byName)
    }

    /// The chart's templates by name (the first of a name, should one repeat).
    private var templatesByName: [String: ChartTemplate] {
        Dictionary(chart.templates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Top-level data for a render on another core: the same, with `.Values` in storage of its own (reading shared
    /// storage would make every core change its reference counts).
    static func ownValues(_ data: [String: Value]) -> [String: Value] {
        var own = data
        own["Values"] = data["Values"]?.unshared
        return own
    }

    /// The templates of `order` parsed into one set.
    private func templateSet(order: [String], byName: [String: ChartTemplate]) throws(ChartRenderError) -> TemplateSet {
        let set = TemplateSet()
        set.watchedNames = ["Files"]
        do throws(TemplateError) {
            try set.parse(files: order.compactMap { name in byName[name].map { (name, $0.text) } })
        } catch {
            throw ChartRenderError(.parse, error)
        }
        return set
    }

    /// Template `name` rendered on every core when it is one `range` over a long list or map whose
    /// iterations cannot reach one another (`RangeSlicing`): consecutive windows of the list run
    /// concurrently, each in a template set and session of its own, and their outputs are joined.
    /// `nil`: render it whole. The first error in window order is the one thrown, as one execution
    /// would stop at it.
    func renderInWindows(
        _ name: String, set: TemplateSet, data: [String: Value], topLevel: [String: Value],
        structs scopeStructs: [String: GoStruct] = [:], order: [String]
    ) throws(ChartRenderError) -> String? {
        guard windowing.cores > 1, let slicing = set.rangeSlicing(name) else { return nil }
        var value = Value.map(data)
        for key in slicing.path {
            guard case .map(let m) = value, let next = m[key] else { return nil }
            value = next
        }
        let elements: Int
        switch value {
        case .list(let list): elements = list.count
        case .map(let map): elements = map.count
        default: return nil
        }
        guard let windows = RangeWindows.count(elements: elements, cores: windowing.cores, minimumElements: windowing.minimumElements)
        else { return nil }
        let byName = templatesByName
        let structs = set.structs.merging(scopeStructs) { _, scoped in scoped }
        // Each window on a thread with the template engine's stack: its parse and execution run in place.
        let results = RangeWindows.map(elements: elements, windows: windows, stackSize: ChartRenderer.workerStackSize) {
            window -> Result<String, ChartRenderError> in
            do throws(ChartRenderError) {
                let windowSet = try templateSet(order: order, byName: byName)
                windowSet.structs = structs
                do throws(TemplateError) {
                    let session = windowSet.session(data: .map(ChartRenderer.ownValues(data)))
                    defer { kept?.keep((windowSet, session)) }
                    return .success(try session.execute(name: name, topLevel: topLevel, window: window, of: slicing))
                } catch {
                    throw ChartRenderError(.execute, error)
                }
            } catch {
                return .failure(error)
            }
        }
        var outputs: [String] = []
        for result in results { outputs.append(try result.get()) }
        return slicing.join(outputs, of: set)
    }
}

extension ChartRenderer {
    /// How template `name`'s range shares its iterations out between cores when an execution reaches it with many
    /// elements (see ``RangeSharing``); nil when it has none that can. Each share executes the template in a set and
    /// session of its own, over the session's data as it is when the range is reached, with values of its own
    /// (reading shared storage would make every core change its counts).
    func rangeSharing(
        _ name: String, set: TemplateSet, session: ExecutionSession, topLevel: [String: Value], order: [String]
    ) -> RangeSharing? {
        guard windowing.cores > 1, let position = set.sharedRange(name) else { return nil }
        let byName = templatesByName
        let structs = set.structs
        return RangeSharing(
            templateName: name, position: position, cores: windowing.cores, minimumWork: windowing.minimumSharedWork
        ) { queue, elements in
            guard case .map(let data) = session.dataWithoutStructs else { return { nil } }
            let top = ChartRenderer.ownValues(data)
            let pending = LargeStackThread.begin(stackSize: ChartRenderer.workerStackSize) { () -> RangeSharing.Share in
                guard let shareSet = try? templateSet(order: order, byName: byName) else { return nil }
                shareSet.structs = structs
                let shareSession = shareSet.session(data: .map(top))
                defer { kept?.keep((shareSet, shareSession)) }
                return shareSession.executeShare(name: name, topLevel: topLevel, position: position, queue: queue, elements: elements)
            }
            return { pending.wait() }
        }
    }
}

/// A template set handed over once: the first ``take()`` gets it, later ones nil.
final class PreparedTemplates: @unchecked Sendable {
    private var set: TemplateSet?
    private let lock = Lock()

    init(_ set: TemplateSet) {
        self.set = set
    }

    func take() -> TemplateSet? {
        lock.withLock {
            defer { set = nil }
            return set
        }
    }
}
