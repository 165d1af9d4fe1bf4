/// Go's `%q` quoting, used verbatim in Helm's error messages.
enum GoQuote {
    /// `strconv.Quote(s)`: double quotes, Go escapes for `"`, `\` and non-printable characters.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars { append(scalar, quote: "\"", into: &out) }
        out += "\""
        return out
    }

    /// `strconv.QuoteRune(r)`: single quotes.
    static func rune(_ r: Unicode.Scalar) -> String {
        var out = "'"
        append(r, quote: "'", into: &out)
        out += "'"
        return out
    }

    /// `fmt.Sprintf("%q", runes)` for a `[]rune`: `['a' 'b']`.
    static func runes(_ runes: some Sequence<Unicode.Scalar>) -> String {
        "[" + runes.map(rune).joined(separator: " ") + "]"
    }

    private static func append(_ r: Unicode.Scalar, quote: Unicode.Scalar, into out: inout String) {
        if r == quote || r == "\\" {
            out += "\\"
            out.unicodeScalars.append(r)
            return
        }
        if isPrint(r) {
            out.unicodeScalars.append(r)
            return
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

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ r: Unicode.Scalar) -> Bool {
        if r == " " { return true }
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Go's `unicode.IsSpace`.
func isGoSpace(_ r: Unicode.Scalar) -> Bool {
    switch r.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
    case 0...0xFF: return false
    default:
        switch r.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
