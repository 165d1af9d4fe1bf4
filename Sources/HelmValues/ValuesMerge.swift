import YAML

/// How Helm combines values files, and the documents within one file.
public enum ValuesMerge {
    /// Helm's `MergeMaps(a, b)`: `b` wins; where both hold a map under the same key the maps
    /// merge recursively; anything else in `b` (lists and nulls included) replaces `a`'s value.
    ///
    /// Neither input is changed. Keys keep `a`'s order, new keys of `b` follow in `b`'s order;
    /// a key written by `b` takes `b`'s key mark. When either side is not a mapping, `b` is returned.
    public static func mergeMaps(_ a: Node, _ b: Node) -> Node {
        guard case .mapping(var out) = a.kind, case .mapping(let overlay) = b.kind else { return b }
        for (key, value) in overlay.entries {
            if case .mapping = value.kind, let existing = out.take(key), case .mapping = existing.kind {
                out.entries[key] = mergeMaps(existing, value)
            } else {
                out.entries[key] = value
            }
            if let mark = overlay.keyMarks[key] { out.keyMarks[key] = mark }
        }
        return Node(.mapping(out), mark: a.mark ?? b.mark)
    }
}
