/// Case-folding orbits: the sets of runes that match each other case-insensitively, built once
/// from the standard library's Unicode case mappings (a rune joins the runes its one-rune lower-
/// and uppercase mappings give; `ı` U+0131, whose uppercase `I` folds to `i`, stays alone, as
/// in Go's simple case folding).
enum CaseFolding {
    /// Every rune that has fold-equivalents, with its whole orbit (itself included), sorted.
    static let orbits: [Rune: [Rune]] = build()

    /// The fold-equivalents of `r` (itself included), sorted; `[r]` when it has none.
    static func orbit(_ r: Rune) -> [Rune] {
        orbits[r] ?? [r]
    }

    /// The largest rune with case mappings is below this bound.
    private static let limit: Rune = 0x20000

    private static func build() -> [Rune: [Rune]] {
        var parent = [Rune: Rune]()
        func find(_ x: Rune) -> Rune {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        func union(_ a: Rune, _ b: Rune) {
            let ra = find(a), rb = find(b)
            if parent[ra] == nil { parent[ra] = ra }
            if parent[rb] == nil { parent[rb] = rb }
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for v in 0..<limit {
            guard v != 0x130 && v != 0x131, let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            let p = scalar.properties
            for mapping in [p.lowercaseMapping, p.uppercaseMapping] {
                let scalars = mapping.unicodeScalars
                guard scalars.count == 1, let m = scalars.first, m.value != UInt32(v) else { continue }
                if m.value == 0x130 || m.value == 0x131 { continue }
                union(v, Rune(m.value))
            }
        }
        var groups = [Rune: [Rune]]()
        for key in parent.keys { groups[find(key), default: []].append(key) }
        var out = [Rune: [Rune]]()
        for (_, members) in groups where members.count > 1 {
            let sorted = members.sorted()
            for m in sorted { out[m] = sorted }
        }
        return out
    }
}
