import GoValues

/// A `Value` usable as a dictionary key: equality is `Value` equality, and the hash ignores map
/// order (entries are combined commutatively), so identity maps cost O(size) per entry.
struct ValueKey: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: ValueKey, b: ValueKey) -> Bool { a.value == b.value }

    func hash(into hasher: inout Hasher) {
        Self.feed(value, into: &hasher)
    }

    private static func feed(_ v: Value, into hasher: inout Hasher) {
        switch v {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
        case .int(let i), .int64(let i): hasher.combine(2 as UInt8); hasher.combine(i)
        case .float(let f): hasher.combine(3 as UInt8); hasher.combine(f)
        case .string(let s): hasher.combine(4 as UInt8); hasher.combine(s)
        case .list(let items):
            hasher.combine(5 as UInt8)
            hasher.combine(items.count)
            for item in items { feed(item, into: &hasher) }
        case .nilList: hasher.combine(7 as UInt8)
        case .map(let m):
            hasher.combine(6 as UInt8)
            hasher.combine(m.count)
            var sum = 0
            for (k, item) in m {
                var entry = Hasher()
                entry.combine(k)
                feed(item, into: &entry)
                sum = sum &+ entry.finalize()
            }
            hasher.combine(sum)
        }
    }
}

extension Value {
    /// Whether this is a scalar (not a list or map).
    var isScalar: Bool {
        switch self {
        case .list, .map: return false
        default: return true
        }
    }

    var mapValue: [String: Value]? {
        if case .map(let m) = self { return m }
        return nil
    }
}
