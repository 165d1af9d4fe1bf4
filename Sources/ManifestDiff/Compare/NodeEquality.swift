import YAMLCore

/// Typed equality of two parsed nodes, ignoring marks and key order: the fast path that lets
/// unchanged resources skip conversion and field comparison.
enum NodeEquality {
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a.kind, b.kind) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y
        case (.string(let x), .string(let y)): return x == y
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return false }
            for i in x.indices where !equal(x[i], y[i]) { return false }
            return true
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            // Usually both sides list keys in the same order: compare pairwise, look up only on a mismatch.
            let xKeys = x.entries.keys, yKeys = y.entries.keys
            var sameOrder = true
            for i in 0..<xKeys.count where xKeys[i] != yKeys[i] {
                sameOrder = false
                break
            }
            if sameOrder {
                let xValues = x.entries.values, yValues = y.entries.values
                for i in 0..<xValues.count where !equal(xValues[i], yValues[i]) { return false }
                return true
            }
            for (key, value) in x.entries {
                guard let other = y.entries[key], equal(value, other) else { return false }
            }
            return true
        default: return false
        }
    }
}
