import GoValues

/// How validation messages write values: Go's `%q`-based single quoting, and numbers as Go's
/// English message printer (`golang.org/x/text/message`) writes them — digit grouping
/// (`12,345.5`), and for magnitudes from 10⁶ or below 10⁻⁴ a mantissa with a superscript
/// power of ten (`1.5×10⁰⁶`).
enum MessageFormat {
    /// `'text'`: Go-quoted, with `"` left bare and `'` escaped.
    static func quote(_ s: String) -> String {
        var q = GoQuote.quote(s)
        q.removeFirst()
        q.removeLast()
        q = q.replacing("\\\"", with: "\"")
        q = q.replacing("'", with: "\\'")
        return "'" + q + "'"
    }

    /// Quoted names joined by `, `.
    static func joinQuoted(_ names: [String]) -> String {
        names.map(quote).joined(separator: ", ")
    }

    /// An integer as `%d` prints it: grouped by thousands.
    static func integer(_ n: Int) -> String {
        let text = String(n.magnitude)
        return (n < 0 ? "-" : "") + grouped(Substring(text))
    }

    /// A number as `%v` prints the float64 nearest to it.
    static func float(_ number: JSONNumber) -> String {
        let shortest = JSONNumber(number.double)
        if shortest.isZero { return "0" }
        let digits = String(decoding: shortest.digits, as: UTF8.self)
        let point = digits.count + shortest.exponent
        let exp = point - 1
        let sign = shortest.negative ? "-" : ""
        if exp < -4 || exp >= 6 {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            return sign + mantissa + "×10" + superscript(exp)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + grouped(Substring(digits + String(repeating: "0", count: point - digits.count))) }
        let head = digits.prefix(point), tail = digits.dropFirst(point)
        return sign + grouped(head) + "." + tail
    }

    /// A primitive schema value as the messages show it: strings quoted, numbers as written,
    /// null as Go prints a nil interface.
    static func display(_ value: JSON) -> String {
        switch value {
        case .string(let s): return quote(s)
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        case .null: return "<nil>"
        case .array, .object: return "value"
        }
    }

    private static func grouped(_ digits: Substring) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    private static func superscript(_ exp: Int) -> String {
        let figures: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var text = String(exp.magnitude)
        if text.count < 2 { text = "0" + text }
        return (exp < 0 ? "⁻" : "") + String(text.map { figures[Int($0.asciiValue! - 48)] })
    }
}
