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

    /// Compiles `pattern`; nil when the engine rejects it.
    init?(_ pattern: String) {
        guard let regex = try? Regex(pattern) else { return nil }
        self.regex = regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters().asciiOnlyWhitespace()
        anchored = pattern.hasPrefix("^") && !pattern.contains("|")
    }

    /// Whether `text` contains a match.
    func matches(_ text: String) -> Bool {
        if anchored { return (try? regex.prefixMatch(in: text)) != nil }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
