import MeshAnalysis
import MeshModel
import Diagnostics
import Platform

/// How the diff evaluates the connectivity of the two releases: through the analysis module's one semantics, over
/// the union of both releases' endpoints.
public struct ConnectivitySettings: Sendable {
    /// The meshes the releases were rendered from, when known: their component and external ids name the flows.
    public var oldMesh: MeshSpec?
    public var newMesh: MeshSpec?
    /// The namespace of resources that set none.
    public var namespace: String
    /// Whether the report lists every flow of both releases (`ConnectivityDiff.old`/`new`, which the unified output
    /// prints); without, only the changes.
    public var listsFlows: Bool
    /// `MeshSpec.trace(values:)` of each release's values, when the built-in chart rendered it from them: each flow
    /// change then cites the rules behind it and their values entries.
    public var oldTraces: [String: PolicyTrace]?
    public var newTraces: [String: PolicyTrace]?
    /// The most opened and closed flows the report lists; the rest are counted (`ConnectivityDiff.omitted`). When
    /// more change and `listsFlows` is set, neither release's flows are listed.
    public var maxListedFlows = defaultMaxListedFlows

    /// `--max-listed-flows` by default.
    public static let defaultMaxListedFlows = 10_000

    public init(oldMesh: MeshSpec? = nil, newMesh: MeshSpec? = nil, namespace: String = "", listsFlows: Bool = true) {
        self.oldMesh = oldMesh
        self.newMesh = newMesh
        self.namespace = namespace
        self.listsFlows = listsFlows
    }
}

extension ConnectivityDiff {
    /// The flows of both releases and what changed. Policies are read and checked as `verify` reads them: an invalid
    /// one is an `InputError` at its position.
    static func compare(old: [Document], new: [Document], settings: ConnectivitySettings) throws(InputError) -> ConnectivityDiff {
        let (before, after) = try objects(old: old, new: new, namespace: settings.namespace)
        return compare(old: before, new: after, settings: settings)
    }

    /// The flows of both releases' objects and what changed.
    static func compare(old before: ManifestObjects, new after: ManifestObjects, settings: ConnectivitySettings)
        -> ConnectivityDiff
    {
        func comparing(listsFlows: Bool) -> ReleaseComparison {
            ReleaseComparison(
                old: before, new: after, oldMesh: settings.oldMesh, newMesh: settings.newMesh,
                defaultNamespace: settings.namespace, listsFlows: listsFlows, maxListedFlows: settings.maxListedFlows)
        }
        // Both releases' flows are listed only when the changes fit the limit: past it they are counted row by row.
        var comparison = comparing(listsFlows: false)
        let listsFlows = settings.listsFlows && comparison.omitted.isEmpty
        if listsFlows { comparison = comparing(listsFlows: true) }
        let names = comparison.inventory.endpoints.map(\.name)
        func flows(_ list: [AllowedFlow]) -> [Flow] {
            list.flatMap { flow in flow.ports.labels.map { Flow(from: names[flow.from], to: names[flow.to], port: $0) } }.sorted()
        }
        let citing = (settings.oldTraces != nil || settings.newTraces != nil) && !comparison.changes.isEmpty
        let oldCiter = citing ? RuleCiter(before, traces: settings.oldTraces, comparison, settings.namespace) : nil
        let newCiter = citing ? RuleCiter(after, traces: settings.newTraces, comparison, settings.namespace) : nil
        var changes: [FlowChange] = []
        for change in comparison.changes {
            if !change.opened.isEmpty {
                var flow = FlowChange(from: change.from, to: change.to, ports: change.opened.labels, change: .opened)
                flow.rules = newCiter?.rules(from: change.from, to: change.to, ports: change.opened) ?? []
                changes.append(flow)
            }
            if !change.closed.isEmpty {
                var flow = FlowChange(from: change.from, to: change.to, ports: change.closed.labels, change: .closed)
                flow.rules = oldCiter?.rules(from: change.from, to: change.to, ports: change.closed) ?? []
                changes.append(flow)
            }
        }
        var result = listsFlows
            ? ConnectivityDiff(old: flows(comparison.old), new: flows(comparison.new), changes: changes.sorted())
            : ConnectivityDiff(old: [], new: [], changes: changes.sorted())
        result.omitted = comparison.omitted
        result.retained = (comparison, before, after)
        return result
    }
}

extension ConnectivityDiff {
    /// Documents per job of `objects(old:new:namespace:)` (at most).
    static let runLength = 128

    /// The objects of both releases, documents read on every core; a document the new release holds byte for byte
    /// as the old one does is read once.
    static func objects(old: [Document], new: [Document], namespace: String) throws(InputError)
        -> (ManifestObjects, ManifestObjects)
    {
        let pool = SelectorPool()
        func read(_ documents: [Document]) throws(InputError) -> [ManifestObjects] {
            // In runs of documents, equal selectors held once (`SelectorPool`).
            // A few runs per core at least: a small release is read on every core too.
            let length = max(1, min(Self.runLength, documents.count / (4 * Parallel.cores)))
            let runs = stride(from: 0, to: documents.count, by: length).map { $0..<min($0 + length, documents.count) }
            let parts = Array(Parallel.map(runs.count) { r -> [Result<ManifestObjects, InputError>] in
                    return runs[r].map { i in
                    if let objects = documents[i].objects { return .success(objects) }
                    // Key marks only place errors: a document is read without them, and again with them to report a problem.
                    if var objects = try? ManifestObjects.read(document: documents[i].nodeWithoutKeyMarks, defaultNamespace: namespace) {
                        objects.policies = objects.policies.map { pool.sharing($0) }
                        return .success(objects)
                    }
                    return Result { () throws(InputError) in try ManifestObjects.read(document: documents[i].node, defaultNamespace: namespace) }
                }
            }.joined())
            var result: [ManifestObjects] = []
            result.reserveCapacity(parts.count)
            for part in parts { result.append(try part.get()) }
            return result
        }
        let oldParts = try read(old)
        var byText: [ObjectIdentifier: Int] = [:]
        for (i, document) in old.enumerated() {
            if let text = document.sharedText { byText[ObjectIdentifier(text)] = i }
        }
        var newParts = [ManifestObjects?](repeating: nil, count: new.count)
        var unread: [Document] = []
        var unreadIndex: [Int] = []
        for (i, document) in new.enumerated() {
            if let text = document.sharedText, let j = byText[ObjectIdentifier(text)] {
                newParts[i] = oldParts[j]
            } else {
                unread.append(document)
                unreadIndex.append(i)
            }
        }
        for (k, part) in try read(unread).enumerated() { newParts[unreadIndex[k]] = part }
        return (ManifestObjects.joining(oldParts), ManifestObjects.joining(newParts.map { $0! }))
    }
}
