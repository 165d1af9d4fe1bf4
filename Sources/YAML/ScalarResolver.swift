import FoundationEssentials
import Diagnostics

/// Helm's typing of YAML scalars (go-yaml v2 rules, as Helm reads values files).
///
/// Plain `yes`/`on`/`true` are booleans, `~`/`null`/empty are null, `012` is octal,
/// `0x1F` hex, `1_000` an integer, `1.0`/`1e3`/`.inf` floats; timestamps and out-of-range
/// floats (`1e400`) stay strings; quoted scalars are strings; unknown tags (`!foo 12`, `! 12`)
/// make strings; `!!binary` is base64-decoded.
public enum ScalarResolver {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trues: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falses: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// The typed value of a plain (unquoted, untagged) scalar.
    public static func resolvePlain(_ s: String) -> Node.Kind {
        switch GoYAMLResolve.resolve(s) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        // Helm's values pass through JSON: integers beyond Int64 arrive as float64.
        case .uint(let u): return .float(Double(u))
        case .float(let f): return .float(f)
        case .bigInt: return .float(bigIntApproximation(s))
        case .timestamp, .string: return .string(s)
        }
    }

    /// Number per go-yaml v2 (`nil` when `s` is not a number).
    static func number(_ s: String) -> Node.Kind? {
        switch GoYAMLResolve.resolve(s) {
        case .int(let i): return .int(i)
        case .uint(let u): return .float(Double(u))
        case .float(let f): return .float(f)
        case .bigInt: return .float(bigIntApproximation(s))
        default: return nil
        }
    }

    /// The float64 nearest to an unsigned integer literal too large for 64 bits (`0x1_0000...`).
    static func bigIntApproximation(_ s: String) -> Double {
        var u = Substring(s.filter { $0 != "_" })
        var radix = 10.0
        if u.hasPrefix("0x") || u.hasPrefix("0X") {
            radix = 16
            u = u.dropFirst(2)
        } else if u.hasPrefix("0o") || u.hasPrefix("0O") {
            radix = 8
            u = u.dropFirst(2)
        } else if u.hasPrefix("0b") || u.hasPrefix("0B") {
            radix = 2
            u = u.dropFirst(2)
        } else if u.hasPrefix("0") {
            radix = 8
        }
        var d = 0.0
        for c in u {
            guard let digit = c.hexDigitValue else { continue }
            d = d * radix + Double(digit)
        }
        return d
    }

    /// A scalar with an explicit tag (`!!str 12`, `!!int "5"`, `!foo x`, ...).
    static func resolveTagged(_ value: String, tag: String, at mark: Mark) throws(YAMLError) -> Node.Kind {
        let short = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        switch short {
        case "!!str", "!!timestamp": return .string(value)
        case "!!binary":
            let compact = value.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else {
                throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
            }
            return .string(String(decoding: data, as: UTF8.self))
        case "!!null":
            guard nulls.contains(value) else { throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark) }
            return .null
        case "!!bool":
            if trues.contains(value) { return .bool(true) }
            if falses.contains(value) { return .bool(false) }
            throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
        case "!!int":
            switch GoYAMLResolve.resolve(value) {
            case .int(let i): return .int(i)
            case .uint(let u): return .float(Double(u))
            default: throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
            }
        case "!!float":
            switch number(value) {
            case .int(let i)?: return .float(Double(i))
            case .float(let f)?: return .float(f)
            default: throw YAMLError(.invalidTaggedValue(tag: short, value: value), at: mark)
            }
        default:
            // go-yaml keeps the text of scalars with tags it does not know.
            return .string(value)
        }
    }
}
