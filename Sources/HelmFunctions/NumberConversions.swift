import GoValues

/// Number conversions as sprig does them (through spf13/cast): lenient, never failing --
/// anything that does not convert becomes 0.
enum NumberConversions {
    /// `cast.ToInt64`: floats truncate toward zero, strings parse as Go integer literals
    /// (`0x1F`, `012` octal, a `.0` tail dropped), booleans are 1/0, the rest 0.
    static func castInt64(_ v: Value) -> Int64 {
        switch v {
        case .int(let i), .int64(let i): return i
        case .float(let f): return truncate(f)
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseGoInteger(trimZeroDecimal(s)) ?? 0
        case .null, .list, .nilList, .map: return 0
        }
    }

    /// `cast.ToFloat64`: strings parse as Go float literals, booleans are 1/0, the rest 0.
    static func castFloat64(_ v: Value) -> Double {
        switch v {
        case .int(let i), .int64(let i): return Double(i)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseGoFloat(s) ?? 0
        case .null, .list, .nilList, .map: return 0
        }
    }

    /// Go's float → int64 conversion, saturating where Go's result is undefined.
    static func truncate(_ f: Double) -> Int64 {
        if f.isNaN { return Int64.min }
        if f >= 9.223372036854775807e18 { return Int64.min }
        if f <= -9.223372036854775808e18 { return Int64.min }
        return Int64(f.rounded(.towardZero))
    }

    /// cast's `trimZeroDecimal`: `"12.000"` → `"12"`; other strings unchanged.
    static func trimZeroDecimal(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var foundZero = false
        var i = bytes.count
        while i > 0 {
            switch bytes[i - 1] {
            case UInt8(ascii: "."):
                if foundZero { return GoStrings.string(bytes[..<(i - 1)]) }
            case UInt8(ascii: "0"):
                foundZero = true
            default:
                return s
            }
            i -= 1
        }
        return s
    }

    /// `strconv.ParseInt(s, 0, 64)`: sign, then `0x`/`0o`/`0b`/leading-`0` octal or decimal;
    /// underscores only between digits of a prefixed literal.
    static func parseGoInteger(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if let f = body.first, f == "+" || f == "-" {
            negative = f == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix = 10
        var prefixed = false
        if body.count > 1, body.first == "0" {
            let second = body[body.index(after: body.startIndex)]
            switch second {
            case "x", "X": radix = 16; body = body.dropFirst(2); prefixed = true
            case "o", "O": radix = 8; body = body.dropFirst(2); prefixed = true
            case "b", "B": radix = 2; body = body.dropFirst(2); prefixed = true
            default: radix = 8; body = body.dropFirst(); prefixed = true
            }
        }
        if body.contains("_") {
            // Underscores may only separate digits (or follow a base prefix).
            guard !body.hasSuffix("_"), !body.contains("__"), prefixed || !body.hasPrefix("_") else { return nil }
            body = Substring(body.filter { $0 != "_" })
        }
        guard !body.isEmpty, let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `strconv.ParseFloat(s, 64)`: decimal or hex (with a `p` exponent) floats, `inf`, `nan`.
    static func parseGoFloat(_ s: String) -> Double? {
        guard !s.isEmpty else { return nil }
        let lower = s.lowercased()
        if lower.contains("0x") && !lower.contains("p") { return nil }
        for c in s.utf8 where c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") { return nil }
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        var text = s
        if lower.contains("_") {
            guard underscoresSeparateDigits(lower) else { return nil }
            text = s.filter { $0 != "_" }
        }
        guard lower.allSatisfy({ $0.isASCII && ($0.isHexDigit || "+-.xp_".contains($0)) }) else { return nil }
        // Go refuses a finite literal beyond float64's range (ErrRange); cast then gives 0.
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Go's rule for `_` in a number literal: only between digits, or after a base prefix.
    static func underscoresSeparateDigits(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        enum Saw { case start, digit, underscore, other }
        var saw = Saw.start
        var hex = false
        let a = Array(bytes)
        var i = 0
        if a.count >= 2, a[0] == UInt8(ascii: "0"), [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(a[1] | 0x20) {
            i = 2
            saw = .digit
            hex = a[1] | 0x20 == UInt8(ascii: "x")
        }
        while i < a.count {
            let c = a[i]
            i += 1
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (hex && (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "f")) {
                saw = .digit
                continue
            }
            if c == UInt8(ascii: "_") {
                if saw != .digit { return false }
                saw = .underscore
                continue
            }
            if saw == .underscore { return false }
            saw = .other
        }
        return saw != .underscore
    }

    /// `strconv.Atoi`: base-10 only, no prefixes; syntax errors give 0 (sprig ignores the error),
    /// values out of range the nearest int64.
    static func atoi(_ s: String) -> Int64 {
        var body = Substring(s)
        var negative = false
        if let f = body.first, f == "+" || f == "-" {
            negative = f == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return 0 }
        // Out of range: Go returns the nearest int64 with its error, which sprig ignores.
        guard let m = UInt64(body) else { return negative ? Int64.min : Int64.max }
        if negative { return m <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- m) : Int64.min }
        return m <= UInt64(Int64.max) ? Int64(m) : Int64.max
    }
}
