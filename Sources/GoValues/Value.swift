#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A dynamic value as Go code in Helm sees it: `interface{}` holding nil, bool, int, int64,
/// float64, string, `[]interface{}` or `map[string]interface{}`.
///
/// Maps are unordered, as Go's are; every writer sorts keys, so iteration order never
/// reaches output.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A Go `int`: template number literals, `len`, `atoi`, `int`, range indexes, `until`, ...
    case int(Int64)
    /// A Go `int64`: `--set` integers, `int64`, sprig's integer arithmetic (`add`, `max`, ...).
    ///
    /// It prints, serialises and compares (`eq`, `lt`) like ``int``; only what sees Go types
    /// tells them apart: `typeOf`, `kindOf`, `%T`, and `reflect.DeepEqual` (`==` here, so
    /// `.int(1) != .int64(1)`, as `deepEqual`, `has`, `uniq`, `without` see them in Helm).
    case int64(Int64)
    /// A float (Go `float64`): every number read from a YAML or JSON file in Helm.
    case float(Double)
    case string(String)
    case list([Value])
    /// Go's nil `[]interface{}` (what sprig's `rest` of an empty list or `concat` of nothing
    /// return): a list with no elements in every respect but two: it serialises as `null`
    /// (`toJson`, `toYaml`), and `reflect.DeepEqual` (`==` here) tells it from an empty list.
    case nilList
    case map([String: Value])

    /// Go's `reflect.DeepEqual`: kinds and Go types alike (`.int(1) != .int64(1)`, nil list ≠ empty list), strings
    /// byte for byte (``ByteString/equal(_:_:)``), lists element by element, maps key by key.
    public static func == (a: Value, b: Value) -> Bool {
        // One switch per side (a switch over the pair would copy both values).
        switch a {
        case .null: if case .null = b { return true }
        case .nilList: if case .nilList = b { return true }
        case .bool(let x): if case .bool(let y) = b { return x == y }
        case .int(let x): if case .int(let y) = b { return x == y }
        case .int64(let x): if case .int64(let y) = b { return x == y }
        case .float(let x): if case .float(let y) = b { return x == y }
        case .string(let x): if case .string(let y) = b { return ByteString.equal(x, y) }
        case .list(let x): if case .list(let y) = b { return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 } }
        case .map(let x):
            guard case .map(let y) = b, x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], value == other else { return false }
            }
            return true
        }
        return false
    }
}

extension Array where Element == Value {
    /// Whether an element is `==` to `value` (Go's `reflect.DeepEqual`), the elements compared in place.
    @inlinable public func containsDeepEqual(_ value: Value) -> Bool {
        withUnsafeBufferPointer { elements in
            if case .string(let needle) = value {
                // The common case (a name in a list of names): strings compared without the general `==`.
                for i in elements.indices {
                    switch elements[i] {
                    case .string(let s): if ByteString.comparedInPlace(s, needle) ?? ByteString.equal(s, needle) { return true }
                    default: continue  // other kinds are never equal to a string
                    }
                }
                return false
            }
            for i in elements.indices where elements[i] == value { return true }
            return false
        }
    }
}

extension Value {
    /// The number of an integer of either Go width (`int`, `int64`); nil for other kinds.
    @inlinable public var integer: Int64? {
        switch self {
        case .int(let i), .int64(let i): return i
        default: return nil
        }
    }

    /// The elements of a list (none for a nil list); nil for other kinds.
    @inlinable public var listElements: [Value]? {
        switch self {
        case .list(let l): return l
        case .nilList: return []
        default: return nil
        }
    }

    /// Keys of a map in sorted (byte-wise) order; empty for other kinds.
    public var sortedKeys: [String] {
        guard case .map(let m) = self else { return [] }
        return m.keys.sorted(by: Value.goLess)
    }

    /// Go's string ordering: byte-wise comparison of UTF-8 (`memcmp` over the contiguous bytes).
    ///
    /// Strings holding stand-ins of bytes that are not UTF-8 (a 0xF4 byte in either) compare the
    /// bytes they stand for (``ByteString/less(_:_:)``).
    public static func goLess(_ a: String, _ b: String) -> Bool {
        // 1: less, 0: not less, nil: a stand-in may be involved.
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int? in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                if order != 0, memchr(x.baseAddress!, 0xF4, x.count) != nil || memchr(y.baseAddress!, 0xF4, y.count) != nil {
                    return nil
                }
                return (order != 0 ? order < 0 : x.count < y.count) ? 1 : 0
            }
        }
        if let compared, let inner = compared, let less = inner { return less == 1 }
        if ByteString.mayHoldBytes(a) || ByteString.mayHoldBytes(b) { return ByteString.less(a, b) }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension Value {
    /// The same value in storage of its own: every map, list and string too long to be stored inline is copied.
    /// A thread given it shares no reference count with threads using the original: counts of shared storage,
    /// changed by every core that reads it, cost far more than the copy when the reading is long.
    public var unshared: Value {
        switch self {
        case .string(let s): return .string(Value.unshared(s))
        case .list(let items): return .list(items.map(\.unshared))
        case .map(let m):
            var copy = [String: Value](minimumCapacity: m.count)
            for (key, value) in m { copy[Value.unshared(key)] = value.unshared }
            return .map(copy)
        default: return self
        }
    }

    /// `s` in storage of its own when it has any (small strings are stored inline).
    private static func unshared(_ s: String) -> String {
        s.utf8.count <= 15 ? s : String(decoding: Array(s.utf8), as: UTF8.self)
    }
}
