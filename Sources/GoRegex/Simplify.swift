/// Rewrites counted repetitions into stars, pluses and optionals, as Go's `Regexp.Simplify`
/// does before compiling: `x{2,5}` is `xx(x(x(x)?)?)?`, `x{3,}` is `xxx+`, `x{0}` is empty.
enum Simplifier {
    static func simplify(_ node: Node) -> Node {
        switch node {
        case .capture(let index, let name, let sub):
            return .capture(index, name: name, simplify(sub))
        case .concat(let subs):
            return .concat(subs.map(simplify))
        case .alternate(let subs):
            return .alternate(subs.map(simplify))
        case .star(let sub, let greedy):
            return simplified(.star, greedy, simplify(sub))
        case .plus(let sub, let greedy):
            return simplified(.plus, greedy, simplify(sub))
        case .quest(let sub, let greedy):
            return simplified(.quest, greedy, simplify(sub))
        case .repeat(let sub, let min, let max, let greedy):
            if min == 0 && max == 0 { return .emptyMatch }
            let x = simplify(sub)
            if max == -1 {
                if min == 0 { return simplified(.star, greedy, x) }
                if min == 1 { return simplified(.plus, greedy, x) }
                return .concat(Array(repeating: x, count: min - 1) + [simplified(.plus, greedy, x)])
            }
            if min == 1 && max == 1 { return x }
            var prefix: [Node] = Array(repeating: x, count: min)
            if max > min {
                var suffix = simplified(.quest, greedy, x)
                if max > min + 1 {
                    for _ in (min + 1)..<max { suffix = simplified(.quest, greedy, .concat([x, suffix])) }
                }
                prefix.append(suffix)
            }
            if prefix.isEmpty { return .noMatch }
            return prefix.count == 1 ? prefix[0] : .concat(prefix)
        default:
            return node
        }
    }

    enum Operator { case star, plus, quest }

    /// `op` applied to `sub`, where `x**` is `x*` (same greediness) and any repetition of the
    /// empty match is the empty match.
    static func simplified(_ op: Operator, _ greedy: Bool, _ sub: Node) -> Node {
        if case .emptyMatch = sub { return sub }
        switch (op, sub) {
        case (.star, .star(_, let g)) where g == greedy: return sub
        case (.plus, .plus(_, let g)) where g == greedy: return sub
        case (.quest, .quest(_, let g)) where g == greedy: return sub
        default: break
        }
        switch op {
        case .star: return .star(sub, greedy: greedy)
        case .plus: return .plus(sub, greedy: greedy)
        case .quest: return .quest(sub, greedy: greedy)
        }
    }
}
