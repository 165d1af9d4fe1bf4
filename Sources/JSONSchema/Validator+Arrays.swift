extension Validator {
    mutating func validateArray(_ items: [JSON]) {
        let s = schema
        if let min = s.minItems, items.count < min { add(.minItems(got: items.count, want: min)) }
        if let max = s.maxItems, items.count > max { add(.maxItems(got: items.count, want: max)) }
        if s.uniqueItems, let (i, j) = Validator.firstDuplicate(items) { add(.uniqueItems(i, j)) }
        // Items after a tuple are reported at their index within the rest, as Helm's validator does.
        if s.draft < .draft2020 {
            var evaluated = 0
            if let sub = s.items {
                for (i, item) in items.enumerated() { add(validateMember(item, sub, token: String(i))) }
                evaluated = items.count
            } else if let tuple = s.itemsTuple {
                evaluated = min(items.count, tuple.count)
                for i in 0..<evaluated { add(validateMember(items[i], tuple[i], token: String(i))) }
            }
            switch s.additionalItems {
            case .allowed(false)? where evaluated != items.count: add(.additionalItems(count: items.count - evaluated))
            case .schema(let sub)?:
                for (i, item) in items[evaluated...].enumerated() { add(validateMember(item, sub, token: String(i))) }
            default: break
            }
        } else {
            let evaluated = min(s.prefixItems.count, items.count)
            for i in 0..<evaluated { add(validateMember(items[i], s.prefixItems[i], token: String(i))) }
            if let sub = s.items {
                for (i, item) in items[evaluated...].enumerated() { add(validateMember(item, sub, token: String(i))) }
            }
        }
        if let sub = s.contains {
            var failures: [SchemaViolation] = []
            var matched: [Int] = []
            for (i, item) in items.enumerated() {
                if let error = validateMember(item, sub, token: String(i)) {
                    failures.append(error)
                } else {
                    matched.append(i)
                    if s.draft >= .draft2020 { unevaluated.items.remove(i) }
                }
            }
            if let min = s.minContains {
                if matched.count < min { add(.minContains(matched: matched, want: min), causes: failures) }
            } else if matched.isEmpty {
                add(.contains, causes: failures)
            }
            if let max = s.maxContains, matched.count > max { add(.maxContains(matched: matched, want: max)) }
        }
    }

    /// The first pair of equal items (`j < i`, the smallest `i`, then the smallest `j`).
    static func firstDuplicate(_ items: [JSON]) -> (Int, Int)? {
        guard items.count > 1 else { return nil }
        for i in 1..<items.count {
            for j in 0..<i where items[i].isEqual(to: items[j]) { return (j, i) }
        }
        return nil
    }
}
