import Diagnostics

/// Everything that can go wrong while reading YAML.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// libyaml rejected the text (message from libyaml, e.g. "found character that cannot start any token").
        case syntax(String)
        case duplicateKey(String)
        case undefinedAlias(String)
        /// Aliases would expand to more nodes than allowed (billion laughs).
        case aliasExpansionLimit(Int)
        case depthLimit(Int)
        case sizeLimit(Int)
        case invalidMergeValue
        case invalidTaggedValue(tag: String, value: String)
        case invalidUTF8
        /// A mapping key Helm cannot turn into a string (null, a list, a map, a uint64).
        case unsupportedKey(String)
        /// `parse` was given a stream of several documents (use `parseAll`).
        case multipleDocuments(Int)
    }

    public var reason: Reason
    public var mark: Mark
    /// The line number go-yaml prints for this error (`yaml: line N: ...`), which is not always
    /// `mark.line`: go-yaml prints parser errors with libyaml's 0-based line and reader errors
    /// (bad UTF-8, control characters) with no line. `nil` means no line is printed.
    public var goLine: Int?
    /// libyaml's context for syntax errors (`while parsing a flow sequence`). Like go-yaml,
    /// `message` leaves it out; it is kept here for callers that want more detail.
    public var context: String?
    /// A hint of meshrender's, appended to `message` in parentheses (`tabs cannot indent YAML`).
    public var hint: String?

    public init(_ reason: Reason, at mark: Mark) {
        self.reason = reason
        self.mark = mark
        self.goLine = mark.line
    }

    public init(_ reason: Reason, at mark: Mark, goLine: Int?) {
        self.reason = reason
        self.mark = mark
        self.goLine = goLine
    }

    /// The error as Helm prints it from go-yaml (`yaml: line 2: mapping values are not allowed
    /// in this context`), e.g. for `fromYaml`'s `Error`.
    public var goDescription: String {
        "yaml: " + (goLine.map { "line \($0): " } ?? "") + baseMessage
    }

    /// The problem as go-yaml states it, with meshrender's hint if any.
    public var message: String {
        hint.map { baseMessage + " (\($0))" } ?? baseMessage
    }

    /// The problem as go-yaml states it.
    public var baseMessage: String {
        switch reason {
        case .syntax(let m): return m
        case .duplicateKey(let k): return "duplicate key \"\(k)\" in mapping"
        case .undefinedAlias(let a): return "unknown anchor \"\(a)\" referenced"
        case .aliasExpansionLimit(let n): return "aliases expand to more than \(n) nodes (alias bomb?)"
        case .depthLimit(let n): return "nesting deeper than \(n) levels"
        case .sizeLimit(let n): return "input larger than \(n) bytes"
        case .invalidMergeValue: return "merge key '<<' needs a map or a list of maps"
        case .invalidTaggedValue(let tag, let value): return "cannot decode \"\(value)\" as \(tag)"
        case .invalidUTF8: return "input is not valid UTF-8"
        case .multipleDocuments(let n): return "expected a single document, found \(n)"
        case .unsupportedKey(let what): return "unsupported map key: \(what) (keys must be strings, numbers or booleans)"
        }
    }

    /// `file:line:col: yaml: message`
    public var description: String { "\(mark): yaml: \(message)" }
}

extension YAMLError {
    /// The same error as an `InputError` (no values path).
    public var inputError: InputError { InputError("yaml: " + message, at: mark) }
}
