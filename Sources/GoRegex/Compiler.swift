/// Compiles a simplified tree into a `Program`, fragment by fragment (Thompson's construction
/// as in Go's `regexp/syntax`), keeping track of which fragments can match the empty string.
struct Compiler {
    /// A compiled piece: its entry instruction (0 for "never matches"), the dangling exits still
    /// to be connected (instruction index × 2, + 1 for the `arg` field), and whether it can match
    /// the empty string.
    struct Fragment {
        var start: Int
        var exits: [Int]
        var nullable: Bool
    }

    var insts: [Program.Inst] = [Program.Inst(op: .fail)]
    var classes: [RuneClass] = []
    /// Go's limit on a program's size (its parser's `maxSize`).
    static let maxInstructions = 3_355_443

    /// Compiles `node` (with `groups` capture groups) for the pattern `pattern`.
    static func compile(_ node: Node, groups: Int, pattern: String) throws(RegexSyntaxError) -> Program {
        var c = Compiler()
        let body = try c.compile(node, pattern: pattern)
        let match = c.emit(.match)
        c.patch(body.exits, to: match.start)
        return Program(insts: c.insts, classes: c.classes, start: body.start, slotCount: 2 * (groups + 1))
    }

    mutating func emit(_ op: Program.Op, arg: Int32 = 0) -> Fragment {
        insts.append(Program.Inst(op: op, out: 0, arg: arg))
        let i = insts.count - 1
        return Fragment(start: i, exits: [i * 2], nullable: true)
    }

    mutating func patch(_ exits: [Int], to target: Int) {
        for e in exits {
            if e & 1 == 0 { insts[e >> 1].out = Int32(target) } else { insts[e >> 1].arg = Int32(target) }
        }
    }

    mutating func compile(_ node: Node, pattern: String) throws(RegexSyntaxError) -> Fragment {
        if insts.count > Compiler.maxInstructions { throw RegexSyntaxError(code: .large, expr: pattern) }
        switch node {
        case .noMatch:
            return Fragment(start: 0, exits: [], nullable: false)
        case .emptyMatch:
            return emit(.nop)
        case .literal(let runes, let fold):
            var f: Fragment?
            for r in runes {
                let one = runeFragment(fold ? CaseFolding.orbit(r) : [r])
                f = f.map { cat($0, one) } ?? one
            }
            return f ?? emit(.nop)
        case .charClass(let ranges):
            if ranges == [0, maxRune] { return rune(.runeAny) }
            if ranges == [0, 9, 11, maxRune] { return rune(.runeAnyNotNL) }
            if ranges.count == 2 && ranges[0] == ranges[1] { return rune(.rune1, arg: ranges[0]) }
            classes.append(RuneClass(ranges))
            return rune(.rune, arg: Int32(classes.count - 1))
        case .anyCharNotNL:
            return rune(.runeAnyNotNL)
        case .anyChar:
            return rune(.runeAny)
        case .assertion(let conditions):
            return emit(.emptyWidth, arg: Int32(conditions.rawValue))
        case .capture(let index, _, let sub):
            let open = emit(.capture, arg: Int32(2 * index))
            let body = try compile(sub, pattern: pattern)
            let close = emit(.capture, arg: Int32(2 * index + 1))
            return cat(cat(open, body), close)
        case .star(let sub, let greedy):
            let body = try compile(sub, pattern: pattern)
            if body.nullable { return quest(plus(body, greedy), greedy) }
            return loop(body, greedy)
        case .plus(let sub, let greedy):
            return plus(try compile(sub, pattern: pattern), greedy)
        case .quest(let sub, let greedy):
            return quest(try compile(sub, pattern: pattern), greedy)
        case .repeat:
            // Counted repetitions are rewritten away before compiling.
            return Fragment(start: 0, exits: [], nullable: false)
        case .concat(let subs):
            var f: Fragment?
            for sub in subs {
                let next = try compile(sub, pattern: pattern)
                f = f.map { cat($0, next) } ?? next
            }
            return f ?? emit(.nop)
        case .alternate(let subs):
            var f = Fragment(start: 0, exits: [], nullable: false)
            for sub in subs { f = alt(f, try compile(sub, pattern: pattern)) }
            return f
        }
    }

    /// One rune of `runes` (a sorted list of single runes, as a case-folding orbit is).
    mutating func runeFragment(_ runes: [Rune]) -> Fragment {
        if runes.count == 1 { return rune(.rune1, arg: runes[0]) }
        var ranges: [Rune] = []
        for r in runes { RuneSet.append(&ranges, r, r) }
        classes.append(RuneClass(RuneSet.clean(ranges)))
        return rune(.rune, arg: Int32(classes.count - 1))
    }

    mutating func rune(_ op: Program.Op, arg: Int32 = 0) -> Fragment {
        var f = emit(op, arg: arg)
        f.nullable = false
        return f
    }

    mutating func cat(_ f1: Fragment, _ f2: Fragment) -> Fragment {
        if f1.start == 0 || f2.start == 0 { return Fragment(start: 0, exits: [], nullable: false) }
        patch(f1.exits, to: f2.start)
        return Fragment(start: f1.start, exits: f2.exits, nullable: f1.nullable && f2.nullable)
    }

    mutating func alt(_ f1: Fragment, _ f2: Fragment) -> Fragment {
        if f1.start == 0 { return f2 }
        if f2.start == 0 { return f1 }
        var f = emit(.alt)
        insts[f.start].out = Int32(f1.start)
        insts[f.start].arg = Int32(f2.start)
        f.exits = f1.exits + f2.exits
        f.nullable = f1.nullable || f2.nullable
        return f
    }

    /// An `alt` that tries `body` first when greedy, the exit first when lazy.
    mutating func branch(_ body: Fragment, _ greedy: Bool) -> Fragment {
        var f = emit(.alt)
        if greedy {
            insts[f.start].out = Int32(body.start)
            f.exits = [f.start * 2 + 1]
        } else {
            insts[f.start].arg = Int32(body.start)
            f.exits = [f.start * 2]
        }
        return f
    }

    mutating func quest(_ body: Fragment, _ greedy: Bool) -> Fragment {
        var f = branch(body, greedy)
        f.exits += body.exits
        f.nullable = true
        return f
    }

    /// `body` repeated any number of times: the loop's `alt` is its entry.
    mutating func loop(_ body: Fragment, _ greedy: Bool) -> Fragment {
        var f = branch(body, greedy)
        f.nullable = true
        patch(body.exits, to: f.start)
        return f
    }

    mutating func plus(_ body: Fragment, _ greedy: Bool) -> Fragment {
        let l = loop(body, greedy)
        return Fragment(start: body.start, exits: l.exits, nullable: body.nullable)
    }
}
