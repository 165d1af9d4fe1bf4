extension Validator {
    mutating func validateString(_ text: String) {
        let s = schema
        if s.minLength != nil || s.maxLength != nil {
            let length = text.unicodeScalars.count
            if let min = s.minLength, length < min { add(.minLength(got: length, want: min)) }
            if let max = s.maxLength, length > max { add(.maxLength(got: length, want: max)) }
        }
        if let (source, matcher) = s.pattern, !matcher.matches(text) { add(.pattern(got: text, want: source)) }
    }

    mutating func validateNumber(_ n: JSONNumber) {
        let s = schema
        if let min = s.minimum, n.compare(min) < 0 { add(.minimum(got: n, want: min)) }
        if let max = s.maximum, n.compare(max) > 0 { add(.maximum(got: n, want: max)) }
        if let min = s.exclusiveMinimum, n.compare(min) <= 0 { add(.exclusiveMinimum(got: n, want: min)) }
        if let max = s.exclusiveMaximum, n.compare(max) >= 0 { add(.exclusiveMaximum(got: n, want: max)) }
        if let divisor = s.multipleOf, !n.isMultiple(of: divisor) { add(.multipleOf(got: n, want: divisor)) }
    }

    mutating func validateConditions() {
        let s = schema
        if let sub = s.not, validateSelf(sub) == nil { add(.not) }
        if !s.allOf.isEmpty {
            var failures: [SchemaViolation] = []
            for sub in s.allOf { if let e = validateSelf(sub) { failures.append(e) } }
            if !failures.isEmpty { add(.allOf, causes: failures) }
        }
        if !s.anyOf.isEmpty {
            var matched = false
            var failures: [SchemaViolation] = []
            for sub in s.anyOf {
                if let e = validateSelf(sub) {
                    failures.append(e)
                } else {
                    matched = true
                    // Every branch counts for `unevaluated*`; without them the first match decides.
                    if unevaluated.isEmpty { break }
                }
            }
            if !matched { add(.anyOf, causes: failures) }
        }
        if !s.oneOf.isEmpty {
            var matched: Int?
            var failures: [SchemaViolation] = []
            for (i, sub) in s.oneOf.enumerated() {
                if let e = validateSelf(sub) {
                    if matched == nil { failures.append(e) }
                } else if let first = matched {
                    add(.oneOf(matched: (first, i)))
                    break
                } else {
                    matched = i
                }
            }
            if matched == nil { add(.oneOf(matched: nil), causes: failures) }
        }
        if let condition = s.ifSchema {
            if validateSelf(condition) == nil {
                if let then = s.thenSchema { add(validateSelf(then)) }
            } else if let otherwise = s.elseSchema {
                add(validateSelf(otherwise))
            }
        }
    }
}
