/// Would go-yaml v2 read a plain (unquoted) string back as something other than a string?
///
/// This is the quoting decision of go-yaml's encoder: such strings are written double-quoted.
/// Anything `GoYAMLResolve` does not type as a string needs quotes, and so do base-60 floats
/// (`1:20`), which go-yaml reads as strings but quotes for older parsers.
enum PlainResolution {
    /// True when `s` written plain would not read back as the same string.
    static func needsQuotes(_ s: String) -> Bool {
        resolvesToNonString(s) || isBase60Float(s)
    }

    static func resolvesToNonString(_ s: String) -> Bool {
        GoYAMLResolve.resolve(s) != .string
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

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    static func isBase60Float(_ s: String) -> Bool {
        guard let c = s.utf8.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= 48 && c <= 57),
            s.utf8.contains(UInt8(ascii: ":"))
        else { return false }
        let u = Array(s.utf8)
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
