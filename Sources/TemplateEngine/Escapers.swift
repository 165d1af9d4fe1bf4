import GoValues
/// Go's `html`, `js` and `urlquery` escaping (`template.HTMLEscapeString`, `JSEscapeString`,
/// `url.QueryEscape`).
enum Escapers {
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func js(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if c.value < 0x20 {
                    out += "\\u00" + GoQuote.hex(c.value, width: 2).uppercased()
                } else if c.value >= 0x80 && !GoQuote.isPrint(c) && ByteString.byte(c) == nil {
                    // (A byte that is not UTF-8 is copied: Go reads it as U+FFFD, which is printable.)
                    out += "\\u" + GoQuote.hex(c.value, width: 4).uppercased()
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// `url.QueryEscape`: unreserved characters kept, space as `+`, everything else `%XX`.
    static func queryEscape(_ s: String) -> String {
        var out = ""
        for b in ByteString.bytes(s) {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + GoQuote.hex(UInt32(b), width: 2).uppercased()
            }
        }
        return out
    }
}
