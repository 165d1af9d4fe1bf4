/// A node of a parsed pattern: what the parser produces and the simplifier rewrites.
indirect enum Node: Sendable {
    /// Matches nothing at all.
    case noMatch
    /// Matches the empty string.
    case emptyMatch
    /// A run of literal runes; `fold` matches each case-insensitively.
    case literal([Rune], fold: Bool)
    /// A set of runes as sorted, merged `lo, hi` pairs.
    case charClass([Rune])
    /// Any rune but `\n`.
    case anyCharNotNL
    /// Any rune.
    case anyChar
    /// An empty-width assertion (`^ $ \A \z \b \B`).
    case assertion(EmptyConditions)
    /// Capture group `index` (1-based), with its name if it has one.
    case capture(Int, name: String?, Node)
    /// `x*`, `x+`, `x?`: greedy unless `greedy` is false.
    case star(Node, greedy: Bool)
    case plus(Node, greedy: Bool)
    case quest(Node, greedy: Bool)
    /// `x{min,max}`; `max` is -1 for no upper bound.
    case `repeat`(Node, min: Int, max: Int, greedy: Bool)
    /// A sequence.
    case concat([Node])
    /// Alternatives, the first preferred.
    case alternate([Node])

    /// The children of this node.
    var children: [Node] {
        switch self {
        case .capture(_, _, let s), .star(let s, _), .plus(let s, _), .quest(let s, _), .repeat(let s, _, _, _): [s]
        case .concat(let subs), .alternate(let subs): subs
        default: []
        }
    }
}

/// A Unicode code point as Go's `rune`; -1 stands for "no rune" (before the start or past the end).
typealias Rune = Int32

/// The largest code point.
let maxRune: Rune = 0x10FFFF
