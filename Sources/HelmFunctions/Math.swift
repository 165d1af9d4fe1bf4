import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import GoValues

/// Sprig's arithmetic: integer functions convert every operand with `cast.ToInt64`
/// (so `add 1.9 1` is 2) and return int64 (`int` and `atoi` give Go `int`); the `f` variants
/// and `floor`, `ceil`, `round` give float64.
enum MathFunctions {
    static let table: [String: FunctionBody] = [
        "add": { a in .int64(a.reduce(Int64(0)) { $0 &+ NumberConversions.castInt64($1) }) },
        "add1": { a in
            try Arguments("add1", a).expect(1)
            return .int64(NumberConversions.castInt64(a[0]) &+ 1)
        },
        "sub": { a in try pair(a, "sub") { x, y in x &- y } },
        "mul": { a in
            try Arguments("mul", a).expect(atLeast: 1)
            return .int64(a.dropFirst().reduce(NumberConversions.castInt64(a[0])) { $0 &* NumberConversions.castInt64($1) })
        },
        "div": { a in
            try pair(a, "div") { x, y in
                if y == 0 { throw callFailure("runtime error: integer divide by zero") }
                return x.dividedReportingOverflow(by: y).partialValue
            }
        },
        "mod": { a in
            try pair(a, "mod") { x, y in
                if y == 0 { throw callFailure("runtime error: integer divide by zero") }
                return x.remainderReportingOverflow(dividingBy: y).partialValue
            }
        },
        "max": { a in try extreme(a, "max", >) },
        "biggest": { a in try extreme(a, "biggest", >) },
        "min": { a in try extreme(a, "min", <) },
        "int": { a in
            try Arguments("int", a).expect(1)
            return .int(NumberConversions.castInt64(a[0]))
        },
        "int64": { a in
            try Arguments("int64", a).expect(1)
            return .int64(NumberConversions.castInt64(a[0]))
        },
        "float64": { a in
            try Arguments("float64", a).expect(1)
            return .float(NumberConversions.castFloat64(a[0]))
        },
        "atoi": { a in
            let args = Arguments("atoi", a)
            try args.expect(1)
            return .int(NumberConversions.atoi(try args.string(0)))
        },
        "toDecimal": { a in
            try Arguments("toDecimal", a).expect(1)
            let text = GoTypes.stringValue(a[0])
            let bytes = Substring(text)
            let negative = bytes.first == "-"
            let digits = (bytes.first == "-" || bytes.first == "+") ? bytes.dropFirst() : bytes
            guard !digits.isEmpty, let v = Int64(digits, radix: 8) else { return .int64(0) }
            return .int64(negative ? -v : v)
        },
        "add1f": { a in
            try Arguments("add1f", a).expect(1)
            return .float(DecimalArithmetic.fold(a[0], [.int(1)], +, +))
        },
        "addf": { a in .float(DecimalArithmetic.fold(.float(0), a, +, +)) },
        "subf": { a in
            try Arguments("subf", a).expect(atLeast: 1)
            return .float(DecimalArithmetic.fold(a[0], Array(a.dropFirst()), -, -))
        },
        "mulf": { a in
            try Arguments("mulf", a).expect(atLeast: 1)
            return .float(DecimalArithmetic.fold(a[0], Array(a.dropFirst()), *, *))
        },
        "divf": { a in
            try Arguments("divf", a).expect(atLeast: 1)
            for d in a.dropFirst() where NumberConversions.castFloat64(d) == 0 { throw callFailure("decimal division by 0") }
            return .float(DecimalArithmetic.fold(a[0], Array(a.dropFirst()), /, DecimalArithmetic.divideTo16Places))
        },
        "maxf": { a in
            try Arguments("maxf", a).expect(atLeast: 1)
            return .float(a.dropFirst().reduce(NumberConversions.castFloat64(a[0])) { Swift.max($0, NumberConversions.castFloat64($1)) })
        },
        "minf": { a in
            try Arguments("minf", a).expect(atLeast: 1)
            return .float(a.dropFirst().reduce(NumberConversions.castFloat64(a[0])) { Swift.min($0, NumberConversions.castFloat64($1)) })
        },
        "floor": { a in
            try Arguments("floor", a).expect(1)
            return .float(NumberConversions.castFloat64(a[0]).rounded(.down))
        },
        "ceil": { a in
            try Arguments("ceil", a).expect(1)
            return .float(NumberConversions.castFloat64(a[0]).rounded(.up))
        },
        "round": round,
    ]

    static func pair(_ a: [Value], _ name: String, _ f: (Int64, Int64) throws -> Int64) throws -> Value {
        try Arguments(name, a).expect(2)
        return .int64(try f(NumberConversions.castInt64(a[0]), NumberConversions.castInt64(a[1])))
    }

    static func extreme(_ a: [Value], _ name: String, _ better: (Int64, Int64) -> Bool) throws -> Value {
        try Arguments(name, a).expect(atLeast: 1)
        var best = NumberConversions.castInt64(a[0])
        for v in a.dropFirst() {
            let n = NumberConversions.castInt64(v)
            if better(n, best) { best = n }
        }
        return .int64(best)
    }

    /// Sprig's `round x places [roundOn]`.
    static func round(_ a: [Value]) throws -> Value {
        let args = Arguments("round", a)
        try args.expect(atLeast: 2)
        let value = NumberConversions.castFloat64(a[0])
        let places = Double(try args.int(1))
        let roundOn = a.count > 2 ? NumberConversions.castFloat64(a[2]) : 0.5
        let scale = pow(10, places)
        let digit = scale * value
        let fraction = digit - digit.rounded(.towardZero)
        let rounded = fraction >= roundOn ? digit.rounded(.up) : digit.rounded(.down)
        return .float(rounded / scale)
    }
}

/// Sprig's float arithmetic goes through exact decimals; `Decimal` gives the same results
/// for the short operands templates use.
enum DecimalArithmetic {
    /// `op` over the operands as decimals; where a value lies outside `Decimal`'s range (its
    /// exponent is bounded, shopspring's is not), `fallback` over the doubles instead.
    static func fold(
        _ first: Value, _ rest: [Value], _ op: (Decimal, Decimal) -> Decimal, _ fallback: (Double, Double) -> Double
    ) -> Double {
        var acc = decimal(first)
        for v in rest { acc = op(acc, decimal(v)) }
        // Through text, as shopspring/decimal's Float64 does: the closest double to the decimal.
        let result = Double(acc.description) ?? .nan
        if result.isNaN {
            let operands = ([first] + rest).map(NumberConversions.castFloat64)
            if operands.allSatisfy({ $0.isFinite }) { return operands.dropFirst().reduce(operands[0], fallback) }
        }
        return result
    }

    /// A quotient rounded to 16 decimal places, as shopspring's `Div` rounds it.
    static func divideTo16Places(_ a: Double, _ b: Double) -> Double {
        let q = a / b
        return abs(q) < 1e15 ? (q * 1e16).rounded() / 1e16 : q
    }

    static func decimal(_ v: Value) -> Decimal {
        let f = NumberConversions.castFloat64(v)
        if f.isNaN || f.isInfinite { return Decimal(f) }
        // Shortest round-trip text, as shopspring/decimal's NewFromFloat does.
        return Decimal(string: "\(f)") ?? Decimal(f)
    }
}
