import GoValues

/// Compares two typed values field by field and collects `FieldChange`s.
///
/// Maps are compared key by key (order never matters); lists pair their entries by identity
/// (`ListIdentity`) so an insertion is one added entry, and order-only changes of lists whose entries
/// pair by identity are not changes. Lists of scalars keep their order unless they are known sets
/// (`policyTypes`, `except`, `values`, RBAC `verbs`, ...): a reordered `args` list is a change.
struct ValueDiffer {
    /// Keys whose scalar lists are sets: their order carries no meaning.
    static let scalarSetKeys: Set<String> = [
        "policyTypes", "except", "values", "verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs",
        "finalizers", "accessModes",
    ]

    private(set) var changes: [FieldChange] = []
    private var path: [FieldPath.Component] = []

    init(base: [FieldPath.Component] = []) {
        self.path = base
    }

    /// Compares `a` (old) with `b` (new) at the current path.
    mutating func compare(_ a: Value, _ b: Value) {
        switch (a, b) {
        case (.map(let ma), .map(let mb)):
            compareMaps(ma, mb)
        case (.list(let la), .list(let lb)):
            compareLists(la, lb)
        default:
            if !Self.sameScalar(a, b) { emit(.modified, from: a, to: b) }
        }
    }

    /// Scalars equal as typed values; an integer (of either Go width) equals the float or the
    /// integer of the same number.
    static func sameScalar(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let i), .float(let f)), (.float(let f), .int(let i)),
            (.int64(let i), .float(let f)), (.float(let f), .int64(let i)):
            return Double(i) == f
        case (.int(let i), .int64(let j)), (.int64(let i), .int(let j)): return i == j
        default: return a == b
        }
    }

    private mutating func emit(_ change: FieldChange.Change, from: Value?, to: Value?) {
        changes.append(FieldChange(path: FieldPath(path), change: change, from: from, to: to))
    }

    private mutating func at(_ component: FieldPath.Component, _ body: (inout ValueDiffer) -> Void) {
        path.append(component)
        body(&self)
        path.removeLast()
    }

    private mutating func compareMaps(_ a: [String: Value], _ b: [String: Value]) {
        var keys = Array(a.keys)
        for k in b.keys where a[k] == nil { keys.append(k) }
        keys.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for key in keys {
            switch (a[key], b[key]) {
            case (let old?, let new?):
                at(.key(key)) { $0.compare(old, new) }
            case (let old?, nil):
                at(.key(key)) { $0.emit(.removed, from: old, to: nil) }
            case (nil, let new?):
                at(.key(key)) { $0.emit(.added, from: nil, to: new) }
            case (nil, nil):
                break
            }
        }
    }

    private var lastKey: String? {
        if case .key(let k)? = path.last { return k }
        return nil
    }

    private mutating func compareLists(_ a: [Value], _ b: [Value]) {
        if a == b { return }
        let allScalar = a.allSatisfy(\.isScalar) && b.allSatisfy(\.isScalar)
        if allScalar, !Self.scalarSetKeys.contains(lastKey ?? "") {
            compareOrderedScalars(a, b)
            return
        }
        switch ListIdentity.choose(a, b) {
        case .keyed(let ka, let kb):
            compareKeyed(a, b, ka, kb)
        case .unkeyed:
            compareUnkeyed(a, b)
        }
    }

    /// Entries paired by key; order is ignored.
    private mutating func compareKeyed(_ a: [Value], _ b: [Value], _ ka: [ValueKey], _ kb: [ValueKey]) {
        var indexOfA = [ValueKey: Int](minimumCapacity: ka.count)
        for (i, k) in ka.enumerated() { indexOfA[k] = i }
        let keysOfB = Set(kb)
        for (i, k) in ka.enumerated() where !keysOfB.contains(k) {
            at(.index(i)) { $0.emit(.removed, from: a[i], to: nil) }
        }
        for (j, k) in kb.enumerated() {
            if let i = indexOfA[k] {
                at(.index(j)) { $0.compare(a[i], b[j]) }
            } else {
                at(.index(j)) { $0.emit(.added, from: nil, to: b[j]) }
            }
        }
    }

    /// Equal entries pair first (wherever they are); the rest pair by position.
    private mutating func compareUnkeyed(_ a: [Value], _ b: [Value]) {
        var unmatchedOfA = [ValueKey: [Int]](minimumCapacity: a.count)
        for (i, v) in a.enumerated().reversed() { unmatchedOfA[ValueKey(v), default: []].append(i) }
        var leftB: [Int] = []
        for (j, v) in b.enumerated() {
            let key = ValueKey(v)
            if var stack = unmatchedOfA[key], let i = stack.popLast() {
                _ = i
                unmatchedOfA[key] = stack.isEmpty ? nil : stack
            } else {
                leftB.append(j)
            }
        }
        let leftA = unmatchedOfA.values.flatMap { $0 }.sorted()
        let paired = min(leftA.count, leftB.count)
        for i in leftA.dropFirst(paired) {
            at(.index(i)) { $0.emit(.removed, from: a[i], to: nil) }
        }
        for n in 0..<paired {
            let (i, j) = (leftA[n], leftB[n])
            at(.index(j)) { $0.compare(a[i], b[j]) }
        }
        for j in leftB.dropFirst(paired) {
            at(.index(j)) { $0.emit(.added, from: nil, to: b[j]) }
        }
    }

    /// Scalar lists whose order matters: insertions and removals that keep the order of the other
    /// entries are entry changes; anything else changes the list as a whole.
    private mutating func compareOrderedScalars(_ a: [Value], _ b: [Value]) {
        let ka = a.map(ValueKey.init)
        let kb = b.map(ValueKey.init)
        let setA = Set(ka)
        let setB = Set(kb)
        if setA.count == ka.count, setB.count == kb.count,
            ka.filter(setB.contains) == kb.filter(setA.contains)
        {
            for (i, k) in ka.enumerated() where !setB.contains(k) {
                at(.index(i)) { $0.emit(.removed, from: a[i], to: nil) }
            }
            for (j, k) in kb.enumerated() where !setA.contains(k) {
                at(.index(j)) { $0.emit(.added, from: nil, to: b[j]) }
            }
            return
        }
        emit(.modified, from: .list(a), to: .list(b))
    }
}
