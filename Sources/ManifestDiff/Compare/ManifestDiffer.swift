import MeshAnalysis
import Diagnostics
import GoValues
import Platform
import YAML

/// Compares two releases resource by resource and, for NetworkPolicies, by the connectivity they allow.
public enum ManifestDiffer {
    /// The differences between the `old` and `new` releases.
    ///
    /// Resources pair by `ResourceID` (API group, kind, namespace, name); document order, key order,
    /// formatting and comments never count. Throws `InputError` for a resource given twice within one
    /// release (naming both positions), for a malformed `ignorePaths` entry, and for NetworkPolicies the
    /// connectivity analyzer cannot read.
    public static func diff(old: [Document], new: [Document], options: DiffOptions = DiffOptions()) throws(InputError)
        -> DiffReport
    {
        let oldIndex = try ResourceIndex(old, side: "old")
        let newIndex = try ResourceIndex(new, side: "new")
        let comparison = try Comparison(options: options)

        var allIDs = Array(oldIndex.positions.keys)
        for id in newIndex.positions.keys where oldIndex.positions[id] == nil { allIDs.append(id) }
        allIDs.sort()
        let ids = allIDs

        // Flows change only with the resources that carry them (policies, workloads, namespaces) or the meshes. When such
        // a resource may have changed (its text differs between the releases), the releases' objects are read first (on
        // every core), then the flows are evaluated (mostly on one thread) while the resources compare; they are kept
        // when a carrying resource did change.
        let settings = options.connectivity
        let flowSettings = settings ?? ConnectivitySettings()
        let flowsMayChange = settings.map { settings in
            settings.oldMesh != nil || settings.newMesh != nil
                || ids.contains { id in
                    carriesConnectivity(id)
                        && mayDiffer(oldIndex.positions[id].map { old[$0] }, newIndex.positions[id].map { new[$0] })
                }
        } ?? false
        func objects() -> Result<(ManifestObjects, ManifestObjects), InputError> {
            Result { () throws(InputError) in
                try ConnectivityDiff.objects(
                    old: old.filter { carriesConnectivity($0.id) }, new: new.filter { carriesConnectivity($0.id) },
                    namespace: flowSettings.namespace)
            }
        }
        let read = flowsMayChange ? objects() : nil
        let readObjects = try? read?.get()
        PhaseClock.mark("diff: objects read")
        @Sendable func compare(_ i: Int) -> ResourceDiff? {
            let id = ids[i]
            return comparison.compare(id: id, old: oldIndex.positions[id].map { old[$0] }, new: newIndex.positions[id].map { new[$0] })
        }
        let (resources, computedFlows) = Parallel.both(
            concurrently: readObjects != nil,
            { () -> [ResourceDiff] in
                // Resources compare independently: in chunks, on every core.
                let chunks = stride(from: 0, to: ids.count, by: Self.chunkSize).map { $0..<min($0 + Self.chunkSize, ids.count) }
                return Parallel.map(chunks.count) { c in chunks[c].compactMap(compare) }.flatMap { $0 }
            },
            { readObjects.map { ConnectivityDiff.compare(old: $0.0, new: $0.1, settings: flowSettings) } })

        PhaseClock.mark("diff: resources and flows compared")
        var connectivity = ConnectivityDiff.empty
        if let settings,
            resources.contains(where: { carriesConnectivity($0.id) }) || settings.oldMesh != nil || settings.newMesh != nil
        {
            if let computedFlows {
                connectivity = computedFlows
            } else {
                let (before, after) = try (read ?? objects()).get()
                connectivity = ConnectivityDiff.compare(old: before, new: after, settings: flowSettings)
            }
        }
        var report = DiffReport(resources: resources, connectivity: connectivity)
        report.retainer = Disposal.Retainer((resources, connectivity.retained))
        report.connectivity.retained = nil
        return report
    }

    /// Resources per comparison job.
    static let chunkSize = 256

    /// Whether a resource may differ between the releases: it is in one only, or its text is not the same in both.
    static func mayDiffer(_ old: Document?, _ new: Document?) -> Bool {
        guard let old, let new, let a = old.sharedText, let b = new.sharedText else { return true }
        return a !== b
    }

    /// NetworkPolicies, workloads, Namespaces and lists of them: what the connectivity of a release depends on.
    static func carriesConnectivity(_ id: ResourceID) -> Bool {
        guard let group = ConnectivityKinds.groups[id.kind] else { return id.kind.hasSuffix("List") }
        return id.group == group
    }
}

/// The per-resource comparison with the options applied.
struct Comparison: Sendable {
    let showSecrets: Bool
    let keepsModifiedContent: Bool
    /// Removed from both sides before comparing (map-key paths: ignored labels and key-only ignore paths).
    let prunedPaths: [FieldPath]
    /// Changes at or below these paths are dropped.
    let ignoredPaths: [FieldPath]

    init(options: DiffOptions) throws(InputError) {
        showSecrets = options.showSecrets
        keepsModifiedContent = options.keepsModifiedContent
        var ignored: [FieldPath] = []
        for text in options.ignorePaths {
            guard let path = FieldPath(parsing: text), !path.isEmpty else {
                throw InputError("invalid field path (expected e.g. spec.ingress[0].ports or metadata.labels[\"helm.sh/chart\"])",
                                 at: nil, path: text)
            }
            ignored.append(path)
        }
        ignoredPaths = ignored + options.ignoreLabels.flatMap(ValuePruning.labelPaths)
        prunedPaths = ignoredPaths.filter { path in
            path.components.allSatisfy { if case .key = $0 { return true } else { return false } }
        }
    }

    func prepared(_ node: Node?) -> Value? {
        guard let node else { return nil }
        var value = node.toValue()
        for path in prunedPaths { value = ValuePruning.removing(path.components[...], from: value) }
        return value
    }

    func compare(id: ResourceID, old: Document?, new: Document?) -> ResourceDiff? {
        if let old, let new, let a = old.sharedText, let b = new.sharedText, a === b { return nil }
        // Trees parsed from the text for this comparison are not kept.
        let (oldNode, newNode) = (old?.nodeWithoutKeyMarks, new?.nodeWithoutKeyMarks)
        if let oldNode, let newNode, NodeEquality.equal(oldNode, newNode) { return nil }
        var before = prepared(oldNode)
        var after = prepared(newNode)
        if !showSecrets, SecretMasking.isSecret(id) {
            (before, after) = SecretMasking.mask(old: before, new: after)
        }
        let apiVersion = new?.apiVersion ?? old?.apiVersion ?? ""
        let mark = new?.mark ?? old?.mark
        switch (before, after) {
        case (let b?, let a?):
            if b == a { return nil }
            var differ = ValueDiffer()
            differ.compare(b, a)
            let fields = differ.changes.filter { change in !ignoredPaths.contains { change.path.hasPrefix($0) } }
            if fields.isEmpty { return nil }
            return ResourceDiff(
                id: id, apiVersion: apiVersion, change: .modified, fields: fields, old: keepsModifiedContent ? b : nil,
                new: keepsModifiedContent ? a : nil, mark: mark)
        case (let b?, nil):
            return ResourceDiff(id: id, apiVersion: apiVersion, change: .removed, fields: [], old: b, new: nil, mark: mark)
        case (nil, let a?):
            return ResourceDiff(id: id, apiVersion: apiVersion, change: .added, fields: [], old: nil, new: a, mark: mark)
        case (nil, nil):
            return nil
        }
    }
}
