import GoValues
import YAML

/// Typing of `--set` values (Helm's `typedVal`).
enum SetScalar {
    /// `true`/`false`/`null` in any case; `0`; integers without a leading zero that fit in
    /// 64 bits (an optional sign allowed); everything else stays a string.
    static func typed(_ text: String) -> Node.Kind {
        if equalFold(text, "true") { return .bool(true) }
        if equalFold(text, "false") { return .bool(false) }
        if equalFold(text, "null") { return .null }
        if text == "0" { return .int(0) }
        if let first = text.utf8.first, first != UInt8(ascii: "0"), let i = Int64(text) {
            return .int(i)
        }
        return .string(text)
    }

    /// Go's `strings.EqualFold` against a lower-case ASCII word: ASCII letters in any case,
    /// plus the two non-ASCII runes whose case folding reaches ASCII (ſ → s, K (Kelvin) → k).
    static func equalFold(_ text: String, _ word: String) -> Bool {
        var a = text.unicodeScalars.makeIterator()
        var b = word.unicodeScalars.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if fold(x) != y { return false }
            default: return false
            }
        }
    }

    private static func fold(_ r: Unicode.Scalar) -> Unicode.Scalar {
        switch r.value {
        case 0x41...0x5A: return Unicode.Scalar(r.value + 0x20) ?? r
        case 0x17F: return "s"
        case 0x212A: return "k"
        default: return r
        }
    }
}

/// Go's `strconv.Atoi` with its error texts.
enum GoAtoi {
    struct Failure: Error { var message: String }

    static func parse(_ text: String) -> Result<Int, Failure> {
        if let i = Int(text), isDecimal(text) { return .success(i) }
        let reason = isDecimal(text) ? "value out of range" : "invalid syntax"
        return .failure(Failure(message: "strconv.Atoi: parsing \(GoQuote.quote(text)): \(reason)"))
    }

    /// `[+-]?[0-9]+`
    private static func isDecimal(_ text: String) -> Bool {
        var digits = Substring(text).utf8[...]
        if let f = digits.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
