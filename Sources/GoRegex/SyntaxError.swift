/// A pattern the parser refuses, worded as Go's `regexp.Compile` words it:
/// `error parsing regexp: <code>: `<expr>``.
public struct RegexSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, one of Go's fixed phrases.
    public enum Code: String, Sendable {
        case invalidCharClass = "invalid character class"
        case invalidCharRange = "invalid character class range"
        case invalidEscape = "invalid escape sequence"
        case invalidNamedCapture = "invalid named capture"
        case invalidPerlOp = "invalid or unsupported Perl syntax"
        case invalidRepeatOp = "invalid nested repetition operator"
        case invalidRepeatSize = "invalid repeat count"
        case missingBracket = "missing closing ]"
        case missingParen = "missing closing )"
        case missingRepeatArgument = "missing argument to repetition operator"
        case trailingBackslash = "trailing backslash at end of expression"
        case unexpectedParen = "unexpected )"
        case nestingDepth = "expression nests too deeply"
        case large = "expression too large"
    }

    /// The kind of problem.
    public let code: Code
    /// The part of the pattern the problem is about (the whole pattern for some codes).
    public let expr: String

    /// Go's `Error()` text: `error parsing regexp: <code>: `<expr>``.
    public var description: String { "error parsing regexp: \(code.rawValue): `\(expr)`" }
}
