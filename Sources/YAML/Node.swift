import OrderedCollections
import Diagnostics

/// A YAML node after scalar typing, with the position it came from.
///
/// Mapping keys are strings (as Helm sees them after its YAML → JSON step) and keep
/// their source order; every node and every key knows its `Mark`.
public struct Node: Sendable {
    /// The typed content of a node.
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int64)
        case float(Double)
        case string(String)
        case sequence([Node])
        /// Boxed, so that every node (each item of a long list included) is 32 bytes, not 48: a mapping's storage is
        /// twice a string's.
        indirect case mapping(Mapping)
    }

    public var kind: Kind
    /// Where the node starts; `nil` for nodes built in code.
    public var mark: Mark? {
        get { storedMark.isAbsent ? nil : storedMark }
        set { storedMark = newValue ?? .absent }
    }

    /// The mark, or ``Mark/absent`` (an optional would take a byte more, and 8 with alignment).
    private var storedMark: Mark

    public init(_ kind: Kind, mark: Mark? = nil) {
        self.kind = kind
        self.storedMark = mark ?? .absent
    }
}

/// An ordered YAML mapping with string keys and the marks of those keys.
public struct Mapping: Sendable {
    public var entries: OrderedDictionary<String, Node>
    /// Where each key was written (absent for keys added in code).
    public var keyMarks: [String: Mark]

    public init(entries: OrderedDictionary<String, Node> = [:], keyMarks: [String: Mark] = [:]) {
        self.entries = entries
        self.keyMarks = keyMarks
    }

    public subscript(key: String) -> Node? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    public var keys: OrderedSet<String> { entries.keys }
    public var count: Int { entries.count }
}

extension Node {
    public static var null: Node { Node(.null) }

    /// The mapping, if this node is one.
    public var mapping: Mapping? {
        if case .mapping(let m) = kind { return m }
        return nil
    }

    /// The sequence elements, if this node is one.
    public var sequence: [Node]? {
        if case .sequence(let s) = kind { return s }
        return nil
    }

    /// The string, if this node is a string scalar.
    public var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    /// Whether this node is a mapping (without copying it out, as `mapping != nil` does).
    public var isMapping: Bool {
        if case .mapping = kind { return true }
        return false
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// Short name of the node's type for error messages (`a map`, `a list`, `a string`, ...).
    public var typeDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .float: return "a number"
        case .string: return "a string"
        case .sequence: return "a list"
        case .mapping: return "a map"
        }
    }

    /// Looks up `key` when this node is a mapping.
    public subscript(key: String) -> Node? {
        // Straight into the payload: `mapping?[key]` would copy the mapping first.
        guard case .mapping(let m) = kind else { return nil }
        return m.entries[key]
    }
}
