#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON document as a schema sees it: object members keep their written order, numbers keep
/// the text they were written with (so `1.50` displays as written) next to their exact decimal value.
///
/// Only numbers (the one large payload) are boxed: a string, array or object is held in place, so reading a
/// document allocates no box per value and a walk over one copies no box to reach a payload.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    indirect case number(JSONNumber)
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
        // Byte for byte, as Go compares strings (Swift's `==` equates canonically equivalent text).
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
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
/// (as Go's decoder does) and keeps the earlier position. Small objects are one array, searched
/// in order; larger ones also keep an index by key.
public struct JSONObject: Sendable, Equatable {
    /// Members in written order.
    public private(set) var members: [(key: String, value: JSON)] = []
    private var index: [String: Int]?
    private static let indexedFrom = 12
    /// Whether this object, or a value anywhere inside it, may have a member that changes a schema's scope or
    /// names it (`$schema`, `$id`, `id`, `$anchor`, `$dynamicAnchor`); false only where the reader saw none.
    var mayDeclareScope = true

    public init() {}

    /// An object of `written`, members in written order, as setting each in turn makes it (a later duplicate key
    /// replaces an earlier one at its position); where no key repeats, `written` is kept as it is.
    init(written: [(key: String, value: JSON)]) {
        if written.count < Self.indexedFrom {
            if !Self.hasRepeatedKey(written) {
                members = written
                return
            }
        } else {
            var map = [String: Int](minimumCapacity: written.count)
            var repeated = false
            for i in written.indices where map.updateValue(i, forKey: written[i].key) != nil {
                repeated = true
                break
            }
            if !repeated {
                members = written
                index = map
                return
            }
        }
        reserve(written.count)
        for (key, value) in written { self[key] = value }
    }

    /// Whether two of a few members have the same key (byte for byte).
    private static func hasRepeatedKey(_ written: [(key: String, value: JSON)]) -> Bool {
        for i in written.indices {
            for j in 0..<i where sameBytes(written[i].key, written[j].key) { return true }
        }
        return false
    }

    /// How many members the object has.
    public var count: Int { members.count }

    /// Keys in written order.
    public var keys: [String] { members.map(\.key) }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { Self.sameBytes($0.key, key) }
    }

    /// Whether two keys are the same bytes (`==` would take canonically equivalent keys as equal): one `memcmp`.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return compared.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// The member named `key` (compared byte for byte); setting nil removes it.
    public subscript(key: String) -> JSON? {
        get { position(of: key).map { members[$0].value } }
        set {
            mayDeclareScope = true
            if let i = position(of: key) {
                if let newValue {
                    members[i].value = newValue
                } else {
                    members.remove(at: i)
                    index = nil
                    if members.count >= Self.indexedFrom { reindex() }
                }
            } else if let newValue {
                members.append((key, newValue))
                if index != nil { index![key] = members.count - 1 } else if members.count >= Self.indexedFrom { reindex() }
            }
        }
    }

    mutating func reserve(_ n: Int) { members.reserveCapacity(n) }

    /// Appends a member whose key the object does not have yet (the caller knows keys are unique).
    mutating func appendNew(_ key: String, _ value: JSON) {
        mayDeclareScope = true
        members.append((key, value))
        if index != nil { index![key] = members.count - 1 } else if members.count >= Self.indexedFrom { reindex() }
    }

    private mutating func reindex() {
        var map = [String: Int](minimumCapacity: members.count)
        for (i, m) in members.enumerated() { map[m.key] = i }
        index = map
    }

    /// The same members in the same order.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
