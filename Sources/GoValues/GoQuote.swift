/// Go's `strconv.Quote` / `strconv.Unquote`: template literals, `%q`, and the quoting in Helm's error messages.
public enum GoQuote {
    public struct SyntaxError: Error {}

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrint(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x20 && s.value < 0x7F }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// `strconv.Quote(s)`: a double-quoted Go string literal.
    public static func quote(_ s: String, asciiOnly: Bool = false) -> String {
        if let plain = quotedPrintableASCII(s) { return plain }
        var out = "\""
        appendQuoted(s, quote: "\"", asciiOnly: asciiOnly, into: &out)
        out += "\""
        return out
    }

    /// `"s"` when every byte of `s` is printable ASCII other than `"` and `\` (nothing to
    /// escape); nil otherwise.
    static func quotedPrintableASCII(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { src -> String? in
            for b in src where b < 0x20 || b > 0x7E || b == 0x22 || b == 0x5C { return nil }
            return String(unsafeUninitializedCapacity: src.count + 2) { dst in
                dst[0] = 0x22
                if let base = src.baseAddress, let out = dst.baseAddress { (out + 1).update(from: base, count: src.count) }
                dst[src.count + 1] = 0x22
                return src.count + 2
            }
        }
    }

    /// `strconv.QuoteRune(r)`.
    public static func quoteRune(_ r: Unicode.Scalar) -> String {
        var out = "'"
        appendQuoted(String(Character(r)), quote: "'", asciiOnly: false, into: &out)
        out += "'"
        return out
    }

    /// `fmt.Sprintf("%q", runes)` for a `[]rune`: `['a' 'b']`.
    public static func quoteRunes(_ runes: some Sequence<Unicode.Scalar>) -> String {
        "[" + runes.map(quoteRune).joined(separator: " ") + "]"
    }

    /// Appends `s` escaped as Go's `strconv.Quote` escapes it; a byte that is not UTF-8 (its
    /// stand-in, see ``ByteString``) as `\xHH`.
    public static func appendQuoted(_ s: String, quote: Unicode.Scalar, asciiOnly: Bool, into out: inout String) {
        let holdsBytes = ByteString.mayHoldBytes(s)
        for r in (holdsBytes ? ByteString.normalized(s) : s).unicodeScalars {
            if holdsBytes, let byte = ByteString.byte(r) {
                out += "\\x" + hex(UInt32(byte), width: 2)
                continue
            }
            if r == quote || r == "\\" {
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(r)
                continue
            }
            if asciiOnly ? (r.value < 0x80 && isPrint(r)) : isPrint(r) {
                out.unicodeScalars.append(r)
                continue
            }
            switch r {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if r.value < 0x20 || r.value == 0x7F {
                    out += "\\x" + hex(r.value, width: 2)
                } else if r.value < 0x10000 {
                    out += "\\u" + hex(r.value, width: 4)
                } else {
                    out += "\\U" + hex(r.value, width: 8)
                }
            }
        }
    }

    public static func hex(_ v: UInt32, width: Int) -> String {
        var s = String(v, radix: 16)
        while s.count < width { s = "0" + s }
        return s
    }

    /// `strconv.Unquote` for a double-quoted or back-quoted literal. A literal without escapes
    /// (nearly all of them) is its text between the quotes, taken without decoding characters.
    public static func unquote(_ literal: String) throws -> String {
        let bytes = literal.utf8
        guard bytes.count >= 2, let first = bytes.first, first == bytes.last,
              first == UInt8(ascii: "`") || first == UInt8(ascii: "\"")
        else { throw SyntaxError() }
        let body = bytes.dropFirst().dropLast()
        if first == UInt8(ascii: "`") {
            if body.contains(UInt8(ascii: "`")) { throw SyntaxError() }
            if !body.contains(UInt8(ascii: "\r")) { return String(decoding: body, as: UTF8.self) }
            return String(decoding: body.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)  // Go drops carriage returns
        }
        if !body.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) {
            // A byte of the literal itself that is not UTF-8 reads as U+FFFD (a back-quoted literal keeps it).
            return ByteString.runes(String(decoding: body, as: UTF8.self))
        }
        // A byte of the literal itself that is not UTF-8 reads as U+FFFD.
        let scalars = Array(ByteString.runes(literal).unicodeScalars)
        var i = 1
        let end = scalars.count - 1
        // Go's `\x` and octal escapes are bytes: collected as such, then read as UTF-8 (a byte
        // that is not UTF-8 kept as its stand-in).
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        while i < end {
            let (value, isByte, next) = try unquoteChar(scalars, at: i, end: end, quote: "\"")
            if isByte { out.append(UInt8(value.value)) } else { out.append(contentsOf: UTF8.encode(value)!) }
            i = next
        }
        return ByteString.string(out)
    }

    /// The value of a character constant `'x'` (Go's rules for escapes).
    public static func unquoteCharConstant(_ literal: String) throws -> Unicode.Scalar {
        let scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 3, scalars.first == "'", scalars.last == "'" else { throw SyntaxError() }
        let (value, _, next) = try unquoteChar(scalars, at: 1, end: scalars.count - 1, quote: "'")
        guard next == scalars.count - 1 else { throw SyntaxError() }
        return value
    }

    /// Decodes one (possibly escaped) character starting at `i`; returns it, whether it is a byte
    /// (a `\x` or octal escape, whose value in a string is a byte, not a character) and the index after it.
    private static func unquoteChar(
        _ s: [Unicode.Scalar], at i: Int, end: Int, quote: Unicode.Scalar
    ) throws -> (Unicode.Scalar, Bool, Int) {
        let c = s[i]
        if c == quote && (quote == "'" || quote == "\"") { throw SyntaxError() }
        if c != "\\" {
            if c == "\n" && quote == "\"" { throw SyntaxError() }
            return (c, false, i + 1)
        }
        guard i + 1 < end else { throw SyntaxError() }
        let e = s[i + 1]
        switch e {
        case "a": return ("\u{07}", false, i + 2)
        case "b": return ("\u{08}", false, i + 2)
        case "f": return ("\u{0C}", false, i + 2)
        case "n": return ("\n", false, i + 2)
        case "r": return ("\r", false, i + 2)
        case "t": return ("\t", false, i + 2)
        case "v": return ("\u{0B}", false, i + 2)
        case "\\": return ("\\", false, i + 2)
        case "'", "\"":
            guard e == quote else { throw SyntaxError() }
            return (e, false, i + 2)
        case "x", "u", "U":
            let count = e == "x" ? 2 : (e == "u" ? 4 : 8)
            guard i + 2 + count <= end else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 0..<count {
                guard let d = hexDigit(s[i + 2 + k]) else { throw SyntaxError() }
                v = v * 16 + d
            }
            guard let scalar = Unicode.Scalar(v) else { throw SyntaxError() }
            return (scalar, e == "x", i + 2 + count)
        case "0"..."7":
            guard i + 4 <= end else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 0..<3 {
                let d = s[i + 1 + k]
                guard d >= "0" && d <= "7" else { throw SyntaxError() }
                v = v * 8 + (d.value - 48)
            }
            guard v <= 255, let scalar = Unicode.Scalar(v) else { throw SyntaxError() }
            return (scalar, true, i + 4)
        default:
            throw SyntaxError()
        }
    }

    private static func hexDigit(_ s: Unicode.Scalar) -> UInt32? {
        switch s {
        case "0"..."9": return s.value - 48
        case "a"..."f": return s.value - 87
        case "A"..."F": return s.value - 55
        default: return nil
        }
    }
}
