/// Would go-yaml v2 read a plain (unquoted) string back as something other than a string?
///
/// This is the quoting decision of go-yaml's encoder: such strings are written double-quoted.
/// It follows go-yaml v2's `resolve("", s)`: the first character picks the candidates (sign,
/// digit, `.`, or one of `yYnNtTfFoO~`), then the fixed words (bools, nulls, `.inf`, `.nan`),
/// timestamps, Go integers of any base, and YAML floats are tried; base-60 floats (`1:20`) are
/// quoted too.
enum PlainResolution {
    private static let words: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ]

    /// True when `s` written plain would not read back as the same string.
    static func needsQuotes(_ s: String) -> Bool {
        resolvesToNonString(s) || isBase60Float(s)
    }

    static func resolvesToNonString(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return true }  // "" is null
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return s.utf8.count <= 5 && words.contains(s)
        case UInt8(ascii: "."):
            if s.utf8.count <= 5 && words.contains(s) { return true }
            return isGoDecimalFloat(Array(s.utf8), requireLeadingDot: true)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if s.utf8.count <= 6 && words.contains(s) { return true }
            return resolvesAsNumberOrTime(s)
        default:
            return false
        }
    }

    /// The digit/sign branch of go-yaml's resolver: timestamp, Go integer, YAML float.
    private static func resolvesAsNumberOrTime(_ s: String) -> Bool {
        var bytes = Array(s.utf8)
        if Timestamp.isYAMLTimestamp(bytes) { return true }
        bytes.removeAll { $0 == UInt8(ascii: "_") }
        switch GoInteger.parse(bytes, allowSign: true) {
        case .value: return true
        case .outOfRange, .syntax: break
        }
        let unsigned = GoInteger.parse(bytes, allowSign: false)
        if case .value = unsigned { return true }
        if isYAMLFloat(bytes) && isGoDecimalFloat(bytes, requireLeadingDot: false) { return true }
        // An unsigned integer too large for 64 bits is still an integer (Go's big.Int).
        if case .outOfRange = unsigned { return true }
        return false
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLFloat(_ u: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            return i - start
        }
        if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        } else {
            if digits() == 0 { return false }
            if i < u.count, u[i] == UInt8(ascii: ".") {
                i += 1
                _ = digits()
            }
        }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == u.count
    }

    /// Go's `strconv.ParseFloat` succeeding on a decimal text (finite result). With
    /// `requireLeadingDot`, the text is one that starts with `.` (go-yaml's `.` branch).
    static func isGoDecimalFloat(_ u: [UInt8], requireLeadingDot: Bool) -> Bool {
        if requireLeadingDot {
            guard isYAMLFloat(u) else { return false }
        }
        guard let d = Double(String(decoding: u, as: UTF8.self)) else { return false }
        return d.isFinite
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    static func isBase60Float(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= 48 && c <= 57),
            u.contains(UInt8(ascii: ":"))
        else { return false }
        var i = 0
        func isDigit(_ j: Int) -> Bool { j < u.count && u[j] >= 48 && u[j] <= 57 }
        if u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return false }
        i += 1
        while i < u.count, isDigit(i) || u[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < u.count, u[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]: one digit, or two with the first in 0...5.
            guard isDigit(i) else { return false }
            if isDigit(i + 1), u[i] <= UInt8(ascii: "5") {
                i += 2
            } else {
                i += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            while i < u.count, isDigit(i) || u[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == u.count
    }
}
