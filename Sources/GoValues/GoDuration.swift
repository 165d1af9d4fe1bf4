/// Go's `time.Duration` (nanoseconds in an Int64): `time.ParseDuration` and `Duration.String`.
public enum GoDuration {
    /// Go's `time.Nanosecond`, in nanoseconds.
    public static let nanosecond: UInt64 = 1
    /// Go's `time.Microsecond`, in nanoseconds.
    public static let microsecond: UInt64 = 1_000
    /// Go's `time.Millisecond`, in nanoseconds.
    public static let millisecond: UInt64 = 1_000_000
    /// Go's `time.Second`, in nanoseconds.
    public static let second: UInt64 = 1_000_000_000
    /// Go's `time.Minute`, in nanoseconds.
    public static let minute: UInt64 = 60 * second
    /// Go's `time.Hour`, in nanoseconds.
    public static let hour: UInt64 = 60 * minute

    /// A parse failure, worded as Go's `time` package words it.
    public struct ParseError: Error, CustomStringConvertible {
        /// The error text.
        public let description: String
    }

    /// `time.ParseDuration`: a sign, then numbers with optional fractions each followed by a unit
    /// (`ns us µs μs ms s m h`), such as `1h30m`, `-1.5h` or `300ms`.
    public static func parse(_ text: String) throws(ParseError) -> Int64 {
        let original = text
        var s = Array(text.utf8)[...]
        func invalid() -> ParseError { ParseError(description: "time: invalid duration " + GoTimeQuote.quote(original)) }
        var negative = false
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual("0".utf8) { return 0 }
        if s.isEmpty { throw invalid() }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var total: UInt64 = 0
        let limit: UInt64 = 1 << 63
        while let first = s.first {
            guard first == UInt8(ascii: ".") || isDigit(first) else { throw invalid() }
            // Integer part.
            var v: UInt64 = 0
            var consumed = 0
            while let c = s.first, isDigit(c) {
                if v > limit / 10 { throw invalid() }
                v = v * 10 + UInt64(c - 0x30)
                if v > limit { throw invalid() }
                s = s.dropFirst()
                consumed += 1
            }
            let hasInteger = consumed > 0
            // Fraction.
            var fraction: UInt64 = 0
            var scale = 1.0
            var hasFraction = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                var overflow = false
                while let c = s.first, isDigit(c) {
                    hasFraction = true
                    s = s.dropFirst()
                    if overflow { continue }
                    let next = fraction > UInt64(Int64.max) / 10 ? limit + 1 : fraction * 10 + UInt64(c - 0x30)
                    if next > limit {
                        overflow = true
                        continue
                    }
                    fraction = next
                    scale *= 10
                }
            }
            if !hasInteger && !hasFraction { throw invalid() }
            // Unit.
            var unitLength = 0
            for c in s {
                if c == UInt8(ascii: ".") || isDigit(c) { break }
                unitLength += 1
            }
            if unitLength == 0 { throw ParseError(description: "time: missing unit in duration " + GoTimeQuote.quote(original)) }
            let unitText = String(decoding: s.prefix(unitLength), as: UTF8.self)
            s = s.dropFirst(unitLength)
            guard let unit = units[unitText] else {
                throw ParseError(description: "time: unknown unit " + GoTimeQuote.quote(unitText) + " in duration " + GoTimeQuote.quote(original))
            }
            if v > limit / unit { throw invalid() }
            v *= unit
            if fraction > 0 {
                v += UInt64(Double(fraction) * (Double(unit) / scale))
                if v > limit { throw invalid() }
            }
            total += v
            if total > limit { throw invalid() }
        }
        if negative { return total == limit ? Int64.min : -Int64(total) }
        if total > limit - 1 { throw invalid() }
        return Int64(total)
    }

    /// The unit suffixes `time.ParseDuration` accepts, in nanoseconds.
    public static let units: [String: UInt64] = [
        "ns": nanosecond, "us": microsecond, "\u{B5}s": microsecond, "\u{3BC}s": microsecond,
        "ms": millisecond, "s": second, "m": minute, "h": hour,
    ]

    /// `Duration.String`: `72h3m0.5s`, `1.5s`, `300ms`, `2µs`, `0s`.
    public static func string(_ d: Int64) -> String {
        let negative = d < 0
        var u = d.magnitude
        var out = ""
        if u < second {
            if u == 0 { return "0s" }
            let precision: Int
            let unit: String
            if u < microsecond {
                precision = 0
                unit = "ns"
            } else if u < millisecond {
                precision = 3
                unit = "\u{B5}s"
            } else {
                precision = 6
                unit = "ms"
            }
            let (fraction, rest) = fractionText(u, precision)
            out = String(rest) + fraction + unit
        } else {
            let (fraction, seconds) = fractionText(u, 9)
            u = seconds
            out = String(u % 60) + fraction + "s"
            u /= 60
            if u > 0 {
                out = String(u % 60) + "m" + out
                u /= 60
                if u > 0 { out = String(u) + "h" + out }
            }
        }
        return negative ? "-" + out : out
    }

    /// The fraction `v / 10^precision` as `.ddd` without trailing zeros (nothing when zero), and
    /// the integer part.
    private static func fractionText(_ v: UInt64, _ precision: Int) -> (String, UInt64) {
        var v = v
        var digits: [UInt8] = []
        var printing = false
        for _ in 0..<precision {
            let digit = UInt8(v % 10)
            printing = printing || digit != 0
            if printing { digits.append(0x30 + digit) }
            v /= 10
        }
        if !printing { return ("", v) }
        return ("." + String(decoding: digits.reversed(), as: UTF8.self), v)
    }
}

/// The `time` package's own quoting in error messages: `"` around, `"` and `\` escaped, control and
/// non-ASCII bytes as `\xHH`.
public enum GoTimeQuote {
    /// Go's quoting of a value in time parse errors (`"…"` with escapes).
    public static func quote(_ s: String) -> String {
        var out = "\""
        let hex = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            if b >= 0x80 || b < 0x20 {
                out += "\\x"
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 0xF)]))
            } else {
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { out += "\\" }
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out + "\""
    }
}
