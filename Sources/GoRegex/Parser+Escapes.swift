/// Backslash escapes and `(?…)` groups.
extension Parser {
    /// A backslash outside a class at `i`: an assertion (`\A \z \b \B`), quoted text `\Q…\E`,
    /// a class (`\d`, `\pL`, `\p{Greek}`) or one escaped rune. Returns where parsing continues.
    mutating func parseBackslash(_ i: Int) throws(RegexSyntaxError) -> Int {
        let n = p.count
        if i + 1 < n {
            switch p[i + 1] {
            case "A":
                push(.assertion(.beginText))
                return i + 2
            case "b":
                push(.assertion(.wordBoundary))
                return i + 2
            case "B":
                push(.assertion(.noWordBoundary))
                return i + 2
            case "C":
                throw error(.invalidEscape, i, i + 2)
            case "Q":
                var end = i + 2
                while end < n && !(p[end] == "\\" && end + 1 < n && p[end + 1] == "E") { end += 1 }
                for k in (i + 2)..<end { literal(p[k]) }
                return min(end + 2, n)
            case "z":
                push(.assertion(.endText))
                return i + 2
            case "p", "P":
                let (ranges, next) = try parseUnicodeClass(i)
                push(.charClass(ranges))
                return next
            default:
                if let group = NamedClasses.perl[p[i + 1]] {
                    push(.charClass(RuneSet.clean(groupRanges(group))))
                    return i + 2
                }
            }
        }
        let (r, next) = try parseEscape(i)
        literal(r)
        return next
    }

    /// The runes of a named group as the current flags see it: closed under case folding under
    /// `(?i)`, then complemented when the group is negative.
    func groupRanges(_ group: NamedClasses.Group) -> [Rune] {
        var ranges = RuneSet.clean(group.ranges)
        if flags.contains(.foldCase) { ranges = RuneSet.folded(ranges) }
        return group.negated ? RuneSet.negate(ranges) : ranges
    }

    /// `\pL`, `\PL`, `\p{Name}`, `\p{^Name}` at `i`: the class's ranges and the index after it.
    func parseUnicodeClass(_ i: Int) throws(RegexSyntaxError) -> ([Rune], Int) {
        let n = p.count
        var negated = p[i + 1] == "P"
        var name: String
        var next: Int
        if i + 2 < n && p[i + 2] == "{" {
            guard let close = ((i + 3)..<n).first(where: { p[$0] == "}" }) else {
                throw error(.invalidCharRange, i, n)
            }
            name = text(i + 3, close)
            next = close + 1
        } else {
            next = min(i + 3, n)
            name = text(i + 2, next)
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let (table, foldable) = NamedClasses.unicode(name) else { throw error(.invalidCharRange, i, next) }
        var ranges = table
        if flags.contains(.foldCase) && foldable { ranges = RuneSet.folded(ranges) }
        return (negated ? RuneSet.negate(ranges) : ranges, next)
    }

    /// One escaped rune at `i` (a backslash): `\n`-style C escapes, octal `\123`, hex `\x7F` and
    /// `\x{10FFFF}`, or an escaped ASCII punctuation character. Returns the rune and the index after it.
    func parseEscape(_ i: Int) throws(RegexSyntaxError) -> (Rune, Int) {
        let n = p.count
        var t = i + 1
        guard t < n else { throw RegexSyntaxError(code: .trailingBackslash, expr: "") }
        let c = p[t]
        t += 1
        func isOctal(_ k: Int) -> Bool { k < n && p[k] >= "0" && p[k] <= "7" }
        switch c {
        case "0"..."7" where c == "0" || isOctal(t):
            // `\0`, or `\1`–`\7` followed by another octal digit (a lone `\1` would be a
            // back-reference, which RE2 lacks); up to three digits in all.
            var r = Rune(c.value - 48)
            for _ in 0..<2 where isOctal(t) {
                r = r * 8 + Rune(p[t].value - 48)
                t += 1
            }
            return (r, t)
        case "x":
            guard t < n else { break }
            let c2 = p[t]
            t += 1
            if c2 == "{" {
                var digits = 0
                var r: Rune = 0
                while true {
                    guard t < n else { throw error(.invalidEscape, i, t) }
                    let d = p[t]
                    t += 1
                    if d == "}" { break }
                    let v = Parser.unhex(d)
                    if v < 0 { throw error(.invalidEscape, i, t) }
                    r = r * 16 + v
                    if r > maxRune { throw error(.invalidEscape, i, t) }
                    digits += 1
                }
                if digits == 0 { throw error(.invalidEscape, i, t) }
                return (r, t)
            }
            let x = Parser.unhex(c2)
            var y: Rune = -1
            if t < n {
                y = Parser.unhex(p[t])
                t += 1
            }
            if x < 0 || y < 0 { break }
            return (x * 16 + y, t)
        case "a": return (7, t)
        case "f": return (12, t)
        case "n": return (10, t)
        case "r": return (13, t)
        case "t": return (9, t)
        case "v": return (11, t)
        default:
            if c.isASCII && !Parser.isAlnum(c) { return (Rune(c.value), t) }
        }
        throw error(.invalidEscape, i, t)
    }

    /// `(?` at `i`: a named group `(?P<name>` / `(?<name>`, or flags `(?i-s)` / `(?i:`. Returns
    /// where parsing continues.
    mutating func parsePerlFlags(_ i: Int) throws(RegexSyntaxError) -> Int {
        let n = p.count
        let startsWithP = n - i > 4 && p[i + 2] == "P" && p[i + 3] == "<"
        let startsWithName = n - i > 3 && p[i + 2] == "<"
        if startsWithP || startsWithName {
            let nameStart = i + (startsWithP ? 4 : 3)
            guard let end = (i..<n).first(where: { p[$0] == ">" }) else { throw error(.invalidNamedCapture, i, n) }
            let name = text(nameStart, end)
            if name.isEmpty || !name.unicodeScalars.allSatisfy({ $0 == "_" || Parser.isAlnum($0) }) {
                throw error(.invalidNamedCapture, i, end + 1)
            }
            try openGroup(name: name)
            return end + 1
        }
        var t = i + 2
        var newFlags = flags
        var negated = false
        var sawFlag = false
        loop: while t < n {
            let c = p[t]
            t += 1
            let flag: ParseFlags
            switch c {
            case "i": flag = .foldCase
            case "s": flag = .dotNL
            case "U": flag = .nonGreedy
            case "m":
                // `m` clears one-line mode; `-m` sets it.
                if negated { newFlags.insert(.oneLine) } else { newFlags.remove(.oneLine) }
                sawFlag = true
                continue
            case "-":
                if negated { break loop }
                negated = true
                sawFlag = false
                continue
            case ":", ")":
                if negated && !sawFlag { break loop }
                if c == ":" {
                    // A non-capturing group adds no node: it does not count toward the nesting limit.
                    stack.append(.leftParen(capture: 0, name: nil, flags: flags))
                }
                flags = newFlags
                return t
            default:
                break loop
            }
            if negated { newFlags.remove(flag) } else { newFlags.insert(flag) }
            sawFlag = true
        }
        throw error(.invalidPerlOp, i, t)
    }

    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        (c >= "0" && c <= "9") || (c >= "A" && c <= "Z") || (c >= "a" && c <= "z")
    }

    static func unhex(_ c: Unicode.Scalar) -> Rune {
        switch c {
        case "0"..."9": Rune(c.value - 48)
        case "a"..."f": Rune(c.value - 87)
        case "A"..."F": Rune(c.value - 55)
        default: -1
        }
    }
}
