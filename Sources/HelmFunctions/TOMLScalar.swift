import GoValues

/// The bare values of TOML: booleans, integers (decimal with `_` between digits, `0x`, `0o`,
/// `0b`), floats (fraction and/or exponent, `inf`, `nan`, signed) and date-times (RFC 3339 with
/// `T`, `t` or a space; local date-times, dates and times), as `fromToml` gives them.
enum TOMLScalar {
    static func parse(_ text: String) -> Value? {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if let n = integer(text) { return .int64(n) }
        if let f = float(text), f.isFinite { return .float(f) }
        if let d = dateTime(text) { return .string(d) }
        return nil
    }

    /// Why a number-like value is not one, in the decoder's words; nil when it is no number at all.
    static func problem(_ text: String) -> String? {
        let q = GoQuote.quote(text)
        let body = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard let first = body.first, first.isNumber || first == "." else { return nil }
        if first == "." { return "floats must start with a digit, not '.'" }
        guard body.allSatisfy({ $0.isNumber || "_.eE+-".contains($0) }) else { return nil }
        let isFloat = body.contains(where: { ".eE".contains($0) })
        if body.contains("__") || body.hasSuffix("_") || body.contains("_.") || body.contains("._") {
            return "Invalid \(isFloat ? "float" : "integer") \(q): underscores must be surrounded by digits"
        }
        if body.hasSuffix(".") || body.contains(".e") || body.contains(".E") {
            return "Invalid float \(q): '.' must be followed by one or more digits"
        }
        if !isFloat {
            if body.count > 1, body.hasPrefix("0") { return "Invalid integer \(q): cannot have leading zeroes" }
            return "\(text) is out of range for int64"
        }
        if let f = Double(text.filter { $0 != "_" }), f.isInfinite { return "\(text) is out of range for float64" }
        return "Invalid float value: \(q)"
    }

    /// Digits with single underscores between them.
    private static func digits(_ t: Substring, _ isDigit: (Character) -> Bool) -> String? {
        guard let first = t.first, let last = t.last, isDigit(first), isDigit(last) else { return nil }
        var out = ""
        var previousUnderscore = false
        for c in t {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard isDigit(c) else { return nil }
            previousUnderscore = false
            out.append(c)
        }
        return out
    }

    private static func integer(_ text: String) -> Int64? {
        let t = Substring(text)
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where t.hasPrefix(prefix) {
            guard let d = digits(t.dropFirst(2), { $0.isHexDigit && Int(String($0), radix: radix) != nil }) else { return nil }
            return Int64(d, radix: radix)
        }
        var body = t
        var sign = ""
        if let c = body.first, c == "+" || c == "-" {
            sign = c == "-" ? "-" : ""
            body = body.dropFirst()
        }
        guard let d = digits(body, { $0.isASCII && $0.isNumber }) else { return nil }
        if d.count > 1 && d.hasPrefix("0") { return nil }
        return Int64(sign + d)
    }

    private static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = ""
        if let c = body.first, c == "+" || c == "-" {
            sign = String(c)
            body = body.dropFirst()
        }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let exponentAt = body.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = exponentAt.map { body[..<$0] } ?? body
        var normalized = ""
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = digits(parts[0], isDigit), !(whole.count > 1 && whole.hasPrefix("0")) else { return nil }
        normalized = whole
        if parts.count == 2 {
            guard let fraction = digits(parts[1], isDigit) else { return nil }
            normalized += "." + fraction
        } else if exponentAt == nil {
            return nil
        }
        if let e = exponentAt {
            var exponent = body[body.index(after: e)...]
            var expSign = ""
            if let c = exponent.first, c == "+" || c == "-" {
                expSign = String(c)
                exponent = exponent.dropFirst()
            }
            guard let d = digits(exponent, isDigit) else { return nil }
            normalized += "e" + expSign + d
        }
        return Double(sign + normalized)
    }

    /// `HH:MM:SS[.fraction]` as RFC 3339 with nanoseconds writes it: trailing zeros of the
    /// fraction dropped, and the dot with them when nothing is left.
    private static func clock(_ t: ArraySlice<UInt8>) -> String {
        var text = String(decoding: t, as: UTF8.self)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// An RFC 3339 date-time, local date-time, local date or local time, as the text `toJson`
    /// writes for it (`T` between date and time; a date alone at midnight, `Z`).
    private static func dateTime(_ text: String) -> String? {
        let b = Array(text.utf8)
        func number(_ at: Int, _ n: Int) -> Bool {
            at + n <= b.count && b[at..<(at + n)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        func time(_ at: Int) -> Int? {
            guard number(at, 2), at + 2 < b.count, b[at + 2] == UInt8(ascii: ":"), number(at + 3, 2),
                  at + 5 < b.count, b[at + 5] == UInt8(ascii: ":"), number(at + 6, 2)
            else { return nil }
            var end = at + 8
            if end < b.count, b[end] == UInt8(ascii: ".") {
                end += 1
                let start = end
                while end < b.count, b[end] >= 0x30 && b[end] <= 0x39 { end += 1 }
                if end == start { return nil }
            }
            return end
        }
        let isDate = number(0, 4) && b.count >= 10 && b[4] == UInt8(ascii: "-") && number(5, 2) && b[7] == UInt8(ascii: "-") && number(8, 2)
        if !isDate {
            // A local time: on Go's zero date.
            if let end = time(0), end == b.count { return "0000-01-01T" + clock(b[0..<end]) + "Z" }
            return nil
        }
        if b.count == 10 { return text + "T00:00:00Z" }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]), let end = time(11) else { return nil }
        var out = String(decoding: b[0..<10], as: UTF8.self) + "T" + clock(b[11..<end])
        let zone = b[end...]
        if zone.isEmpty { return out + "Z" }
        if zone.count == 1, zone.first == UInt8(ascii: "Z") || zone.first == UInt8(ascii: "z") { return out + "Z" }
        guard zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
              number(end + 1, 2), b[end + 3] == UInt8(ascii: ":"), number(end + 4, 2)
        else { return nil }
        let offset = String(decoding: zone, as: UTF8.self)
        out += offset == "+00:00" || offset == "-00:00" ? "Z" : offset
        return out
    }
}
