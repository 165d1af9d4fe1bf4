/// Go's `fmt` `%v` rendering of values, as templates print them.
public enum GoFormat {
    /// Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): shortest digits,
    /// exponent form when the decimal exponent is < -4 or >= 6 -- so 1000000 prints `1e+06`.
    public static func float(_ f: Double) -> String {
        formatFloat(f, exponentThreshold: 6)
    }

    /// Shortest-digits formatting with an explicit exponent threshold.
    public static func formatFloat(_ f: Double, exponentThreshold: Int) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Inf" : "+Inf" }
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        if let whole = smallIntegral(f), exponentThreshold >= 1, abs(whole) < powerOfTen(exponentThreshold) {
            return String(whole)
        }
        let (negative, digits, pointPos) = decimalDigits(f)
        return layoutG(negative: negative, digits: digits, pointPos: pointPos, exponentThreshold: exponentThreshold)
    }

    /// `f` as an integer when it is one of magnitude below 2^53 (every such float prints as its
    /// integer digits in fixed notation); nil otherwise.
    package static func smallIntegral(_ f: Double) -> Int64? {
        guard f.magnitude < 9_007_199_254_740_992, f == f.rounded(.towardZero) else { return nil }
        return Int64(f)
    }

    /// 10^n, saturating at Int64.max (n >= 19).
    static func powerOfTen(_ n: Int) -> Int64 {
        if n >= 19 { return Int64.max }
        var p: Int64 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// `%g`-style layout of decimal digits: value = 0.d1d2d3... × 10^pointPos.
    static func layoutG(negative: Bool, digits: String, pointPos: Int, exponentThreshold: Int) -> String {
        let exp = pointPos - 1
        var out = negative ? "-" : ""
        if exp < -4 || exp >= exponentThreshold {
            out += String(digits.first ?? "0")
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += "e" + (exp < 0 ? "-" : "+")
            let e = abs(exp)
            out += e < 10 ? "0\(e)" : "\(e)"
            return out
        }
        if pointPos <= 0 {
            out += "0." + String(repeating: "0", count: -pointPos) + digits
        } else if pointPos >= digits.count {
            out += digits + String(repeating: "0", count: pointPos - digits.count)
        } else {
            let idx = digits.index(digits.startIndex, offsetBy: pointPos)
            out += digits[..<idx] + "." + digits[idx...]
        }
        return out
    }

    /// Shortest round-trip decimal digits of `f` and the position of the decimal point.
    static func decimalDigits(_ f: Double) -> (negative: Bool, digits: String, pointPos: Int) {
        // Swift prints the shortest round-trip representation, as Go's shortest formatting does.
        decimalDigits(text: "\(abs(f))", negative: f < 0)
    }

    /// Digits and decimal point position of a Swift float description (`1.5`, `1e-05`, `12.0`).
    static func decimalDigits(text original: String, negative: Bool) -> (negative: Bool, digits: String, pointPos: Int) {
        var text = original
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var intPart = text
        var fracPart = ""
        if let dot = text.firstIndex(of: ".") {
            intPart = String(text[..<dot])
            fracPart = String(text[text.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var pointPos = intPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPos -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (negative, digits, pointPos)
    }

    /// `fmt.Sprint(v)` for a dynamic value: maps as `map[k:v ...]` (sorted keys), lists as `[a b]`,
    /// nil as `<nil>`.
    public static func value(_ v: Value) -> String {
        var out = ""
        write(v, into: &out)
        return out
    }

    static func write(_ v: Value, into out: inout String) {
        switch v {
        case .null: out += "<nil>"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i), .int64(let i): out += String(i)
        case .nilList: out += "[]"
        case .float(let f): out += float(f)
        case .string(let s): out += s
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += " " }
                write(item, into: &out)
            }
            out += "]"
        case .map(let m):
            out += "map["
            for (i, k) in v.sortedKeys.enumerated() {
                if i > 0 { out += " " }
                out += k + ":"
                write(m[k] ?? .null, into: &out)
            }
            out += "]"
        }
    }
}

extension GoFormat {
    /// A float map key as Helm's YAML → JSON step writes it: Go's `%g` of the value rounded to
    /// float32 (`strconv.FormatFloat(f, 'g', -1, 32)`), with `.inf`, `-.inf`, `.nan`.
    package static func float32Key(_ f: Double) -> String {
        if f.isNaN { return ".nan" }
        if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
        let narrow = Float(f)
        if narrow.isInfinite { return narrow < 0 ? "-.inf" : ".inf" }
        if narrow == 0 { return narrow.sign == .minus ? "-0" : "0" }
        let (negative, digits, pointPos) = decimalDigits(text: "\(abs(narrow))", negative: narrow < 0)
        return layoutG(negative: negative, digits: digits, pointPos: pointPos, exponentThreshold: 6)
    }
}
