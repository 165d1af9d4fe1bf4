/// A compiled `pattern` / `patternProperties` regular expression: unanchored search, as JSON
/// Schema specifies; `\d`, `\w` and `\s` are ASCII classes, as in Go's RE2 (and ECMA 262).
///
/// This is the one place the validator touches a regex engine (today the standard library's
/// `Regex`, matching Unicode scalar by scalar); switching to another engine (a Go RE2 port, as
/// Helm's validator uses) means changing only ``init(_:)``.
struct PatternMatcher: @unchecked Sendable {
    private let regex: Regex<AnyRegexOutput>
    /// `^…` without alternation: only a match at the start can exist, so only that is tried.
    private let anchored: Bool

    /// Compiles `pattern`; nil when it is not RE2 syntax or the engine rejects it.
    init?(_ pattern: String) {
        guard PatternMatcher.syntaxProblem(pattern) == nil, let regex = try? Regex(pattern) else { return nil }
        self.regex = regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters().asciiOnlyWhitespace()
        anchored = pattern.hasPrefix("^") && !pattern.contains("|")
    }

    /// Whether `text` contains a match.
    func matches(_ text: String) -> Bool {
        if anchored { return (try? regex.prefixMatch(in: text)) != nil }
        return (try? regex.firstMatch(in: text)) != nil
    }

    /// Why `pattern` is not a regular expression Helm's validator (Go's RE2) accepts, worded as Go's
    /// `regexp` package words it; nil when it is one. Covers what RE2 refuses and the standard
    /// library's engine would take (look-around, back-references) and unbalanced parentheses.
    static func syntaxProblem(_ pattern: String) -> String? {
        let p = Array(pattern.unicodeScalars)
        var depth = 0
        var inClass = false
        var i = 0
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(p[r])) }
        while i < p.count {
            let c = p[i]
            if c == "\\" {
                if i + 1 < p.count, !inClass, ("1"..."9").contains(p[i + 1]) {
                    return "error parsing regexp: invalid escape sequence: `\(text(i..<(i + 2)))`"
                }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
                if i + 1 < p.count, p[i + 1] == "]" { i += 1 }
            } else if c == "(" {
                if i + 2 < p.count, p[i + 1] == "?", ["=", "!", "<"].contains(p[i + 2]),
                   !(p[i + 2] == "<" && i + 3 < p.count && !["=", "!"].contains(p[i + 3])) {
                    return "error parsing regexp: invalid or unsupported Perl syntax: `\(text(i..<(i + 3)))`"
                }
                depth += 1
            } else if c == ")" {
                if depth == 0 { return "error parsing regexp: unexpected ): `\(pattern)`" }
                depth -= 1
            }
            i += 1
        }
        if inClass { return "error parsing regexp: missing closing ]: `\(text((p.lastIndex(of: "[") ?? 0)..<p.count))`" }
        if depth > 0 { return "error parsing regexp: missing closing ): `\(pattern)`" }
        return nil
    }
}
