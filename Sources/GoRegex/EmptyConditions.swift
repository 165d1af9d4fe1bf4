/// Empty-width conditions: which assertions hold at a position between two runes.
struct EmptyConditions: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let beginLine = EmptyConditions(rawValue: 1)
    static let endLine = EmptyConditions(rawValue: 2)
    static let beginText = EmptyConditions(rawValue: 4)
    static let endText = EmptyConditions(rawValue: 8)
    static let wordBoundary = EmptyConditions(rawValue: 16)
    static let noWordBoundary = EmptyConditions(rawValue: 32)

    /// The conditions that hold between rune `before` and rune `after` (-1: text edge).
    /// Word characters are ASCII letters, digits and `_`, as in Go.
    static func between(_ before: Rune, _ after: Rune) -> EmptyConditions {
        var c: EmptyConditions = []
        if before < 0 { c.formUnion([.beginText, .beginLine]) } else if before == 0x0A { c.insert(.beginLine) }
        if after < 0 { c.formUnion([.endText, .endLine]) } else if after == 0x0A { c.insert(.endLine) }
        c.insert(isWordRune(before) != isWordRune(after) ? .wordBoundary : .noWordBoundary)
        return c
    }

    /// Whether `r` is an ASCII word character (`[0-9A-Za-z_]`).
    static func isWordRune(_ r: Rune) -> Bool {
        (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A) || r == 0x5F
    }
}
