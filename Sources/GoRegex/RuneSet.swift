/// Rune sets as flat arrays of inclusive `lo, hi` pairs, and the operations a character class
/// needs: append, sort-and-merge, negate, and close under case folding.
enum RuneSet {
    /// Adds the range `lo...hi`, merging with the last pair when they touch.
    static func append(_ r: inout [Rune], _ lo: Rune, _ hi: Rune) {
        let n = r.count
        if n >= 2 && lo <= r[n - 1] + 1 && hi >= r[n - 2] - 1 {
            r[n - 2] = min(r[n - 2], lo)
            r[n - 1] = max(r[n - 1], hi)
            return
        }
        r.append(lo)
        r.append(hi)
    }

    /// Adds every pair of `x`.
    static func append(_ r: inout [Rune], class x: [Rune]) {
        var i = 0
        while i < x.count {
            append(&r, x[i], x[i + 1])
            i += 2
        }
    }

    /// Adds the complement of the clean set `x`.
    static func append(_ r: inout [Rune], negated x: [Rune]) {
        var next: Rune = 0
        var i = 0
        while i < x.count {
            if next <= x[i] - 1 { append(&r, next, x[i] - 1) }
            next = x[i + 1] + 1
            i += 2
        }
        if next <= maxRune { append(&r, next, maxRune) }
    }

    /// Sorts the pairs and merges overlapping or adjacent ones.
    static func clean(_ r: [Rune]) -> [Rune] {
        var pairs: [(Rune, Rune)] = []
        pairs.reserveCapacity(r.count / 2)
        var i = 0
        while i < r.count {
            pairs.append((r[i], r[i + 1]))
            i += 2
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
        var out: [Rune] = []
        out.reserveCapacity(r.count)
        for (lo, hi) in pairs {
            if let last = out.last, lo <= last + 1 {
                if hi > last { out[out.count - 1] = hi }
                continue
            }
            out.append(lo)
            out.append(hi)
        }
        return out
    }

    /// The complement of the clean set `r` within `0...maxRune`.
    static func negate(_ r: [Rune]) -> [Rune] {
        var out: [Rune] = []
        append(&out, negated: r)
        return out
    }

    /// The clean set `r` together with every rune that is case-fold-equivalent to one of its
    /// runes (Go's simple case folding orbits).
    static func folded(_ r: [Rune]) -> [Rune] {
        var out = r
        for (rune, orbit) in CaseFolding.orbits where contains(r, rune) {
            for member in orbit { out.append(member); out.append(member) }
        }
        return clean(out)
    }

    /// Whether the clean set `r` contains `c`.
    static func contains(_ r: [Rune], _ c: Rune) -> Bool {
        r.withUnsafeBufferPointer { contains($0.baseAddress, pairs: r.count / 2, c) }
    }

    /// Whether the clean set of `pairs` pairs at `ranges` contains `c` (a binary search).
    @inline(__always)
    static func contains(_ ranges: UnsafePointer<Rune>?, pairs: Int, _ c: Rune) -> Bool {
        guard let ranges else { return false }
        var lo = 0, hi = pairs
        while lo < hi {
            let mid = (lo + hi) / 2
            if c < ranges[2 * mid] {
                hi = mid
            } else if c > ranges[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
