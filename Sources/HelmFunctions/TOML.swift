import GoValues

/// Helm's `toToml` and `fromToml`. `toToml`: the value written by the BurntSushi TOML encoder Helm uses. An encoding
/// error is returned as the text (Helm's behaviour), e.g. a list with a nil element.
enum TOMLFunctions {
    static let table: [String: FunctionBody] = [
        "toToml": { a in
            try Arguments("toToml", a).expect(1)
            if case .null = a[0] { throw callFailure("reflect: call of reflect.Value.Type on zero Value") }
            return .string(TOMLEncoder.encode(a[0]))
        },
        // Helm's `fromToml`: the document as a map; an error is the map's "Error" entry.
        "fromToml": { a in
            let args = Arguments("fromToml", a)
            try args.expect(1)
            do {
                return .map(try TOMLDecoder.decode(try args.string(0)))
            } catch let failure as TOMLDecoder.Failure {
                return .map(["Error": .string(failure.message)])
            }
        },
    ]
}

/// The TOML encoder's layout: at each level the keys whose values are not tables in sorted
/// order (`key = value`), then the tables (`[a.b]`) and arrays of tables (`[[a.b]]`), nested ones
/// indented by two spaces per level, a blank line before each top-level table. Maps inside arrays
/// that hold anything but maps are written inline (`{a = 1, b = 2}`); nil map values are left out.
struct TOMLEncoder {
    private var out = ""
    private var hasWritten = false

    static let nilElement = "toml: cannot encode array with nil element"
    static let noKey = "toml: top-level values must be Go maps or structs"

    struct Failure: Error { let message: String }

    /// The document for `value` (not nil), or the encoder's error text.
    static func encode(_ value: Value) -> String {
        // Go fails on the first problem it meets: a top-level array of tables has no key, and
        // it meets that before it looks inside the tables.
        if case .list(let items) = value, isTableArray(items) { return noKey }
        if containsNilElement(value) { return nilElement }
        var encoder = TOMLEncoder()
        do {
            try encoder.encode(key: [], value)
        } catch {
            return error.message
        }
        return encoder.out
    }

    /// Whether some list reachable from `value` holds a nil element (the encoder refuses it).
    static func containsNilElement(_ value: Value) -> Bool {
        switch value {
        case .list(let items):
            for item in items {
                if case .null = item { return true }
                if containsNilElement(item) { return true }
            }
            return false
        case .map(let m):
            for (_, v) in m where containsNilElement(v) { return true }
            return false
        default:
            return false
        }
    }

    private mutating func write(_ s: String) {
        out += s
        hasWritten = true
    }

    private mutating func newline() {
        if hasWritten { out += "\n" }
    }

    private static func isTableArray(_ items: [Value]) -> Bool {
        guard !items.isEmpty else { return false }
        return items.allSatisfy { if case .map = $0 { return true } else { return false } }
    }

    private static func isTable(_ v: Value) -> Bool {
        switch v {
        case .map: return true
        case .list(let items): return isTableArray(items)
        default: return false
        }
    }

    private static func indent(_ key: [String]) -> String {
        String(repeating: "  ", count: max(0, key.count - 1))
    }

    private mutating func encode(key: [String], _ v: Value) throws(Failure) {
        switch v {
        case .null:
            return
        case .map(let m):
            if key.count == 1 { newline() }
            if !key.isEmpty {
                write(TOMLEncoder.indent(key) + "[" + TOMLEncoder.dottedKey(key) + "]")
                newline()
            }
            try writeMap(key: key, m, inline: false)
        case .list(let items) where TOMLEncoder.isTableArray(items):
            if key.isEmpty { throw Failure(message: TOMLEncoder.noKey) }
            for item in items {
                guard case .map(let m) = item else { continue }
                newline()
                write(TOMLEncoder.indent(key) + "[[" + TOMLEncoder.dottedKey(key) + "]]")
                newline()
                try writeMap(key: key, m, inline: false)
            }
        default:
            writeKeyValue(key: key, v, inline: false)
        }
    }

    private mutating func writeMap(key: [String], _ m: [String: Value], inline: Bool) throws(Failure) {
        var direct: [String] = [], tables: [String] = []
        for (k, v) in m {
            if TOMLEncoder.isTable(v) { tables.append(k) } else { direct.append(k) }
        }
        if inline { write("{") }
        try writeKeys(key: key, direct.sorted(by: Value.goLess), m, inline: inline, trailingComma: !tables.isEmpty)
        try writeKeys(key: key, tables.sorted(by: Value.goLess), m, inline: inline, trailingComma: false)
        if inline { write("}") }
    }

    private mutating func writeKeys(
        key: [String], _ keys: [String], _ m: [String: Value], inline: Bool, trailingComma: Bool
    ) throws(Failure) {
        for (i, k) in keys.enumerated() {
            guard let v = m[k] else { continue }
            if case .null = v { continue }
            if inline {
                writeKeyValue(key: [k], v, inline: true)
                if trailingComma || i != keys.count - 1 { write(", ") }
            } else {
                try encode(key: key + [k], v)
            }
        }
    }

    private mutating func writeKeyValue(key: [String], _ v: Value, inline: Bool) {
        guard let last = key.last else {
            writeElement(v)
            return
        }
        write(TOMLEncoder.indent(key) + TOMLEncoder.quotedKey(last) + " = ")
        writeElement(v)
        if !inline { newline() }
    }

    private mutating func writeElement(_ v: Value) {
        switch v {
        case .null: break
        case .bool(let b): write(b ? "true" : "false")
        case .int(let n), .int64(let n): write(String(n))
        case .float(let f):
            if f.isNaN {
                write(f.sign == .minus ? "-nan" : "nan")
            } else if f.isInfinite {
                write(f < 0 ? "-inf" : "inf")
            } else {
                let text = GoFormat.value(.float(f))
                write(text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0")
            }
        case .string(let s): write(TOMLEncoder.quoted(s))
        case .nilList:
            write("[]")
        case .list(let items):
            write("[")
            for (i, item) in items.enumerated() {
                writeElement(item)
                if i != items.count - 1 { write(", ") }
            }
            write("]")
        case .map(let m):
            // Inline tables hold no arrays of tables, so nothing here can fail.
            try? writeMap(key: [], m, inline: true)
        }
    }

    /// A basic string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\uXXXX`.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u" + GoQuote.hex(c.value, width: 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    /// A key as written: bare when it is made of `A-Z a-z 0-9 _ -`, else quoted (`""` when empty).
    static func quotedKey(_ k: String) -> String {
        if k.isEmpty { return "\"\"" }
        let bare = k.unicodeScalars.allSatisfy { c in
            ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }
        return bare ? k : quoted(k)
    }

    static func dottedKey(_ key: [String]) -> String {
        key.map(quotedKey).joined(separator: ".")
    }
}
