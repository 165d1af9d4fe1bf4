/// Go's `path/filepath.Match` on `/`-separated paths: `*` (any run of non-`/` characters), `?`,
/// character classes `[a-z]`, `[^…]`, and `\` escapes; the whole name must match.
package enum GoPathMatch {
    /// Whether `name` matches `pattern`; nil when the pattern is malformed.
    package static func matches(_ pattern: String, _ name: String) -> Bool? {
        let p = Array(pattern.unicodeScalars), n = Array(name.unicodeScalars)
        var malformed = false
        let result = match(p, 0, n, 0, &malformed)
        if malformed { return nil }
        // Go checks the rest of the pattern for errors too, even after a mismatch.
        if !result, !wellFormed(p) { return nil }
        return result
    }

    /// Whether `name` matches `pattern`, a malformed pattern matching nothing (Helm's `--show-only` drops the error).
    package static func match(_ pattern: String, _ name: String) -> Bool {
        matches(pattern, name) ?? false
    }

    private static func match(
        _ p: [Unicode.Scalar], _ pi: Int, _ n: [Unicode.Scalar], _ ni: Int, _ malformed: inout Bool
    ) -> Bool {
        var pi = pi, ni = ni
        while pi < p.count {
            switch p[pi] {
            case "*":
                while pi < p.count && p[pi] == "*" { pi += 1 }
                if pi == p.count { return !n[ni...].contains("/") }
                var k = ni
                while true {
                    if match(p, pi, n, k, &malformed) { return true }
                    if malformed || k == n.count || n[k] == "/" { return false }
                    k += 1
                }
            case "?":
                guard ni < n.count, n[ni] != "/" else { return false }
                pi += 1
                ni += 1
            case "[":
                guard let (matched, next) = matchClass(p, pi, ni < n.count ? n[ni] : nil) else {
                    malformed = true
                    return false
                }
                guard ni < n.count, matched else { return false }
                pi = next
                ni += 1
            case "\\":
                guard pi + 1 < p.count else {
                    malformed = true
                    return false
                }
                guard ni < n.count, n[ni] == p[pi + 1] else { return false }
                pi += 2
                ni += 1
            default:
                guard ni < n.count, n[ni] == p[pi] else { return false }
                pi += 1
                ni += 1
            }
        }
        return ni == n.count
    }

    /// A character class at `p[start]` (`[`): whether `c` is in it, and the index after it; nil
    /// when the class is malformed.
    private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar?) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count && p[i] == "^" {
            negated = true
            i += 1
        }
        var matched = false
        var first = true
        while true {
            guard i < p.count else { return nil }
            if p[i] == "]" && !first { break }
            first = false
            guard let (low, afterLow) = classChar(p, i) else { return nil }
            var high = low
            i = afterLow
            if i < p.count && p[i] == "-" {
                guard let (h, afterHigh) = classChar(p, i + 1) else { return nil }
                high = h
                i = afterHigh
            }
            if let c, low.value <= c.value && c.value <= high.value { matched = true }
        }
        return (matched != negated, i + 1)
    }

    private static func classChar(_ p: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar, Int)? {
        guard i < p.count, p[i] != "-", p[i] != "]" else { return nil }
        if p[i] == "\\" {
            guard i + 1 < p.count else { return nil }
            return (p[i + 1], i + 2)
        }
        return (p[i], i + 1)
    }

    /// Whether every class and escape of the pattern is complete.
    private static func wellFormed(_ p: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < p.count {
            switch p[i] {
            case "\\":
                if i + 1 >= p.count { return false }
                i += 2
            case "[":
                guard let (_, next) = matchClass(p, i, nil) else { return false }
                i = next
            default:
                i += 1
            }
        }
        return true
    }
}
