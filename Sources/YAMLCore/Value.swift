/// A dynamic value as Go code in Helm sees it: `interface{}` holding nil, bool, int64,
/// float64, string, `[]interface{}` or `map[string]interface{}`.
///
/// Maps are unordered, as Go's are; every writer sorts keys, so iteration order never
/// reaches output.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer (Go `int`/`int64`): from `--set`, arithmetic, `len`, ...
    case int(Int64)
    /// A float (Go `float64`): every number read from a YAML or JSON file in Helm.
    case float(Double)
    case string(String)
    case list([Value])
    case map([String: Value])
}

extension Value {
    /// Keys of a map in sorted (byte-wise) order; empty for other kinds.
    public var sortedKeys: [String] {
        guard case .map(let m) = self else { return [] }
        return m.keys.sorted(by: Value.goLess)
    }

    /// Go's string ordering: byte-wise comparison of UTF-8.
    public static func goLess(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension Node {
    /// The dynamic value of this node (marks dropped, mapping order dropped).
    public func toValue() -> Value {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .string(let s): return .string(s)
        case .sequence(let items): return .list(items.map { $0.toValue() })
        case .mapping(let m):
            var out = [String: Value](minimumCapacity: m.count)
            for (k, v) in m.entries { out[k] = v.toValue() }
            return .map(out)
        }
    }
}
