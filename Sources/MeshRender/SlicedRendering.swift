import Charts
import MeshModel
import GoValues
import Platform
import TemplateEngine

/// Rendering the built-in chart's policies in slices, taken in turn by one thread per core.
///
/// The built-in policy template is a pure map over `.Mesh.policies`: one document per policy,
/// nothing carried from one policy to the next. Rendering slices of the list concurrently, each
/// with its own template set, and joining the documents in slice order therefore gives exactly the
/// manifests of one whole render (`BuiltinChartTests` checks this on the shipped meshes and a
/// generated one). The windows are the engine's (`RangeWindows`), as for
/// `ChartRenderer.renderInWindows`, which must prove iterations independent from the templates
/// alone and refuses this chart (its label helper `merge`s maps, a function that changes data);
/// the built-in chart's shape is known, so its data is sliced instead of the template's range.
enum SlicedRendering {
    /// Below this many policies one render is faster than starting threads.
    static let minimumPolicies = 256

    /// About how many policies one slice has at most above ``boundedMemoryAbove``: a slice's `.Mesh`, its execution
    /// session and its output buffer are alive only while it renders, so peak memory holds the finished
    /// documents and a few slices' working data, not every policy's values at once.
    static let policiesPerSlice = 4096

    /// Up to this many policies each core renders one slice, and every slice's objects are kept until the command
    /// exits like the rest of a render (``KeptObjects``): freeing them is time a render of this size need not spend,
    /// and their memory is small. Above it the slices are small and freed as each finishes.
    static let boundedMemoryAbove = 32_768

    /// How many slices to render `mesh` in (a multiple of `cores`, so the threads' shares come out
    /// even); `nil`: render whole.
    static func sliceCount(for mesh: MeshTemplateObject, cores: Int = Parallel.cores) -> Int? {
        sliceCount(policies: mesh.policyCount, cores: cores)
    }

    /// ``sliceCount(for:cores:)`` of a mesh with `policies` policies.
    static func sliceCount(policies: Int, cores: Int) -> Int? {
        guard let least = RangeWindows.count(elements: policies, cores: cores, minimumElements: minimumPolicies)
        else { return nil }
        guard policies > boundedMemoryAbove else { return least }
        let bounded = (policies + policiesPerSlice - 1) / policiesPerSlice
        return max(least, (bounded + cores - 1) / cores * cores)
    }

    /// The chart rendered with `.Mesh.policies` cut into `slices` consecutive slices, each slice
    /// converting its own policies, rendered on `workers` threads that take the slices in order,
    /// joined in order; the first error in slice order is the one thrown. With more slices than
    /// workers each slice's `.Mesh`, template set and session are freed as soon as it is rendered
    /// (only its documents' text stays); otherwise they go to the renderer's `kept` objects.
    static func render(
        _ renderer: ChartRenderer, values: Value, release: ReleaseInput, mesh: MeshTemplateObject,
        extraObjects: [String: Value] = [:], slices: Int, workers: Int = Parallel.cores
    ) throws(ChartRenderError) -> RenderedManifests {
        let count = mesh.policyCount
        let freesSlices = slices > workers
        let kept = freesSlices ? nil : renderer.kept
        let renderer = { var r = renderer; r.knownHeads = .builtinPolicies; r.kept = kept; return r }()
        // Each slice on a thread with the template engine's stack: its parse and execution run in place.
        let results = RangeWindows.map(
            elements: count, windows: slices, workers: workers, stackSize: ChartRenderer.workerStackSize
        ) { window -> Result<RenderedManifests, ChartRenderError> in
            var objects = extraObjects
            let slice = mesh.value(policies: window)
            kept?.keep(slice)
            objects["Mesh"] = slice
            do throws(ChartRenderError) {
                return .success(try renderer.render(coalescedValues: values, release: release, extraObjects: objects))
            } catch {
                return .failure(error)
            }
        }
        var documents: [RenderedManifest] = []
        var notes = ""
        for (i, result) in results.enumerated() {
            let part = try result.get()
            documents += part.documents
            if i == 0 { notes = part.notes }
        }
        // Each slice is in kind order already; a stable sort of the joined slices equals the
        // sort of the whole, manifests first, then hooks.
        let manifests = ChartManifestSorter.sortedByKind(documents.filter { !$0.isHook })
        let hooks = ChartManifestSorter.sortedByKind(documents.filter(\.isHook))
        return RenderedManifests(documents: manifests + hooks, notes: notes)
    }
}
