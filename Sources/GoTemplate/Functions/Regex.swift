import YAMLCore

/// Sprig's regular-expression functions over the standard library's `Regex`, matched Unicode
/// scalar by Unicode scalar (Go's runes), with Go's match iteration, `Split` and `$1`/`${name}`
/// replacement semantics.
enum RegexFunctions {
    static let table: [String: FunctionBody] = [
        "regexMatch": { a in
            let args = Arguments("regexMatch", a)
            try args.expect(2)
            guard let re = try? GoRegex(try args.string(0)) else { return .bool(false) }
            return .bool(re.firstMatch(try args.string(1)) != nil)
        },
        "mustRegexMatch": { a in
            let args = Arguments("mustRegexMatch", a)
            try args.expect(2)
            return .bool(try GoRegex(try args.string(0), for: "mustRegexMatch").firstMatch(try args.string(1)) != nil)
        },
        "regexFind": { a in try find(a, "regexFind") },
        "mustRegexFind": { a in try find(a, "mustRegexFind") },
        "regexFindAll": { a in try findAll(a, "regexFindAll") },
        "mustRegexFindAll": { a in try findAll(a, "mustRegexFindAll") },
        "regexReplaceAll": { a in try replace(a, "regexReplaceAll", literal: false) },
        "mustRegexReplaceAll": { a in try replace(a, "mustRegexReplaceAll", literal: false) },
        "regexReplaceAllLiteral": { a in try replace(a, "regexReplaceAllLiteral", literal: true) },
        "mustRegexReplaceAllLiteral": { a in try replace(a, "mustRegexReplaceAllLiteral", literal: true) },
        "regexSplit": { a in try split(a, "regexSplit") },
        "mustRegexSplit": { a in try split(a, "mustRegexSplit") },
        "regexQuoteMeta": { a in try StringFunctions.unary(a, "regexQuoteMeta", GoRegex.quoteMeta) },
    ]

    static func find(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(2)
        let re = try GoRegex(try args.string(0), for: name)
        let s = try args.string(1)
        guard let m = re.firstMatch(s) else { return .string("") }
        return .string(String(s[m.range]))
    }

    static func findAll(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try GoRegex(try args.string(0), for: name)
        let s = try args.string(1)
        let n = try args.int(2)
        if n == 0 { return .nilList }  // Go's nil slice, as for no match at all
        var matches = re.allMatches(s)
        if matches.isEmpty { return .nilList }
        if n > 0 && matches.count > n { matches = Array(matches[..<n]) }
        return .list(matches.map { .string(String(s[$0.range])) })
    }

    static func replace(_ a: [Value], _ name: String, literal: Bool) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try GoRegex(try args.string(0), for: name)
        let s = try args.string(1)
        let template = try args.string(2)
        var out = ""
        var last = s.startIndex
        for m in re.allMatches(s) {
            out += s[last..<m.range.lowerBound]
            out += literal ? template : re.expand(template, match: m, in: s)
            last = m.range.upperBound
        }
        out += s[last...]
        return .string(out)
    }

    /// Go's `Regexp.Split(s, n)`.
    static func split(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let pattern = try args.string(0)
        let re = try GoRegex(pattern, for: name)
        let s = try args.string(1)
        let n = try args.int(2)
        if n == 0 { return .nilList }  // Go's nil slice
        if !pattern.isEmpty && s.isEmpty { return .list([.string("")]) }
        var parts: [Value] = []
        var begin = s.startIndex, end = s.startIndex
        var matches = re.allMatches(s)
        if n > 0 && matches.count > n { matches = Array(matches[..<n]) }
        for m in matches {
            if n > 0 && parts.count == n - 1 { break }
            end = m.range.lowerBound
            if m.range.upperBound != s.startIndex {
                parts.append(.string(String(s[begin..<end])))
            }
            begin = m.range.upperBound
        }
        if end != s.endIndex { parts.append(.string(String(s[begin...]))) }
        return .list(parts)
    }
}

