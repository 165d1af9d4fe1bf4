/// Case-folding orbits: the sets of runes that match each other case-insensitively under Unicode's
/// simple case folding (`k K` and the Kelvin sign; `s S ſ`; `σ Σ ς`), as Go's `unicode.SimpleFold`
/// walks them, from the generated table `UnicodeFoldOrbits`.
enum CaseFolding {
    /// Every rune that has fold-equivalents, with its whole orbit (itself included), sorted.
    static let orbits: [Rune: [Rune]] = {
        var out = [Rune: [Rune]]()
        for orbit in UnicodeFoldOrbits.orbits {
            for r in orbit { out[r] = orbit }
        }
        return out
    }()

    /// The fold-equivalents of `r` (itself included), sorted; `[r]` when it has none.
    static func orbit(_ r: Rune) -> [Rune] {
        orbits[r] ?? [r]
    }
}
