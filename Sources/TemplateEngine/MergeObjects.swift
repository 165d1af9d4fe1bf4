import GoValues

/// Merging map objects (``MapMutation/mergesMaps(overwrite:)``: Sprig's `merge` family), with the sharing Go's mergo gives them: a key the
/// destination lacks (or holds empty) receives the source's own map, not a copy, and maps
/// present on both sides are merged into the destination's map in place. So after
/// `merge (dict) .Values.a .Values.b`, `.Values.a`'s nested maps hold `.Values.b`'s keys too,
/// exactly as in Helm.
extension Call {
    /// Merges `args[1...]` into the map object `target`, or returns false (nothing changed) when an
    /// argument is not a map, for the ordinary function to report.
    func mergeObjects(into target: MapObject, _ args: [Datum], overwrite: Bool) -> Bool {
        var sources: [MapObject] = []
        for d in args.dropFirst() {
            switch d.item.object(in: executor.heap) {
            case .map(let m): sources.append(m)
            case .value(.null): continue  // a nil map merges nothing
            default: return false
            }
        }
        for source in sources where source !== target {
            Call.merge(source, into: target, overwrite: overwrite, heap: executor.heap, depth: 0)
        }
        return true
    }

    /// Maps nested deeper than this merge as data (no sharing): the bound keeps the recursion within the stack, and
    /// no map Helm could have read from YAML (10,000 levels at most) reaches it.
    static let maxSharedMergeDepth = 9_999

    private static func merge(_ source: MapObject, into target: MapObject, overwrite: Bool, heap: Heap, depth: Int) {
        // Beyond this depth the maps merge as data (no sharing), which bounds the recursion.
        for key in source.sortedKeys {
            guard let s = source[key] else { continue }
            if s.isNull {
                if overwrite { target.set(key, .null) }
                continue
            }
            let existing = target[key]
            if case .map(let sourceMap) = s, let existing, case .map(let targetMap) = existing.object(in: heap),
               sourceMap !== targetMap, depth < maxSharedMergeDepth {
                if case .value = existing { target.set(key, .map(targetMap)) }
                merge(sourceMap, into: targetMap, overwrite: overwrite, heap: heap, depth: depth + 1)
                continue
            }
            if case .map = s, let existing, case .map = existing.object(in: heap) { continue }
            if overwrite || existing == nil || Call.isEmpty(existing!) { target.set(key, s) }
        }
    }
}
