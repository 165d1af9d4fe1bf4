/// Helm's typing of YAML scalars (go-yaml v2 rules, as Helm reads values files).
///
/// Plain `yes`/`on`/`true` are booleans, `~`/`null`/empty are null, `012` is octal,
/// `0x1F` hex, `1_000` an integer, `1.0`/`1e3`/`.inf` floats; quoted scalars are strings.
public enum ScalarResolver {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trues: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falses: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// The typed value of a plain (unquoted, untagged) scalar.
    public static func resolvePlain(_ s: String) -> Node.Kind {
        guard let first = s.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if nulls.contains(s) { return .null }
        default: break
        }
        if trues.contains(s) { return .bool(true) }
        if falses.contains(s) { return .bool(false) }
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let n = number(s) { return n }
        default: break
        }
        return .string(s)
    }

    /// Number per go-yaml v2: special floats, then Go's `ParseInt(s, 0, 64)` on the text
    /// without underscores, then a YAML-style float.
    static func number(_ s: String) -> Node.Kind? {
        switch s {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let plain = s.contains("_") ? String(s.filter { $0 != "_" }) : s
        if let i = parseGoInt(plain) { return .int(i) }
        if let u = parseGoUInt(plain) { return .float(Double(u)) }
        if isYAMLFloat(plain), let d = Double(plain) { return .float(d) }
        if plain.hasPrefix("0b") || plain.hasPrefix("-0b") {
            let neg = plain.hasPrefix("-")
            if let v = Int64(plain.dropFirst(neg ? 3 : 2), radix: 2) { return .int(neg ? -v : v) }
        }
        return nil
    }

    /// Go `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`, `0o`, `0b` or a leading `0` (octal).
    static func parseGoInt(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix = 10
        if body.count > 1, body.first == "0" {
            let second = body[body.index(after: body.startIndex)]
            switch second {
            case "x", "X": radix = 16; body = body.dropFirst(2)
            case "o", "O": radix = 8; body = body.dropFirst(2)
            case "b", "B": radix = 2; body = body.dropFirst(2)
            default: radix = 8; body = body.dropFirst()
            }
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        guard let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    static func parseGoUInt(_ s: String) -> UInt64? {
        guard !s.hasPrefix("-") else { return nil }
        let body = s.hasPrefix("+") ? String(s.dropFirst()) : s
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), body.first != "0" else { return nil }
        return UInt64(body)
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLFloat(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        func digits() -> Int {
            var n = 0
            while let c = u.first, c >= 48, c <= 57 { u = u.dropFirst(); n += 1 }
            return n
        }
        if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            if digits() == 0 { return false }
        } else {
            if digits() == 0 { return false }
            if u.first == UInt8(ascii: ".") { u = u.dropFirst(); _ = digits() }
        }
        if u.first == UInt8(ascii: "e") || u.first == UInt8(ascii: "E") {
            u = u.dropFirst()
            if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
            if digits() == 0 { return false }
        }
        return u.isEmpty
    }

    /// A scalar with an explicit standard tag (`!!str 12`, `!!int "5"`, ...).
    static func resolveTagged(_ value: String, tag: String, at mark: Mark) throws(YAMLError) -> Node.Kind {
        let short = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        switch short {
        case "!!str", "!!binary", "!!timestamp": return .string(value)
        case "!!null":
            guard nulls.contains(value) else { throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark) }
            return .null
        case "!!bool":
            if trues.contains(value) { return .bool(true) }
            if falses.contains(value) { return .bool(false) }
            throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
        case "!!int":
            if case .int(let i)? = number(value) { return .int(i) }
            throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
        case "!!float":
            switch number(value) {
            case .int(let i)?: return .float(Double(i))
            case .float(let f)?: return .float(f)
            default: throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
            }
        default:
            return resolvePlain(value)
        }
    }
}
