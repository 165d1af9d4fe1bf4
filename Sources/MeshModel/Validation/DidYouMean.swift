/// "Did you mean" suggestions for misspelled keys and ids.
public enum DidYouMean {
    /// The candidate closest to `word` by Levenshtein distance, if it is close enough to be a plausible typo
    /// (distance at most max(1, length / 3)). Ties resolve to the byte-wise smallest candidate.
    public static func suggestion<S: Sequence>(for word: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(word.utf8)
        let limit = max(1, target.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let bytes = Array(candidate.utf8)
            if abs(bytes.count - target.count) > limit { continue }
            let d = levenshtein(target, bytes)
            guard d <= limit else { continue }
            if let b = best, b.distance < d || (b.distance == d && !candidate.utf8.lexicographicallyPrecedes(b.name.utf8)) {
                continue
            }
            best = (d, candidate)
        }
        return best?.name
    }

    /// ` (did you mean "x"?)` or an empty string.
    public static func hint<S: Sequence>(for word: String, among candidates: S) -> String where S.Element == String {
        guard let s = suggestion(for: word, among: candidates) else { return "" }
        return " (did you mean \"\(s)\"?)"
    }

    /// Levenshtein edit distance over bytes (insertions, deletions, substitutions), with a swap of two
    /// adjacent characters counting as one edit (`agnet` → `agent`).
    static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, beforePrevious[j - 2] + 1) }
                current[j] = d
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
