/// A JSON document as a schema sees it: object members keep their written order, numbers keep
/// the text they were written with (so `1.50` displays as written) next to their exact decimal value.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    /// The members of an object; nil for other kinds.
    public var object: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The text of a string; nil for other kinds.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements of an array; nil for other kinds.
    public var array: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The value of a boolean; nil for other kinds.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The value of a number; nil for other kinds.
    public var number: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// JSON equality as JSON Schema defines it: numbers by value (`1` equals `1.0`), objects
    /// regardless of member order.
    public func isEqual(to other: JSON) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.compare(b) == 0
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.members {
                guard let theirs = b[key], value.isEqual(to: theirs) else { return false }
            }
            return true
        default: return false
        }
    }
}

/// The members of a JSON object in written order; a later duplicate key replaces an earlier one
/// (as Go's decoder does) and keeps the earlier position.
public struct JSONObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: JSON] = [:]

    public init() {}

    public var count: Int { keys.count }

    public subscript(key: String) -> JSON? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Members in written order.
    public var members: [(key: String, value: JSON)] { keys.map { ($0, values[$0]!) } }
}
