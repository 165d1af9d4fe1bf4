import GoValues

/// A value during execution. Go's maps (and slices) are references: `set $d "k" v` changes the map
/// every holder of `$d` sees, across variables and template calls. Plain `Value`s are values, so
/// maps and lists reached during execution become objects (`MapObject`, `ListObject`) with an
/// identity. Conversion is lazy: an object keeps its original `Value` storage and records only what
/// was reached or changed, so read-only data is never copied.
enum Item {
    case value(Value)
    case map(MapObject)
    case list(ListObject)
    /// A Go struct handed in by the caller (``GoStruct``); read-only.
    case structure(GoStruct)

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
        case .structure(let s): return s.jsonView
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

    /// The number of a Go `int` or `int64` (what Go's reflection calls the integer kinds).
    var integer: Int64? {
        if case .value(let v) = self { return v.integer }
        return nil
    }

    var goTypeName: String {
        switch self {
        case .value(let v): return v.goTypeName
        case .map: return "map[string]interface {}"
        case .list: return "[]interface {}"
        case .structure(let s): return s.typeName
        }
    }
}

/// The owner of an execution's holders: every object that another object points at as its holder
/// is kept alive until the execution (or session) ends, so those pointers need no reference
/// counting. Objects that hold nothing (a `dict` made for one `include`) are freed as usual.
final class Heap {
    fileprivate var objects: [ObjectNode] = []
    /// Set when materialising met an object inside itself (`set $d "self" $d`): the inner
    /// occurrence became an empty placeholder, and the caller decides what that means
    /// (see ``Executor/settleCycle(_:_:)``).
    var cycleFound = false
    /// Counts the files a session has executed so far under watch (see ``ExecutionSession``'s watched execution):
    /// each object notes the count when it is made (``ObjectNode/birth``).
    var epoch: UInt32 = 0
    /// Set when a map made before the current ``epoch`` changed: data an earlier file could see.
    var changedEarlierMap = false
}

/// What maps and lists with identity share: a cached materialisation, valid until the object or
/// anything reachable from it changes, and links to the objects holding it so a change can
/// invalidate their caches too. Invariant: a valid cache implies valid caches below it, so
/// invalidation stops at the first ancestor that is already invalid.
class ObjectNode {
    /// Holders of this object; the heap keeps them alive, so no reference counting is needed.
    /// Most objects have one holder, kept inline; others follow in `moreParents`.
    private var firstParent: Unmanaged<ObjectNode>?
    private var moreParents: [Unmanaged<ObjectNode>] = []
    /// Identities of `moreParents`, kept only once there are many (a linear scan checks few).
    private var parentIDs: Set<ObjectIdentifier> = []
    var cacheValid = false
    /// Whether the heap keeps this object alive (from the first time it is recorded as a holder).
    private var kept = false
    private unowned(unsafe) let owner: Heap
    /// The heap's ``Heap/epoch`` when the object was made; an object made from its holder's own storage is as old
    /// as its holder.
    var birth: UInt32

    init(heap: Heap) {
        owner = heap
        birth = heap.epoch
    }

    /// Notes a change to this object, for ``Heap/changedEarlierMap``.
    func noteChange() {
        if birth < owner.epoch { owner.changedEarlierMap = true }
    }

    /// Records that `parent` holds this object.
    func addParent(_ parent: ObjectNode) {
        if !parent.kept {
            parent.kept = true
            parent.owner.objects.append(parent)
        }
        guard let first = firstParent else {
            firstParent = Unmanaged.passUnretained(parent)
            return
        }
        if first.takeUnretainedValue() === parent { return }
        if let last = moreParents.last, last.takeUnretainedValue() === parent { return }
        if moreParents.count < 16 {
            for p in moreParents where p.takeUnretainedValue() === parent { return }
            moreParents.append(Unmanaged.passUnretained(parent))
            return
        }
        if parentIDs.isEmpty {
            parentIDs.reserveCapacity(moreParents.count * 2)
            for p in moreParents { parentIDs.insert(ObjectIdentifier(p.takeUnretainedValue())) }
        }
        if parentIDs.insert(ObjectIdentifier(parent)).inserted {
            moreParents.append(Unmanaged.passUnretained(parent))
        }
    }

    /// Calls `body` with every holder whose cache is valid.
    private func forEachValidParent(_ body: (ObjectNode) -> Void) {
        if let first = firstParent?.takeUnretainedValue(), first.cacheValid { body(first) }
        for p in moreParents where p.takeUnretainedValue().cacheValid { body(p.takeUnretainedValue()) }
    }

