import Foundation
import YAMLCore

/// Sprig's regular-expression functions over Foundation's `NSRegularExpression`, with Go's
/// match iteration, `Split` and `$1`/`${name}` replacement semantics.
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
            return .bool(try GoRegex(try args.string(0)).firstMatch(try args.string(1)) != nil)
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
        let re = try GoRegex(try args.string(0))
        let s = try args.string(1)
        guard let m = re.firstMatch(s) else { return .string("") }
        return .string(re.text(s, m.range))
    }

    static func findAll(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try GoRegex(try args.string(0))
        let s = try args.string(1)
        let n = try args.int(2)
        if n == 0 { return .list([]) }
        var matches = re.allMatches(s)
        if n > 0 && matches.count > n { matches = Array(matches[..<n]) }
        return .list(matches.map { .string(re.text(s, $0.range)) })
    }

    static func replace(_ a: [Value], _ name: String, literal: Bool) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try GoRegex(try args.string(0))
        let s = try args.string(1)
        let template = try args.string(2)
        let ns = s as NSString
        var out = ""
        var last = 0
        for m in re.allMatches(s) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += literal ? template : re.expand(template, match: m, in: ns)
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return .string(out)
    }

    /// Go's `Regexp.Split(s, n)`.
    static func split(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let pattern = try args.string(0)
        let re = try GoRegex(pattern)
        let s = try args.string(1)
        let n = try args.int(2)
        if n == 0 { return .list([]) }
        if !pattern.isEmpty && s.isEmpty { return .list([.string("")]) }
        let ns = s as NSString
        var parts: [Value] = []
        var begin = 0, end = 0
        var matches = re.allMatches(s)
        if n > 0 && matches.count > n { matches = Array(matches[..<n]) }
        for m in matches {
            if n > 0 && parts.count == n - 1 { break }
            end = m.range.location
            if m.range.location + m.range.length != 0 {
                parts.append(.string(ns.substring(with: NSRange(location: begin, length: end - begin))))
            }
            begin = m.range.location + m.range.length
        }
        if end != ns.length { parts.append(.string(ns.substring(from: begin))) }
        return .list(parts)
    }
}

/// A compiled Go (RE2) pattern run by ICU: `(?P<name>` becomes `(?<name>`, and `$` outside
/// multi-line mode means end of text, as in Go.
struct GoRegex {
    let regex: NSRegularExpression
    let groupNames: [String]

    /// Compiled patterns by source text: templates call the same pattern once per loop iteration.
    private static let cache = RegexCache()

    init(_ pattern: String) throws {
        if let cached = GoRegex.cache[pattern] {
            self = cached
            return
        }
        try self.init(compiling: pattern)
        GoRegex.cache[pattern] = self
    }

    private init(compiling pattern: String) throws {
        let (translated, names) = pattern.isEmpty ? ("(?:)", []) : GoRegex.translate(pattern)
        if let problem = GoRegex.bracketProblem(pattern) {
            throw callFailure("regexp: Compile(`\(pattern)`): error parsing regexp: \(problem)")
        }
        do {
            regex = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw callFailure("regexp: Compile(`\(pattern)`): error parsing regexp: invalid pattern: `\(pattern)`")
        }
        groupNames = names
    }

    func firstMatch(_ s: String) -> NSTextCheckingResult? {
        let ns = s as NSString
        return regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length))
    }

    /// Every match, dropping empty matches that abut the previous match (Go's rule).
    func allMatches(_ s: String) -> [NSTextCheckingResult] {
        let ns = s as NSString
        var out: [NSTextCheckingResult] = []
        var previousEnd = -1
        for m in regex.matches(in: s, options: [], range: NSRange(location: 0, length: ns.length)) {
            if m.range.length == 0 && m.range.location == previousEnd { continue }
            out.append(m)
            previousEnd = m.range.location + m.range.length
        }
        return out
    }

    func text(_ s: String, _ range: NSRange) -> String {
        (s as NSString).substring(with: range)
    }

    /// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to nothing.
    func expand(_ template: String, match: NSTextCheckingResult, in ns: NSString) -> String {
        var out = ""
        let t = Array(template.unicodeScalars)
        var i = 0
        func group(_ name: String) -> String {
            var index: Int?
            if let n = Int(name), name.allSatisfy({ $0.isASCII && $0.isNumber }) { index = n } else if let at = groupNames.firstIndex(of: name) {
                index = at + 1
            }
            guard let idx = index, idx < match.numberOfRanges else { return "" }
            let r = match.range(at: idx)
            return r.location == NSNotFound ? "" : ns.substring(with: r)
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

    /// Go pattern → ICU pattern, and the names of the capture groups in order.
    static func translate(_ pattern: String) -> (String, [String]) {
        let p = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var names: [String] = []
        let multiline = pattern.contains("(?m") || pattern.range(of: #"\(\?[a-zA-Z]*m"#, options: .regularExpression) != nil
        var i = 0
        var inClass = false
        while i < p.count {
            let c = p[i]
            if c == "\\" && i + 1 < p.count {
                // Go's Perl classes are ASCII-only; ICU's are Unicode.
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
                    out.append(contentsOf: "(?<".unicodeScalars)
                    i = nameStart
                } else {
                    if !(i + 1 < p.count && p[i + 1] == "?") { names.append("") }
                    out.append(c)
                    i += 1
                }
            case "$" where !multiline:
                out.append(contentsOf: "\\z".unicodeScalars)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return (String(out), names)
    }

    /// Go's messages for unbalanced groups and classes (`missing closing ): `(``, `unexpected ): `a)``,
    /// `missing closing ]: `[a``), found before ICU sees the pattern.
    static func bracketProblem(_ pattern: String) -> String? {
        let p = Array(pattern.unicodeScalars)
        var depth = 0
        var i = 0
        while i < p.count {
            switch p[i] {
            case "\\":
                i += 2
                continue
            case "[":
                let start = i
                i += 1
                if i < p.count && p[i] == "^" { i += 1 }
                if i < p.count && p[i] == "]" { i += 1 }
                while i < p.count && p[i] != "]" {
                    if p[i] == "\\" { i += 1 } else if p[i] == "[", i + 1 < p.count, p[i + 1] == ":" {
                        if let close = (i + 2..<p.count).first(where: { p[$0] == "]" }) { i = close }
                    }
                    i += 1
                }
                if i >= p.count { return "missing closing ]: `\(String(String.UnicodeScalarView(p[start...])))`" }
            case "(":
                depth += 1
            case ")":
                if depth == 0 { return "unexpected ): `\(pattern)`" }
                depth -= 1
            default:
                break
            }
            i += 1
        }
        return depth > 0 ? "missing closing ): `\(pattern)`" : nil
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
    private let lock = NSLock()
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
