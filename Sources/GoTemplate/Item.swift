import YAMLCore

/// A value during execution. Go's maps (and slices) are references: `set $d "k" v` changes the map
/// every holder of `$d` sees, across variables and template calls. Plain `Value`s are values, so
/// maps and lists reached during execution become objects (`MapObject`, `ListObject`) with an
/// identity. Conversion is lazy: an object keeps its original `Value` storage and records only what
/// was reached or changed, so read-only data is never copied.
enum Item {
    case value(Value)
    case map(MapObject)
    case list(ListObject)

    static var null: Item { .value(.null) }

    var isNull: Bool {
        if case .value(.null) = self { return true }
        return false
    }

    /// The item as plain data (objects materialised; cached until the next mutation).
    var value: Value {
        switch self {
        case .value(let v): return v
        case .map(let m): return m.materialized
        case .list(let l): return l.materialized
        }
    }

    /// Scalars as they are; maps and lists as objects (so that they have an identity).
    func object(in heap: Heap) -> Item {
        switch self {
        case .value(.map(let m)): return .map(MapObject(m, heap: heap))
        case .value(.list(let l)): return .list(ListObject(l, heap: heap))
        default: return self
        }
    }

    var goTypeName: String {
        switch self {
        case .value(let v): return v.goTypeName
        case .map: return "map[string]interface {}"
        case .list: return "[]interface {}"
        }
    }
}

/// Execution-wide state of objects: a counter bumped by every mutation, which invalidates cached
/// materialisations.
final class Heap {
    var epoch = 0
}

/// A map with identity. `base` is the original storage; `reached` holds entries that were turned
/// into objects or set; `removed` keys deleted from `base`.
final class MapObject {
    private var base: [String: Value]
    private var reached: [String: Item] = [:]
    private var removed: Set<String> = []
    let heap: Heap
    private var cache: Value?
    private var cacheEpoch = -1

    init(_ base: [String: Value], heap: Heap) {
        self.base = base
        self.heap = heap
    }

    var count: Int {
        if reached.isEmpty && removed.isEmpty { return base.count }
        return keys.count
    }

    var isEmpty: Bool { count == 0 }

    /// The entry for `key` (nil when absent); a map or list entry becomes an object, kept here so it
    /// keeps its identity.
    subscript(key: String) -> Item? {
        if let r = reached[key] { return r }
        if removed.contains(key) { return nil }
        guard let v = base[key] else { return nil }
        switch v {
        case .map, .list:
            let o = Item.value(v).object(in: heap)
            reached[key] = o
            return o
        default:
            return .value(v)
        }
    }

    func set(_ key: String, _ item: Item) {
        reached[key] = item
        removed.remove(key)
        heap.epoch += 1
    }

    func remove(_ key: String) {
        reached.removeValue(forKey: key)
        if base[key] != nil { removed.insert(key) }
        heap.epoch += 1
    }

    /// Replaces every entry (the result of a mutating function computed on the materialised map).
    func replace(with entries: [String: Value]) {
        base = entries
        reached = [:]
        removed = []
        heap.epoch += 1
    }

    /// All keys, sorted as Go sorts map keys.
    var sortedKeys: [String] { keys.sorted(by: Value.goLess) }

    private var keys: Set<String> {
        var k = Set(base.keys)
        k.subtract(removed)
        k.formUnion(reached.keys)
        return k
    }

    var materialized: Value {
        if reached.isEmpty && removed.isEmpty { return .map(base) }
        if let cache, cacheEpoch == heap.epoch { return cache }
        var m = base
        for k in removed { m.removeValue(forKey: k) }
        for (k, item) in reached { m[k] = item.value }
        let v = Value.map(m)
        cache = v
        cacheEpoch = heap.epoch
        return v
    }
}

/// A list with identity (its map elements keep theirs).
final class ListObject {
    private let base: [Value]
    private var reached: [Int: Item] = [:]
    let heap: Heap
    private var cache: Value?
    private var cacheEpoch = -1

    init(_ base: [Value], heap: Heap) {
        self.base = base
        self.heap = heap
    }

    var count: Int { base.count }

    subscript(index: Int) -> Item {
        if let r = reached[index] { return r }
        let v = base[index]
        switch v {
        case .map, .list:
            let o = Item.value(v).object(in: heap)
            reached[index] = o
            return o
        default:
            return .value(v)
        }
    }

    var materialized: Value {
        if reached.isEmpty { return .list(base) }
        if let cache, cacheEpoch == heap.epoch { return cache }
        var l = base
        for (i, item) in reached { l[i] = item.value }
        let v = Value.list(l)
        cache = v
        cacheEpoch = heap.epoch
        return v
    }
}