/// A compiled Go (RE2) pattern run by the standard library's `Regex`, Unicode scalar by Unicode
/// scalar: `(?P<name>` becomes `(?<name>`, `\d \w \s` are ASCII as in Go, and `$` outside
/// multi-line mode means end of text, as in Go.
struct GoRegex: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
    let groupNames: [String]

    /// One match: its range and the ranges of its groups (nil for a group that did not take part).
    struct Match {
        let range: Range<String.Index>
        let groups: [Range<String.Index>?]
    }

    /// Compiled patterns by source text: templates call the same pattern once per loop iteration.
    private static let cache = RegexCache()

    /// `pattern` compiled for the function `function`: the `must…` functions report a bad pattern as
    /// Go's `regexp.Compile` error, the others as the panic of `regexp.MustCompile`, as Sprig does.
    init(_ pattern: String, for function: String = "regexMatch") throws {
        if let cached = GoRegex.cache[pattern] {
            self = cached
            return
        }
        do throws(PatternProblem) {
            try self.init(compiling: pattern)
        } catch {
            let message = "error parsing regexp: \(error.text)"
            throw callFailure(function.hasPrefix("must") ? message : "regexp: Compile(`\(pattern)`): \(message)")
        }
        GoRegex.cache[pattern] = self
    }

    /// What is wrong with a pattern, in Go's words.
    private struct PatternProblem: Error {
        let text: String
    }

    private init(compiling pattern: String) throws(PatternProblem) {
        let (translated, names) = pattern.isEmpty ? ("(?:)", []) : GoRegex.translate(pattern)
        if let problem = GoRegex.syntaxProblem(pattern) { throw PatternProblem(text: problem) }
        do {
            regex = try Regex(translated).matchingSemantics(.unicodeScalar)
        } catch {
            throw PatternProblem(text: "invalid pattern: `\(pattern)`")
        }
        groupNames = names
    }

    func firstMatch(_ s: String) -> Match? {
        (try? regex.firstMatch(in: s)).flatMap { $0.map(GoRegex.match) }
    }

    /// Every match, dropping empty matches that abut the previous match (Go's rule).
    func allMatches(_ s: String) -> [Match] {
        var out: [Match] = []
        var previousEnd: String.Index?
        for m in s.matches(of: regex) {
            if m.range.isEmpty && m.range.lowerBound == previousEnd { continue }
            out.append(GoRegex.match(m))
            previousEnd = m.range.upperBound
        }
        return out
    }

    private static func match(_ m: Regex<AnyRegexOutput>.Match) -> Match {
        Match(range: m.range, groups: m.output.map(\.range))
    }

    /// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to nothing.
    func expand(_ template: String, match: Match, in s: String) -> String {
        var out = ""
        let t = Array(template.unicodeScalars)
        var i = 0
        func group(_ name: String) -> String {
            var index: Int?
            if let n = Int(name), name.allSatisfy({ $0.isASCII && $0.isNumber }) { index = n } else if let at = groupNames.firstIndex(of: name) {
                index = at + 1
            }
            guard let idx = index, idx < match.groups.count, let r = match.groups[idx] else { return "" }
            return String(s[r])
        }
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c == "_" || (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)))
        }
        while i < t.count {
            let c = t[i]
            guard c == "$", i + 1 < t.count else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            let next = t[i + 1]
            if next == "$" {
                out += "$"
                i += 2
            } else if next == "{" {
                var j = i + 2
                while j < t.count && isNameChar(t[j]) { j += 1 }
                if j < t.count && t[j] == "}" && j > i + 2 {
                    out += group(String(String.UnicodeScalarView(t[(i + 2)..<j])))
                    i = j + 1
                } else {
                    out += "$"
                    i += 1
                }
            } else {
                var j = i + 1
                while j < t.count && isNameChar(t[j]) { j += 1 }
                if j > i + 1 {
                    out += group(String(String.UnicodeScalarView(t[(i + 1)..<j])))
                    i = j
                } else {
                    out += "$"
                    i += 1
                }
            }
        }
        return out
    }

    /// Go pattern → the standard library's regex syntax, and the names of the capture groups in order.
    static func translate(_ pattern: String) -> (String, [String]) {
        let p = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var names: [String] = []
        let multiline = GoRegex.setsFlag("m", p)
        let dotAll = GoRegex.setsFlag("s", p)
        var i = 0
        var inClass = false
        while i < p.count {
            let c = p[i]
            if c == "\\" && i + 1 < p.count && p[i + 1] == "Q" {
                // `\Q…\E` quotes its text: each character becomes a literal of its own (a
                // repetition after `\E` applies to the last one, as in Go).
                var j = i + 2
                while j < p.count && !(p[j] == "\\" && j + 1 < p.count && p[j + 1] == "E") { j += 1 }
                for q in p[(i + 2)..<j] {
                    if q.isASCII && q.properties.isPatternSyntax { out.append("\\") }
                    out.append(q)
                }
                i = j + 2
                continue
            }
            if c == "\\" && i + 2 < p.count && ["p", "P", "x"].contains(p[i + 1]) && p[i + 2] == "{" {
                // `\p{Greek}`, `\x{65}`: copied through their closing brace.
                var j = i + 3
                while j < p.count && p[j] != "}" { j += 1 }
                out.append(contentsOf: p[i..<min(j + 1, p.count)])
                i = j + 1
                continue
            }
            if c == "\\" && i + 2 < p.count && (p[i + 1] == "p" || p[i + 1] == "P") && p[i + 2] != "{" {
                // Go's one-letter form `\pL` is `\p{L}`.
                out.append(c); out.append(p[i + 1]); out.append("{"); out.append(p[i + 2]); out.append("}")
                i += 3
                continue
            }
            if c == "\\" && i + 1 < p.count, let (value, length) = GoRegex.octalEscape(p, at: i) {
                // Go's octal escapes (`\0`, `\12`, `\101`); the standard library reads `\12` as a
                // back-reference.
                out.append(contentsOf: "\\x{\(String(value, radix: 16))}".unicodeScalars)
                i += length
                continue
            }
            if c == "\\" && i + 1 < p.count {
                // Go's Perl classes are ASCII-only; the standard library's are Unicode.
                if let ascii = GoRegex.asciiClasses[p[i + 1]] {
                    out.append(contentsOf: (inClass ? ascii.inside : ascii.outside).unicodeScalars)
                } else {
                    out.append(c); out.append(p[i + 1])
                }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c)
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c)
                // A leading `]` (or `^]`) is a literal inside the class.
                if i + 1 < p.count && p[i + 1] == "^" { out.append(p[i + 1]); i += 1 }
                if i + 1 < p.count && p[i + 1] == "]" { out.append(p[i + 1]); i += 1 }
                i += 1
            case "(":
                if i + 2 < p.count && p[i + 1] == "?" && (p[i + 2] == "P" || p[i + 2] == "<") {
                    let nameStart = p[i + 2] == "P" ? i + 4 : i + 3
                    var j = nameStart
                    while j < p.count && p[j] != ">" { j += 1 }
                    names.append(String(String.UnicodeScalarView(p[min(nameStart, p.count)..<min(j, p.count)])))
                    out.append("(")  // a plain group: names are resolved here, by index
                    i = j + 1
                } else {
                    if !(i + 1 < p.count && p[i + 1] == "?") { names.append("") }
                    out.append(c)
                    i += 1
                }
            case "." where !dotAll:
                // Go's `.` stops at `\n` only; the standard library's at every line break.
                out.append(contentsOf: "[^\\n]".unicodeScalars)
                i += 1
            case "$":
                // Go's `$` is the end of the text, or in multi-line mode also a position before `\n`
                // (no other line break).
                out.append(contentsOf: (multiline ? "(?:(?=\\n)|\\z)" : "\\z").unicodeScalars)
                i += 1
            case "{" where !GoRegex.isRepeatCount(p, at: i):
                // Go reads a `{` that does not start `{n}`, `{n,}` or `{n,m}` as a literal.
                out.append(contentsOf: "\\{".unicodeScalars)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return (String(out), names)
    }

    /// Go's messages for the syntax errors the standard library would word differently or accept:
    /// unbalanced groups and classes (`missing closing ): `(``, `unexpected ): `a)``, `missing
    /// closing ]: `[a``), Perl groups RE2 lacks (`(?=`, `(?!`, `(?>`, look-behind), back-references
    /// (`invalid escape sequence: `\1``) and repetitions of repetitions (`**`, `+*?`), and a
    /// repetition with nothing to repeat.
    static func syntaxProblem(_ pattern: String) -> String? {
        let p = Array(pattern.unicodeScalars)
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(p[r])) }
        var depth = 0
        var i = 0
        // Where the last repetition operator started (while it is the last thing read), and whether
        // anything that can be repeated precedes the current position.
        var repeatStart: Int?
        var hasOperand = false
        while i < p.count {
            let c = p[i]
            var isRepeat = false
            var next = i + 1
            switch c {
            case "\\":
                if i + 1 < p.count {
                    let e = p[i + 1]
                    let octalFollows = i + 2 < p.count && ("0"..."7").contains(p[i + 2])
                    if ("8"..."9").contains(e) || (("1"..."7").contains(e) && !octalFollows) {
                        return "invalid escape sequence: `\(text(i..<(i + 2)))`"
                    }
                    if e == "Q" {
                        var j = i + 2
                        while j < p.count && !(p[j] == "\\" && j + 1 < p.count && p[j + 1] == "E") { j += 1 }
                        next = min(j + 2, p.count)
                    } else {
                        next = i + 2
                    }
                }
                hasOperand = true
            case "[":
                let start = i
                var j = i + 1
                if j < p.count && p[j] == "^" { j += 1 }
                if j < p.count && p[j] == "]" { j += 1 }
                while j < p.count && p[j] != "]" {
                    if p[j] == "\\" { j += 1 } else if p[j] == "[", j + 1 < p.count, p[j + 1] == ":" {
                        if let close = (j + 2..<p.count).first(where: { p[$0] == "]" }) { j = close }
                    }
                    j += 1
                }
                if j >= p.count { return "missing closing ]: `\(text(start..<p.count))`" }
                next = j + 1
                hasOperand = true
            case "(":
                if i + 2 < p.count && p[i + 1] == "?" {
                    let kind = p[i + 2]
                    if kind == "=" || kind == "!" || kind == ">" { return "invalid or unsupported Perl syntax: `\(text(i..<(i + 3)))`" }
                    if kind == "<" || (kind == "P" && i + 3 < p.count && p[i + 3] == "<") {
                        guard let close = (i..<p.count).first(where: { p[$0] == ">" }) else {
                            return "invalid named capture: `\(text(i..<p.count))`"
                        }
                        let name = p[(kind == "P" ? i + 4 : i + 3)..<close]
                        if name.isEmpty || !name.allSatisfy({ $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }) {
                            return "invalid named capture: `\(text(i..<(close + 1)))`"
                        }
                        next = close + 1
                    } else {
                        // Flags follow: `(?i)`, `(?s:`, `(?U-i)`.
                        let end = flagGroupEnd(p, at: i)
                        if !end.valid { return "invalid or unsupported Perl syntax: `\(text(i..<end.index))`" }
                        if p[end.index - 1] == ")" {
                            // `(?i)` sets flags and opens no group.
                            repeatStart = nil
                            i = end.index
                            continue
                        }
                        next = end.index
                    }
                } else if i + 1 < p.count && p[i + 1] == "?" {
                    return "invalid or unsupported Perl syntax: `(?`"
                }
                depth += 1
                hasOperand = false
            case ")":
                if depth == 0 { return "unexpected ): `\(pattern)`" }
                depth -= 1
                hasOperand = true
            case "|":
                hasOperand = false
            case "*", "+", "?":
                isRepeat = true
            case "{" where isRepeatCount(p, at: i):
                isRepeat = true
                next = (i..<p.count).first(where: { p[$0] == "}" })! + 1
            default:
                hasOperand = true
            }
            if isRepeat {
                // A lazy marker belongs to the operator.
                let end = next < p.count && p[next] == "?" ? next + 1 : next
                if let start = repeatStart {
                    return "invalid nested repetition operator: `\(text(start..<end))`"
                }
                if !hasOperand { return "missing argument to repetition operator: `\(text(i..<next))`" }
                next = end
                repeatStart = i
            } else {
                repeatStart = nil
            }
            i = next
        }
        return depth > 0 ? "missing closing ): `\(pattern)`" : nil
    }

    /// Where the flag group at `p[start]` (`(?` then flags) ends, as Go reads it: just after its `:`
    /// or `)` when valid (flags `i m s U`, one `-` followed by at least one flag), else just after the
    /// character that made it invalid (the end of Go's error text).
    static func flagGroupEnd(_ p: [Unicode.Scalar], at start: Int) -> (index: Int, valid: Bool) {
        var negated = false
        var flagSinceSign = false
        var j = start + 2
        while j < p.count {
            let c = p[j]
            j += 1
            switch c {
            case "i", "m", "s", "U":
                flagSinceSign = true
            case "-":
                if negated { return (j, false) }
                negated = true
                flagSinceSign = false
            case ":", ")":
                if negated && !flagSinceSign { return (j, false) }
                return (j, true)
            default:
                return (j, false)
            }
        }
        return (p.count, false)
    }

    /// The value and length of Go's octal escape at `p[start]` (a backslash): `\0` followed by up to
    /// two octal digits, or `\1`–`\7` followed by one or two (a lone `\1` is not one).
    static func octalEscape(_ p: [Unicode.Scalar], at start: Int) -> (UInt32, Int)? {
        func octal(_ k: Int) -> UInt32? {
            k < p.count && ("0"..."7").contains(p[k]) ? p[k].value - 48 : nil
        }
        guard let first = octal(start + 1) else { return nil }
        if first != 0 && octal(start + 2) == nil { return nil }
        var value = first
        var k = start + 2
        while k < start + 4, let digit = octal(k) {
            value = value * 8 + digit
            k += 1
        }
        return (value, k - start)
    }

    /// Whether `p[at...]` starts a repetition count: `{n}`, `{n,}` or `{n,m}`.
    static func isRepeatCount(_ p: [Unicode.Scalar], at start: Int) -> Bool {
        var i = start + 1
        func digits() -> Bool {
            let from = i
            while i < p.count, ("0"..."9").contains(p[i]) { i += 1 }
            return i > from
        }
        guard digits() else { return false }
        if i < p.count && p[i] == "," {
            i += 1
            _ = digits()
        }
        return i < p.count && p[i] == "}"
    }

    /// Whether a flag group (`(?m)`, `(?im:`, …) turns on `flag` anywhere in the pattern.
    static func setsFlag(_ flag: Unicode.Scalar, _ p: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i + 2 < p.count {
            if p[i] == "\\" {
                i += 2
                continue
            }
            if p[i] == "(" && p[i + 1] == "?" {
                var j = i + 2
                while j < p.count, p[j].properties.isAlphabetic, p[j].isASCII {
                    if p[j] == flag { return true }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }

    /// `\d \w \s` and their negations as Go defines them (ASCII), outside and inside a class.
    static let asciiClasses: [Unicode.Scalar: (outside: String, inside: String)] = [
        "d": ("[0-9]", "0-9"),
        "w": ("[0-9A-Za-z_]", "0-9A-Za-z_"),
        "s": ("[\\t\\n\\f\\r ]", "\\t\\n\\f\\r "),
        "D": ("[^0-9]", "\\x{0}-/:-\\x{10FFFF}"),
        "W": ("[^0-9A-Za-z_]", "\\x{0}-/:-@\\[-^`{-\\x{10FFFF}"),
        "S": ("[^\\t\\n\\f\\r ]", "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}!-\\x{10FFFF}"),
    ]

    /// Go's `regexp.QuoteMeta`.
    static func quoteMeta(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}

/// A small thread-safe cache of compiled patterns; cleared when it grows past its bound.
final class RegexCache: @unchecked Sendable {
    private var entries: [String: GoRegex] = [:]
    private let lock = Lock()
    private let limit = 256

    subscript(pattern: String) -> GoRegex? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return entries[pattern]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[pattern] = newValue
        }
    }
}
