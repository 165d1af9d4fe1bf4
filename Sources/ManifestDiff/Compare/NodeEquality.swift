import YAML

/// Typed equality of two parsed nodes, ignoring marks and key order: the fast path that lets
/// unchanged resources skip conversion and field comparison.
enum NodeEquality {
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch a.kind {
        case .mapping(let x):
            guard case .mapping(let y) = b.kind else { return false }
            return equal(x, y)
        case .sequence(let x):
            guard case .sequence(let y) = b.kind, x.count == y.count else { return false }
            for i in x.indices where !equal(x[i], y[i]) { return false }
            return true
        case .string(let x):
            guard case .string(let y) = b.kind else { return false }
            return x == y
        case .int(let x):
            switch b.kind {
            case .int(let y): return x == y
            case .float(let y): return Double(x) == y
            default: return false
            }
        case .float(let x):
            switch b.kind {
            case .float(let y): return x == y
            case .int(let y): return x == Double(y)
            default: return false
            }
        case .bool(let x):
            guard case .bool(let y) = b.kind else { return false }
            return x == y
        case .null:
            return b.isNull
        }
    }

    private static func equal(_ x: Mapping, _ y: Mapping) -> Bool {
        let xEntries = x.entries, yEntries = y.entries
        let count = xEntries.count
        guard count == yEntries.count else { return false }
        // Usually both sides list keys in the same order: compare pairwise, look up only on a mismatch.
        let xKeys = xEntries.keys, yKeys = yEntries.keys
        var sameOrder = true
        for i in 0..<count where xKeys[i] != yKeys[i] {
            sameOrder = false
            break
        }
        if sameOrder {
            let xValues = xEntries.values, yValues = yEntries.values
            for i in 0..<count where !equal(xValues[i], yValues[i]) { return false }
            return true
        }
        for (key, value) in xEntries {
            guard let other = yEntries[key], equal(value, other) else { return false }
        }
        return true
    }
}
