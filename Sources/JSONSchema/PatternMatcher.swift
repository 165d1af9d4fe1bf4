import GoRegex

/// A compiled `pattern` / `patternProperties` regular expression: unanchored search, as JSON Schema specifies, with
/// Go's RE2 syntax and semantics (the engine Helm's validator uses): ASCII `\d`, `\w`, `\s`, no look-around or
/// back-references, time linear in the text.
struct PatternMatcher: Sendable {
    private let regex: GoRegexp

    /// Compiles `pattern`; nil when Go's `regexp` refuses it.
    init?(_ pattern: String) {
        guard let regex = try? GoRegexp(pattern) else { return nil }
        self.regex = regex
    }

    /// Whether `text` contains a match.
    func matches(_ text: String) -> Bool { regex.matches(text) }

    /// Why `pattern` is not a regular expression Go's `regexp` accepts, in its words; nil when it is one.
    static func syntaxProblem(_ pattern: String) -> String? {
        do {
            _ = try GoRegexp(pattern)
            return nil
        } catch {
            return error.description
        }
    }
}