    /// Marks this object and every holder above it as changed.
    func invalidate() {
        cacheValid = false
        var pending: [ObjectNode] = []
        forEachValidParent { pending.append($0) }
        while let node = pending.popLast() {
            guard node.cacheValid else { continue }
            node.cacheValid = false
            node.forEachValidParent { pending.append($0) }
        }
    }
}

extension Item {
    /// Links an object item to the object now holding it.
    func attach(to parent: ObjectNode) {
        switch self {
        case .map(let m): m.addParent(parent)
        case .list(let l): l.addParent(parent)
        case .value, .structure: break
        }
    }

    /// Links an object just made from `parent`'s own storage: its content is what the parent's
    /// cache already holds, so it counts as unchanged (keeping the invariant above).
    func attachFresh(to parent: ObjectNode) {
        attach(to: parent)
        switch self {
        case .map(let m):
            m.cacheValid = parent.cacheValid
            m.birth = parent.birth
        case .list(let l):
            l.cacheValid = parent.cacheValid
            l.birth = parent.birth
        case .value, .structure: break
        }
    }
}

/// A map with identity. `base` is the original storage; `reached` holds entries that were turned
/// into objects or set; `removed` keys deleted from `base`.
///
/// Until the first `set` or `remove` (`edited` false), `reached` holds only objects made from
/// `base`'s own map and list entries, so a lookup reads `base` once and `reached` only for those.
final class MapObject: ObjectNode {
    private var base: [String: Value]
    private var reached = ReachedEntries()
    private var removed: Set<String> = []
    private var edited = false
    unowned(unsafe) let heap: Heap
    private var cache: Value?

    init(_ base: [String: Value], heap: Heap) {
        self.base = base
        self.heap = heap
        super.init(heap: heap)
    }

    /// A new map of a few entries (Sprig's `dict`), kept as a list until it is changed: looking a
    /// key up compares a handful of strings instead of hashing. Maps and lists among the items keep
    /// their identity. `pairs` has distinct keys.
    init(pairs: [(key: String, item: Item)], heap: Heap) {
        self.base = [:]
        self.heap = heap
        self.small = pairs
        super.init(heap: heap)
        // Links to the objects are made when this map first caches its materialisation: until
        // then its cache is invalid, and invalidation has nothing to do here.
    }

    /// Entries of a map made by `dict`, until its first change (then `base`/`reached` hold them).
    private var small: [(key: String, item: Item)]?

    /// Moves a `dict` map's entries into `base` and `reached` (before any change).
    private func promoteSmall() {
        guard let pairs = small else { return }
        small = nil
        var entries = [String: Value](minimumCapacity: pairs.count)
        for (key, item) in pairs {
            switch item {
            case .value(let v): entries[key] = v
            case .list:
                entries[key] = .list([])  // a placeholder of the object's kind
                reached[key] = item
            case .map:
                entries[key] = .map([:])
                reached[key] = item
            case .structure(let s):
                entries[key] = s.jsonView  // kept as the struct in `reached`
                reached[key] = item
            }
        }
        base = entries
    }

    var count: Int {
        if let small { return small.count }
        if !edited || (removed.isEmpty && reached.isEmpty) { return base.count }
        return keys.count
    }

    var isEmpty: Bool { count == 0 }

    /// Recent lookups, so that a field read again and again (`.name` of one item, `$.Values.image`)
    /// is found without hashing. A key matches only a key with the very same representation (the
    /// same small string, or the same storage, which the slot keeps alive): equal bits mean
    /// equal strings. Cleared by every change.
    private var recentKeys: (String, String, String, String) = ("", "", "", "")
    private var recentItems: (Item, Item, Item, Item) = (.null, .null, .null, .null)
    private var recentCount = 0
    private var recentNext = 0

    private struct Bits: Equatable {
        let low: UInt64
        let high: UInt64
    }

    @inline(__always) private static func bits(_ s: String) -> Bits { unsafeBitCast(s, to: Bits.self) }

    private func forgetRecent() {
        if recentCount == 0 { return }
        recentCount = 0
        recentNext = 0
        recentKeys = ("", "", "", "")
        recentItems = (.null, .null, .null, .null)
    }

    /// The entry for `key` (nil when absent); a map or list entry becomes an object, kept here so it
    /// keeps its identity.
    subscript(key: String) -> Item? {
        if let small {
            for i in small.indices where small[i].key == key { return small[i].item }
            return nil
        }
        let b = Self.bits(key)
        if recentCount > 0 {
            if Self.bits(recentKeys.0) == b { return recentItems.0 }
            if recentCount > 1 {
                if Self.bits(recentKeys.1) == b { return recentItems.1 }
                if recentCount > 2 {
                    if Self.bits(recentKeys.2) == b { return recentItems.2 }
                    if recentCount > 3, Self.bits(recentKeys.3) == b { return recentItems.3 }
                }
            }
        }
        guard let found = lookUp(key) else { return nil }
        switch recentNext {
        case 0: (recentKeys.0, recentItems.0) = (key, found)
        case 1: (recentKeys.1, recentItems.1) = (key, found)
        case 2: (recentKeys.2, recentItems.2) = (key, found)
        default: (recentKeys.3, recentItems.3) = (key, found)
        }
        recentNext = (recentNext + 1) & 3
        if recentCount < 4 { recentCount += 1 }
        return found
    }

