/// RE2's syntax, read as Go's `regexp/syntax` reads it with its `Perl` flags: operator-precedence
/// parsing over a stack of nodes and markers, with Go's errors and the exact text they quote.
struct Parser {
    /// An entry of the parse stack: a parsed node, or a marker of an open group or a `|`.
    enum Item {
        /// A node and the height of its tree.
        case node(Node, height: Int)
        case leftParen(capture: Int, name: String?, flags: ParseFlags)
        case verticalBar
    }

    /// The pattern, rune by rune.
    let p: [Unicode.Scalar]
    let whole: String
    var stack: [Item] = []
    var flags: ParseFlags = [.oneLine]
    /// The names of the capture groups so far ("" for unnamed), group 1 first.
    var names: [String] = []
    var depth = 0

    /// The deepest group nesting accepted.
    static let maxHeight = 1000
    /// The largest count in `{n,m}`, and the largest product of nested counts.
    static let maxRepeat = 1000

    init(_ pattern: String) {
        whole = pattern
        p = Array(pattern.unicodeScalars)
    }

    /// Parses the pattern: the tree and the names of its groups.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> (Node, [String]) {
        var parser = Parser(pattern)
        let node = try parser.run()
        return (node, parser.names)
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(String.UnicodeScalarView(p[from..<min(to, p.count)]))
    }

    func error(_ code: RegexSyntaxError.Code, _ from: Int, _ to: Int) -> RegexSyntaxError {
        RegexSyntaxError(code: code, expr: text(from, to))
    }

    mutating func run() throws(RegexSyntaxError) -> Node {
        let n = p.count
        var i = 0
        var lastRepeat: Int?
        while i < n {
            var repeatStart: Int?
            let c = p[i]
            switch c {
            case "(":
                if i + 1 < n && p[i + 1] == "?" {
                    i = try parsePerlFlags(i)
                } else {
                    try openGroup(name: nil)
                    i += 1
                }
            case "|":
                try concat()
                stack.append(.verticalBar)
                i += 1
            case ")":
                try closeGroup()
                i += 1
            case "^":
                push(.assertion(flags.contains(.oneLine) ? .beginText : .beginLine))
                i += 1
            case "$":
                push(.assertion(flags.contains(.oneLine) ? .endText : .endLine))
                i += 1
            case ".":
                push(flags.contains(.dotNL) ? .anyChar : .anyCharNotNL)
                i += 1
            case "[":
                i = try parseClass(i)
            case "*", "+", "?":
                let kind: RepeatKind = c == "*" ? .star : c == "+" ? .plus : .quest
                repeatStart = i
                i = try applyRepeat(kind, before: i, after: i + 1, lastRepeat: lastRepeat)
            case "{":
                if let (min, max, after) = parseRepeatCount(i) {
                    if min < 0 || min > Parser.maxRepeat || max > Parser.maxRepeat || (max >= 0 && min > max) {
                        throw error(.invalidRepeatSize, i, after)
                    }
                    repeatStart = i
                    i = try applyRepeat(.count(min, max), before: i, after: after, lastRepeat: lastRepeat)
                } else {
                    literal("{")
                    i += 1
                }
            case "\\":
                i = try parseBackslash(i)
            default:
                literal(c)
                i += 1
            }
            lastRepeat = repeatStart
        }
        try concat()
        try alternate()
        guard stack.count == 1, case .node(let root, _) = stack[0] else {
            throw RegexSyntaxError(code: .missingParen, expr: whole)
        }
        return root
    }

    // MARK: - Stack

    /// Pushes a leaf node.
    mutating func push(_ node: Node) {
        stack.append(.node(node, height: 1))
    }

    /// Pushes a node of the given height, refusing trees deeper than Go's limit (checked as each
    /// node is built, so no later pass recurses deeper than that).
    mutating func push(_ node: Node, height: Int) throws(RegexSyntaxError) {
        if height > Parser.maxHeight { throw RegexSyntaxError(code: .nestingDepth, expr: whole) }
        stack.append(.node(node, height: height))
    }

    /// Pushes the rune `r` as a literal, case-insensitive under `(?i)` when it has other cases.
    mutating func literal(_ r: Unicode.Scalar) {
        literal(Rune(r.value))
    }

    mutating func literal(_ r: Rune) {
        let fold = flags.contains(.foldCase) && CaseFolding.orbits[r] != nil
        push(.literal([r], fold: fold))
    }

    mutating func openGroup(name: String?) throws(RegexSyntaxError) {
        depth += 1
        if depth > Parser.maxHeight { throw RegexSyntaxError(code: .nestingDepth, expr: whole) }
        names.append(name ?? "")
        stack.append(.leftParen(capture: names.count, name: name, flags: flags))
    }

    /// Replaces the nodes above the topmost marker by their concatenation (the empty match when
    /// there are none), merging adjacent literals and flattening nested concatenations.
    mutating func concat() throws(RegexSyntaxError) {
        var start = stack.count
        while start > 0, case .node = stack[start - 1] { start -= 1 }
        var parts: [Node] = []
        // The height of the tallest part (a flattened concatenation's parts are one lower).
        var tallest = 0
        for case .node(let node, let height) in stack[start...] {
            if case .concat(let subs) = node {
                parts.append(contentsOf: subs)
                tallest = max(tallest, height - 1)
            } else {
                parts.append(node)
                tallest = max(tallest, height)
            }
        }
        stack.removeSubrange(start...)
        var merged: [Node] = []
        for part in parts {
            if case .literal(let runes, let fold) = part, case .literal(let previous, let previousFold)? = merged.last,
                fold == previousFold
            {
                merged[merged.count - 1] = .literal(previous + runes, fold: fold)
            } else {
                merged.append(part)
            }
        }
        switch merged.count {
        case 0: push(.emptyMatch)
        case 1: try push(merged[0], height: tallest)
        default: try push(.concat(merged), height: tallest + 1)
        }
    }

    /// Replaces the alternatives above the topmost open group (each a node, separated by `|`
    /// markers) by their alternation.
    mutating func alternate() throws(RegexSyntaxError) {
        var alternatives: [Node] = []
        var tallest = 0
        while let top = stack.last {
            if case .node(let node, let height) = top {
                if case .alternate(let subs) = node {
                    alternatives.insert(contentsOf: subs, at: 0)
                    tallest = max(tallest, height - 1)
                } else {
                    alternatives.insert(node, at: 0)
                    tallest = max(tallest, height)
                }
                stack.removeLast()
            } else if case .verticalBar = top {
                stack.removeLast()
            } else {
                break
            }
        }
        if alternatives.count == 1 {
            try push(alternatives[0], height: tallest)
        } else {
            try push(.alternate(alternatives), height: tallest + 1)
        }
    }

    mutating func closeGroup() throws(RegexSyntaxError) {
        try concat()
        try alternate()
        guard stack.count >= 2, case .node(let body, let height) = stack[stack.count - 1],
            case .leftParen(let capture, let name, let savedFlags) = stack[stack.count - 2]
        else { throw RegexSyntaxError(code: .unexpectedParen, expr: whole) }
        stack.removeLast(2)
        if capture != 0 { depth -= 1 }
        flags = savedFlags
        if capture == 0 {
            try push(body, height: height)
        } else {
            try push(.capture(capture, name: name, body), height: height + 1)
        }
    }

    // MARK: - Repetition

    enum RepeatKind {
        case star, plus, quest
        case count(Int, Int)
    }

    /// Applies a repetition operator read from `before` to `after` to the node on top of the
    /// stack; a `?` after it makes it lazy (greedy under `(?U)`). Returns where parsing continues.
    mutating func applyRepeat(_ kind: RepeatKind, before: Int, after: Int, lastRepeat: Int?) throws(RegexSyntaxError) -> Int {
        var after = after
        var greedy = !flags.contains(.nonGreedy)
        if after < p.count && p[after] == "?" {
            after += 1
            greedy.toggle()
        }
        if let last = lastRepeat { throw error(.invalidRepeatOp, last, after) }
        guard case .node(let sub, let height)? = stack.last else { throw error(.missingRepeatArgument, before, after) }
        let node: Node
        switch kind {
        case .star: node = .star(sub, greedy: greedy)
        case .plus: node = .plus(sub, greedy: greedy)
        case .quest: node = .quest(sub, greedy: greedy)
        case .count(let min, let max): node = .repeat(sub, min: min, max: max, greedy: greedy)
        }
        stack.removeLast()
        try push(node, height: height + 1)
        if case .count(let min, let max) = kind, min >= 2 || max >= 2, !Parser.repeatIsValid(node, Parser.maxRepeat) {
            throw error(.invalidRepeatSize, before, after)
        }
        return after
    }

    /// Whether the nested counted repetitions of `node` multiply to at most `n`.
    static func repeatIsValid(_ node: Node, _ n: Int) -> Bool {
        var n = n
        if case .repeat(_, let min, let max, _) = node {
            var m = max
            if m == 0 { return true }
            if m < 0 { m = min }
            if m > n { return false }
            if m > 0 { n /= m }
        }
        return node.children.allSatisfy { repeatIsValid($0, n) }
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` at `start`: the bounds (max -1 for none; -1 for a number too
    /// large) and the index after `}`; nil when the text is not a count (then `{` is a literal).
    func parseRepeatCount(_ start: Int) -> (Int, Int, Int)? {
        var i = start + 1
        guard var min = parseInt(&i), i < p.count else { return nil }
        var max = min
        if p[i] == "," {
            i += 1
            guard i < p.count else { return nil }
            if p[i] == "}" {
                max = -1
            } else {
                guard let m = parseInt(&i) else { return nil }
                max = m
                if m < 0 { min = -1 }
            }
        }
        guard i < p.count, p[i] == "}" else { return nil }
        return (min, max, i + 1)
    }

    /// Reads a decimal number without leading zeros at `i`; -1 when it is too large.
    func parseInt(_ i: inout Int) -> Int? {
        guard i < p.count, isDigit(p[i]) else { return nil }
        if i + 1 < p.count && p[i] == "0" && isDigit(p[i + 1]) { return nil }
        var n = 0
        while i < p.count, isDigit(p[i]) {
            if n >= 100_000_000 { n = -1 } else if n >= 0 { n = n * 10 + Int(p[i].value - 48) }
            i += 1
        }
        return n
    }

    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
}
