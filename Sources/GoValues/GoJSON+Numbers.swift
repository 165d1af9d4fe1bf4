extension GoJSON {
    /// `encoding/json`'s text for a finite float64: shortest round-trip digits, plain decimal
    /// notation for 1e-6 <= |f| < 1e21 (`1000000`, `0.000001`, `-0`), exponent notation outside
    /// it with at least one exponent digit (`1e+21`, `1e-7`, `1.5e-10`).
    public static func floatText(_ f: Double) -> String {
        let a = abs(f)
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            return exponentText(f)
        }
        return fixedText(f)
    }

    /// `strconv.FormatFloat(f, 'f', -1, 64)`.
    static func fixedText(_ f: Double) -> String {
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        if let whole = GoFormat.smallIntegral(f) { return String(whole) }
        let (negative, digits, pointPos) = GoFormat.decimalDigits(f)
        var out = negative ? "-" : ""
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

    /// `strconv.FormatFloat(f, 'e', -1, 64)` with `encoding/json`'s `e-07` → `e-7` clean-up.
    static func exponentText(_ f: Double) -> String {
        let (negative, digits, pointPos) = GoFormat.decimalDigits(f)
        var out = negative ? "-" : ""
        out.append(digits.first ?? "0")
        if digits.count > 1 { out += "." + digits.dropFirst() }
        let exp = pointPos - 1
        out += exp < 0 ? "e-" : "e+"
        let e = abs(exp)
        if e < 10 && exp >= 0 { out += "0" }
        out += String(e)
        return out
    }
}