    private func lookUp(_ key: String) -> Item? {
        if edited {
            if !reached.isEmpty, let r = reached[key] { return r }
            if !removed.isEmpty && removed.contains(key) { return nil }
        }
        guard let v = base[key] else { return nil }
        switch v {
        case .map, .list:
            if !edited, !reached.isEmpty, let r = reached[key] { return r }
            let o = Item.value(v).object(in: heap)
            o.attachFresh(to: self)
            reached[key] = o
            return o
        default:
            return .value(v)
        }
    }

    /// The data of entry `key` as `self[key]?.value` gives it, without making an object of a map
    /// or list entry that has none yet (for a reader that only copies the data out at once).
    func peekValue(_ key: String) -> Value? {
        if let small {
            for i in small.indices where small[i].key == key { return small[i].item.value }
            return nil
        }
        if edited {
            if !reached.isEmpty, let r = reached[key] { return r.value }
            if !removed.isEmpty && removed.contains(key) { return nil }
        } else if !reached.isEmpty, let r = reached[key] {
            return r.value
        }
        return base[key]
    }

    func set(_ key: String, _ item: Item) {
        noteChange()
        promoteSmall()
        forgetRecent()
        sortedKeysCache = nil
        sortedEntriesCache = nil
        edited = true
        item.attach(to: self)
        reached[key] = item
        removed.remove(key)
        invalidate()
    }

    func remove(_ key: String) {
        noteChange()
        promoteSmall()
        forgetRecent()
        sortedKeysCache = nil
        sortedEntriesCache = nil
        edited = true
        reached.removeValue(forKey: key)
        if base[key] != nil { removed.insert(key) }
        invalidate()
    }

    /// Replaces every entry (the result of a mutating function computed on the materialised map).
    func replace(with entries: [String: Value]) {
        noteChange()
        small = nil
        forgetRecent()
        sortedKeysCache = nil
        sortedEntriesCache = nil
        base = entries
        reached = ReachedEntries()
        removed = []
        edited = false
        invalidate()
    }

    /// All keys, sorted as Go sorts map keys (by UTF-8 bytes); kept until the map changes, since
    /// template logic ranges over one map again and again (`range` inside another `range`).
    var sortedKeys: [String] {
        if let sortedKeysCache { return sortedKeysCache }
        let sorted: [String]
        if let small {
            sorted = small.map(\.key).sorted(by: Value.goLess)
        } else if !edited {
            sorted = base.keys.sorted(by: Value.goLess)
        } else {
            sorted = keys.sorted(by: Value.goLess)
        }
        sortedKeysCache = sorted
        return sorted
    }

    private var sortedKeysCache: [String]?

    /// Every entry in ``sortedKeys`` order, each as `self[key]` gives it; kept until the map changes. What `range`
    /// visits: Go's sorts the map's keys and values before the first iteration, so a change the loop makes to the map
    /// is not seen by its later iterations (a change inside an entry's own map or list is), and a map ranged over
    /// again and again is visited without hashing a key.
    var sortedEntries: [(key: String, item: Item)] {
        if let sortedEntriesCache { return sortedEntriesCache }
        let entries = sortedKeys.map { key in (key: key, item: self[key] ?? .null) }
        sortedEntriesCache = entries
        return entries
    }

    private var sortedEntriesCache: [(key: String, item: Item)]?

    private var keys: Set<String> {
        var k = Set(base.keys)
        k.subtract(removed)
        for (key, _) in reached.pairs { k.insert(key) }
        return k
    }

    /// Whether this map is being materialised (met again below itself: a cycle).
    private var materializing = false

    var materialized: Value {
        if small == nil, reached.isEmpty && removed.isEmpty { return .map(base) }
        if cacheValid, let cache { return cache }
        if materializing {
            heap.cycleFound = true
            return .map([:])
        }
        materializing = true
        defer { materializing = false }
        var m: [String: Value]
        if let small {
            // A `dict` map never changed: its entries made into a map at once (it stays a list of entries).
            m = [String: Value](minimumCapacity: small.count)
            for (k, item) in small {
                item.attach(to: self)  // a valid cache needs every object in it to invalidate it
                m[k] = item.value
            }
        } else {
            m = base
            for k in removed { m.removeValue(forKey: k) }
            for (k, item) in reached.pairs {
                item.attach(to: self)  // a valid cache needs every object in it to invalidate it
                m[k] = item.value
            }
        }
        let v = Value.map(m)
        if !heap.cycleFound {
            cache = v
            cacheValid = true
        }
        return v
    }
}

