import Dispatch
import Foundation
import YAMLCore

/// Rendering the built-in chart's policies in slices, one per core.
///
/// The built-in policy template is a pure map over `.Mesh.policies`: one document per policy,
/// nothing carried from one policy to the next. Rendering slices of the list concurrently, each
/// with its own template set, and joining the documents in slice order therefore gives exactly the
/// manifests of one whole render (`BuiltinChartTests` checks this on random meshes). Charts from
/// directories always render whole: their templates may carry state between iterations.
enum SlicedRendering {
    /// Below this many policies one render is faster than starting threads.
    static let minimumPolicies = 256

    /// How many slices to render `mesh` (the `.Mesh` object) in; `nil`: render whole.
    static func sliceCount(for mesh: Value, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int? {
        guard cores > 1, case .map(let m) = mesh, case .list(let policies)? = m["policies"],
            policies.count >= minimumPolicies
        else { return nil }
        return min(cores, policies.count / (minimumPolicies / 2))
    }

    /// The chart rendered with `.Mesh.policies` cut into `slices` consecutive slices, rendered
    /// concurrently and joined; the first error in slice order is the one thrown.
    static func render(
        _ renderer: ChartRenderer, values: Value, release: ReleaseOptions, extraObjects: [String: Value], slices: Int
    ) throws(ChartRenderError) -> RenderedManifests {
        guard case .map(var mesh)? = extraObjects["Mesh"], case .list(let policies)? = mesh["policies"] else {
            return try renderer.render(coalescedValues: values, release: release, extraObjects: extraObjects)
        }
        mesh["policies"] = nil
        let base = mesh
        let results = UnsafeMutableBufferPointer<Result<RenderedManifests, ChartRenderError>>.allocate(capacity: slices)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: slices) { i in
            let start = policies.count * i / slices, end = policies.count * (i + 1) / slices
            var sliceMesh = base
            sliceMesh["policies"] = .list(Array(policies[start..<end]))
            var objects = extraObjects
            objects["Mesh"] = .map(sliceMesh)
            let result: Result<RenderedManifests, ChartRenderError>
            do throws(ChartRenderError) {
                result = .success(try renderer.render(coalescedValues: values, release: release, extraObjects: objects))
            } catch {
                result = .failure(error)
            }
            (out.baseAddress! + i).initialize(to: result)
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
