/// A JSON number kept exactly: the decimal `digits × 10^exponent` (no leading or trailing zero
/// digits; zero has no digits), the text it was written as, and its nearest `Double`.
///
/// Comparisons and `multipleOf` work on the decimal, so `0.0075` is a multiple of `0.0001` and
/// large integers compare exactly, as Go's `big.Rat` does them.
public struct JSONNumber: Sendable, Equatable {
    /// Whether the number is below zero (zero is never negative).
    public let negative: Bool
    /// Decimal digits as ASCII bytes, most significant first.
    public let digits: [UInt8]
    /// The power of ten the digits are scaled by.
    public let exponent: Int
    /// The literal as written (schema numbers display as written).
    public let text: String
    /// The nearest float64.
    public let double: Double

    /// Parses a JSON number literal (or Swift's description of a Double); nil when it is none.
    public init?(_ literal: String) {
        var bytes = Array(literal.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var exponent = 0
        var seenDigit = false, seenPoint = false
        while let c = bytes.first {
            if c >= 48 && c <= 57 {
                seenDigit = true
                digits.append(c)
                if seenPoint { exponent -= 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else { break }
            bytes = bytes.dropFirst()
        }
        guard seenDigit else { return nil }
        if let c = bytes.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if bytes.first == UInt8(ascii: "-") { expNegative = true; bytes = bytes.dropFirst() }
            else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var e = 0
            guard !bytes.isEmpty else { return nil }
            while let d = bytes.first, d >= 48 && d <= 57 {
                e = min(e * 10 + Int(d - 48), 1_000_000)
                bytes = bytes.dropFirst()
            }
            exponent += expNegative ? -e : e
        }
        guard bytes.isEmpty, let double = Double(literal) else { return nil }
        self.init(negative: negative, digits: digits, exponent: exponent, text: literal, double: double)
    }

    private init(negative: Bool, digits raw: [UInt8], exponent: Int, text: String, double: Double) {
        var digits = raw[...]
        var exponent = exponent
        while digits.first == 48 { digits = digits.dropFirst() }
        while digits.last == 48 { digits = digits.dropLast(); exponent += 1 }
        self.digits = Array(digits)
        self.exponent = digits.isEmpty ? 0 : exponent
        self.negative = digits.isEmpty ? false : negative
        self.text = text
        self.double = double
    }

    /// The number a float64 holds, as Go's shortest formatting writes it.
    public init(_ value: Double) {
        self = JSONNumber(value.isFinite ? "\(value)" : "0") ?? JSONNumber(integer: 0)
    }

    /// An integer.
    public init(integer value: Int64) {
        self = JSONNumber(String(value))!
    }

    /// Whether the number is zero.
    public var isZero: Bool { digits.isEmpty }

    /// Whether the number has no fractional part.
    public var isInteger: Bool { exponent >= 0 }

    /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
    public func compare(_ other: JSONNumber) -> Int {
        if negative != other.negative { return negative ? -1 : 1 }
        let magnitude = JSONNumber.compareMagnitude(self, other)
        return negative ? -magnitude : magnitude
    }

    private static func compareMagnitude(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        if a.isZero || b.isZero { return a.isZero ? (b.isZero ? 0 : -1) : 1 }
        let aTop = a.digits.count + a.exponent, bTop = b.digits.count + b.exponent
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        for i in 0..<max(a.digits.count, b.digits.count) {
            let x = i < a.digits.count ? a.digits[i] : 48, y = i < b.digits.count ? b.digits[i] : 48
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self / divisor` is an integer (`divisor` not zero).
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if isZero { return true }
        if divisor.isZero { return false }
        let shift = exponent - divisor.exponent
        // The dividend's digits have no trailing zeros: a shift below zero leaves a fraction.
        if shift < 0 { return false }
        guard divisor.digits.count <= 18 else {
            let q = double / divisor.double
            return q.isFinite && q == q.rounded()
        }
        var modulus: UInt64 = 0
        for d in divisor.digits { modulus = modulus * 10 + UInt64(d - 48) }
        var remainder: UInt64 = 0
        for d in digits { remainder = (remainder * 10 + UInt64(d - 48)) % modulus }
        for _ in 0..<min(shift, 10_000) {
            if remainder == 0 { return true }
            remainder = (remainder * 10) % modulus
        }
        return remainder == 0
    }
}