/// A list with identity (its map elements keep theirs).
final class ListObject: ObjectNode {
    private let base: [Value]
    /// Elements turned into objects, by index (empty until the first one).
    private var reached: [Item?] = []
    private var reachedCount = 0
    unowned(unsafe) let heap: Heap
    private var cache: Value?

    init(_ base: [Value], heap: Heap) {
        self.base = base
        self.heap = heap
        super.init(heap: heap)
    }

    /// A new list of the given items (`list $a $b`, `append $l $x`): maps, lists and structs
    /// among them are kept as they are, so they keep their identity.
    init(items: [Item], heap: Heap) {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        var objects: [Item?] = []
        var objectCount = 0
        for (i, item) in items.enumerated() {
            switch item {
            case .value(let v):
                values.append(v)
            case .map, .list, .structure:
                if objects.isEmpty { objects = Array(repeating: nil, count: items.count) }
                objects[i] = item
                objectCount += 1
                // A placeholder of the item's kind; the object itself is read through `reached`.
                if case .list = item { values.append(.list([])) } else { values.append(.map([:])) }
            }
        }
        self.base = values
        self.heap = heap
        self.reached = objects
        self.reachedCount = objectCount
        super.init(heap: heap)
        // Links to the objects are made when this list first caches its materialisation (as for
        // `dict`'s maps): a list made in a loop and dropped is never kept alive by them.
    }

    var count: Int { base.count }

    subscript(index: Int) -> Item {
        if reachedCount > 0, let r = reached[index] { return r }
        let v = base[index]
        switch v {
        case .map, .list:
            let o = Item.value(v).object(in: heap)
            o.attachFresh(to: self)
            if reached.isEmpty { reached = Array(repeating: nil, count: base.count) }
            reached[index] = o
            reachedCount += 1
            return o
        default:
            return .value(v)
        }
    }

    /// The elements when none was ever reached as an object: then they are ``materialized`` as they are.
    var unreachedElements: [Value]? { reachedCount == 0 ? base : nil }

    /// Whether this list is being materialised (met again below itself: a cycle).
    private var materializing = false

    var materialized: Value {
        if reachedCount == 0 { return .list(base) }
        if cacheValid, let cache { return cache }
        if materializing {
            heap.cycleFound = true
            return .list([])
        }
        materializing = true
        defer { materializing = false }
        var l = base
        for i in reached.indices {
            if let item = reached[i] {
                item.attach(to: self)  // a valid cache needs every object in it to invalidate it
                l[i] = item.value
            }
        }
        let v = Value.list(l)
        if !heap.cycleFound {
            cache = v
            cacheValid = true
        }
        return v
    }
}

extension Value {
    /// The entries of a map (empty for other kinds).
    var mapEntries: [String: Value] {
        if case .map(let m) = self { return m }
        return [:]
    }
}

/// The entries of a map that became objects or were set: few per map as a rule, so they are kept
/// in a list searched in order (no hashing, no table to allocate); past `indexedFrom` entries a
/// dictionary indexes them.
struct ReachedEntries {
    private(set) var pairs: [(key: String, item: Item)] = []
    private var index: [String: Int]?
    private static let indexedFrom = 16

    var isEmpty: Bool { pairs.isEmpty }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        for i in pairs.indices where pairs[i].key == key { return i }
        return nil
    }

    subscript(key: String) -> Item? {
        get {
            guard let i = position(of: key) else { return nil }
            return pairs[i].item
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    pairs[i].item = newValue
                } else {
                    removeValue(forKey: key)
                }
                return
            }
            guard let newValue else { return }
            pairs.append((key, newValue))
            if index != nil {
                index?[key] = pairs.count - 1
            } else if pairs.count > Self.indexedFrom {
                var built = [String: Int](minimumCapacity: pairs.count * 2)
                for (i, pair) in pairs.enumerated() { built[pair.key] = i }
                index = built
            }
        }
    }

    /// Removes the entry of `key` (the last entry takes its place: order does not matter).
    mutating func removeValue(forKey key: String) {
        guard let i = position(of: key) else { return }
        let last = pairs.count - 1
        if i != last {
            pairs.swapAt(i, last)
            index?[pairs[i].key] = i
        }
        pairs.removeLast()
        index?[key] = nil
    }
}
