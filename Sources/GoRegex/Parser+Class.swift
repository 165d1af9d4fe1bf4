/// Bracketed character classes: `[a-z]`, `[^\d.]`, `[[:alpha:]\pL]`.
extension Parser {
    /// The class starting with `[` at `start`; returns the index after its `]`.
    mutating func parseClass(_ start: Int) throws(RegexSyntaxError) -> Int {
        let n = p.count
        var t = start + 1
        var negated = false
        if t < n && p[t] == "^" {
            negated = true
            t += 1
        }
        // Single runes and ranges, folded under `(?i)`; named classes come folded (or not) as Go
        // folds each of them.
        var ranges: [Rune] = []
        var groups: [Rune] = []
        var first = true
        while t >= n || p[t] != "]" || first {
            first = false
            if n - t > 2 && p[t] == "[" && p[t + 1] == ":" {
                if let close = findPosixEnd(t) {
                    let name = text(t, close)
                    guard let group = NamedClasses.posix(name) else { throw error(.invalidCharRange, t, close) }
                    RuneSet.append(&groups, class: groupRanges(group))
                    t = close
                    continue
                }
            }
            if t + 1 < n && p[t] == "\\" {
                if p[t + 1] == "p" || p[t + 1] == "P" {
                    let (unicodeRanges, next) = try parseUnicodeClass(t)
                    RuneSet.append(&groups, class: unicodeRanges)
                    t = next
                    continue
                }
                if let group = NamedClasses.perl[p[t + 1]] {
                    RuneSet.append(&groups, class: groupRanges(group))
                    t += 2
                    continue
                }
            }
            let rangeStart = t
            let lo: Rune
            (lo, t) = try parseClassChar(t, classStart: start)
            var hi = lo
            if n - t >= 2 && p[t] == "-" && p[t + 1] != "]" {
                (hi, t) = try parseClassChar(t + 1, classStart: start)
                if hi < lo { throw error(.invalidCharRange, rangeStart, t) }
            }
            RuneSet.append(&ranges, lo, hi)
        }
        ranges = RuneSet.clean(ranges)
        if flags.contains(.foldCase) { ranges = RuneSet.folded(ranges) }
        RuneSet.append(&ranges, class: groups)
        ranges = RuneSet.clean(ranges)
        if negated { ranges = RuneSet.negate(ranges) }
        push(.charClass(ranges))
        return t + 1
    }

    /// The index just after the `:]` closing a POSIX class name that opens at `t`, if any.
    func findPosixEnd(_ t: Int) -> Int? {
        var k = t + 2
        while k + 1 < p.count {
            if p[k] == ":" && p[k + 1] == "]" { return k + 2 }
            k += 1
        }
        return nil
    }

    /// One rune of a class at `t`, escaped or not.
    func parseClassChar(_ t: Int, classStart: Int) throws(RegexSyntaxError) -> (Rune, Int) {
        guard t < p.count else { throw error(.missingBracket, classStart, p.count) }
        if p[t] == "\\" { return try parseEscape(t) }
        return (Rune(p[t].value), t + 1)
    }
}
