import GoValues

/// Reorders the old side of a resource so its set-like lists follow the new side's order: paired
/// entries take their partner's position, entries only the old side has keep their own index. Unified
/// output then shows only real changes, never an order-only shuffle.
enum ListAlignment {
    static func align(_ old: Value, to new: Value, key: String? = nil) -> Value {
        switch (old, new) {
        case (.map(var a), .map(let b)):
            for (k, v) in a {
                if let partner = b[k] { a[k] = align(v, to: partner, key: k) }
            }
            return .map(a)
        case (.list(let a), .list(let b)):
            return .list(alignList(a, b, key: key))
        default:
            return old
        }
    }

    private static func alignList(_ a: [Value], _ b: [Value], key: String?) -> [Value] {
        if a == b { return a }
        let allScalar = a.allSatisfy(\.isScalar) && b.allSatisfy(\.isScalar)
        if allScalar, !ValueDiffer.scalarSetKeys.contains(key ?? "") { return a }
        // partnerOf[i] = index in b paired with a[i].
        var partnerOf = [Int?](repeating: nil, count: a.count)
        switch ListIdentity.choose(a, b) {
        case .keyed(let ka, let kb):
            var indexOfB = [ValueKey: Int](minimumCapacity: kb.count)
            for (j, k) in kb.enumerated() { indexOfB[k] = j }
            for (i, k) in ka.enumerated() { partnerOf[i] = indexOfB[k] }
        case .unkeyed:
            var unmatched = [ValueKey: [Int]]()
            for (j, v) in b.enumerated().reversed() { unmatched[ValueKey(v), default: []].append(j) }
            for (i, v) in a.enumerated() {
                let k = ValueKey(v)
                if var stack = unmatched[k], let j = stack.popLast() {
                    partnerOf[i] = j
                    unmatched[k] = stack.isEmpty ? nil : stack
                }
            }
        }
        let paired = a.indices.filter { partnerOf[$0] != nil }.sorted { (partnerOf[$0] ?? 0) < (partnerOf[$1] ?? 0) }
        var result = paired.map { i in align(a[i], to: b[partnerOf[i] ?? 0]) }
        for i in a.indices where partnerOf[i] == nil {
            result.insert(a[i], at: min(i, result.count))
        }
        return result
    }
}
