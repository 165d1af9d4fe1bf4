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

    public init(_ reason: Reason, at mark: Mark) {
        self.reason = reason
        self.mark = mark
    }

    public var message: String {
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
