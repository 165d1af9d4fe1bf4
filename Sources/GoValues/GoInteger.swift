/// Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint(s, 0, 64)` syntax: optional sign (signed only),
/// then `0x`/`0o`/`0b` prefixes, a leading `0` for octal, or decimal digits.
package enum GoInteger {
    package enum Result: Equatable {
        /// The value fits: sign and magnitude.
        case value(negative: Bool, magnitude: UInt64)
        /// Valid digits, but the number does not fit in 64 bits (signed or unsigned as asked).
        case outOfRange
        case syntax
    }

    /// Parses `u` (UTF-8, without underscores). With `allowSign` the result must fit `Int64`,
    /// otherwise `UInt64`.
    package static func parse(_ u: [UInt8], allowSign: Bool) -> Result {
        guard !u.isEmpty else { return .syntax }
        var i = 0
        var negative = false
        if allowSign, u[0] == UInt8(ascii: "+") || u[0] == UInt8(ascii: "-") {
            negative = u[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < u.count else { return .syntax }
        var base: UInt64 = 10
        if u[i] == UInt8(ascii: "0") {
            let rest = u.count - i
            let second = rest >= 3 ? u[i + 1] | 0x20 : 0
            switch second {
            case UInt8(ascii: "b"): base = 2; i += 2
            case UInt8(ascii: "o"): base = 8; i += 2
            case UInt8(ascii: "x"): base = 16; i += 2
            default: base = 8; i += 1
            }
        }
        var n: UInt64 = 0
        var overflow = false
        while i < u.count {
            let c = u[i]
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - 97 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - 65 + 10)
            default: return .syntax
            }
            guard d < base else { return .syntax }
            if !overflow {
                let (m, o1) = n.multipliedReportingOverflow(by: base)
                let (s, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { overflow = true } else { n = s }
            }
            i += 1
        }
        if overflow { return .outOfRange }
        if allowSign {
            let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
            if n > limit { return .outOfRange }
        }
        return .value(negative: negative, magnitude: n)
    }
}
