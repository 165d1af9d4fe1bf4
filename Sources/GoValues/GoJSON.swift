/// JSON exactly as Go's `encoding/json` writes and reads it for `interface{}` values
/// (Helm's `toJson`, sprig's `toPrettyJson`, Helm's `fromJson`).
///
/// Writing: map keys sorted byte-wise, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`...,
/// floats in `encoding/json`'s format (`1e+21`, `1e-7`, otherwise plain decimals), NaN/±Inf
/// refused. Reading: every number becomes a float64 (`Value.float`), duplicate keys keep the
/// last value.
public enum GoJSON {
    /// What `json.Marshal` refuses.
    public enum EncodeError: Error, Sendable, Equatable, CustomStringConvertible {
        case unsupportedFloat(Double)
        /// Nested deeper than the encoder's bound (Go's 10,000 for indented output; meshrender's
        /// `GoJSON.maxEncodingDepth` for compact output, where Go has none).
        case tooDeep(Int)

        public var description: String {
            switch self {
            case .unsupportedFloat(let f): return "json: unsupported value: \(GoFormat.float(f))"
            case .tooDeep(let n): return "json: value nested deeper than \(n) levels"
            }
        }
    }

    /// `json.Marshal(v)`, or the error it returns (NaN or ±Inf anywhere in `v`).
    public static func encodeChecked(_ v: Value, escapeHTML: Bool = true) throws(EncodeError) -> String {
        var w = JSONWriter(escapeHTML: escapeHTML, indentUnit: nil)
        try w.write(v, depth: 0)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// `json.MarshalIndent(v, "", indent)`, or the error it returns.
    public static func encodeIndentedChecked(_ v: Value, indent: String = "  ", escapeHTML: Bool = true)
        throws(EncodeError) -> String
    {
        var w = JSONWriter(escapeHTML: escapeHTML, indentUnit: Array(indent.utf8))
        try w.write(v, depth: 0)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Helm's `toJson`: `json.Marshal(v)`, or `""` when Go fails (NaN/±Inf).
    /// With `escapeHTML: false` it is sprig's `toRawJson`.
    public static func encode(_ v: Value, escapeHTML: Bool = true) -> String {
        (try? encodeChecked(v, escapeHTML: escapeHTML)) ?? ""
    }

    /// sprig's `toPrettyJson`: `json.MarshalIndent(v, "", "  ")`, or `""` when Go fails.
    public static func encodeIndented(_ v: Value, indent: String = "  ", escapeHTML: Bool = true) -> String {
        (try? encodeIndentedChecked(v, indent: indent, escapeHTML: escapeHTML)) ?? ""
    }
}

/// Appends JSON for a `Value` to a byte buffer.
struct JSONWriter {
    let escapeHTML: Bool
    /// `nil` for compact output.
    let indentUnit: [UInt8]?
    var bytes: [UInt8] = []

    /// Indented output goes through Go's `json.Indent`, whose scanner stops past 10,000 levels;
    /// compact output has no bound in Go, and ``GoJSON/maxEncodingDepth`` here.
    var maxDepth: Int { indentUnit == nil ? GoJSON.maxEncodingDepth : GoJSON.maxIndentDepth }

    init(escapeHTML: Bool, indentUnit: [UInt8]?) {
        self.escapeHTML = escapeHTML
        self.indentUnit = indentUnit
        bytes.reserveCapacity(128)
    }

    mutating func write(_ v: Value, depth: Int) throws(GoJSON.EncodeError) {
        if depth > maxDepth { throw .tooDeep(maxDepth + 1) }
        switch v {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i), .int64(let i): append(String(i))
        case .float(let f):
            guard f.isFinite else { throw .unsupportedFloat(f) }
            append(GoJSON.floatText(f))
        case .string(let s): writeString(s)
        case .nilList: append("null")
        case .list(let items):
            if items.isEmpty {
                append("[]")
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                try write(item, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .map(let m):
            if m.isEmpty {
                append("{}")
                return
            }
            bytes.append(UInt8(ascii: "{"))
            for (i, key) in m.keys.sorted(by: Value.goLess).enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(key)
                bytes.append(UInt8(ascii: ":"))
                if indentUnit != nil { bytes.append(0x20) }
                try write(m[key] ?? .null, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ depth: Int) {
        guard let unit = indentUnit else { return }
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: unit) }
    }

    private mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ s: String, normalized: Bool = false) {
        let start = bytes.count
        bytes.append(UInt8(ascii: "\""))
        let u = s.utf8
        var i = u.startIndex
        while i != u.endIndex {
            let c = u[i]
            if c >= 0x80 {
                // A byte that is not UTF-8 (its stand-in, F4 8F BC..BF xx) is `\ufffd`, as Go writes it.
                if c == 0xF4, ByteString.byte(s.unicodeScalars[i]) != nil {
                    if !normalized {
                        // Stand-ins joined from several strings may spell a character: write that.
                        let text = ByteString.normalized(s)
                        if !text.utf8.elementsEqual(s.utf8) {
                            bytes.removeSubrange(start...)
                            writeString(text, normalized: true)
                            return
                        }
                    }
                    appendU(0xFFFD)
                    i = u.index(i, offsetBy: 4)
                    continue
                }
                // U+2028 / U+2029 (E2 80 A8 / E2 80 A9) are escaped; other characters copied.
                if c == 0xE2 {
                    let j = u.index(after: i)
                    if j != u.endIndex, u[j] == 0x80 {
                        let k = u.index(after: j)
                        if k != u.endIndex, u[k] == 0xA8 || u[k] == 0xA9 {
                            appendU(u[k] == 0xA8 ? 0x2028 : 0x2029)
                            i = u.index(after: k)
                            continue
                        }
                    }
                }
                bytes.append(c)
            } else {
                switch c {
                case UInt8(ascii: "\""): append2(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): append2(UInt8(ascii: "\\"))
                case 0x08: append2(UInt8(ascii: "b"))
                case 0x0C: append2(UInt8(ascii: "f"))
                case 0x0A: append2(UInt8(ascii: "n"))
                case 0x0D: append2(UInt8(ascii: "r"))
                case 0x09: append2(UInt8(ascii: "t"))
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    if escapeHTML { appendU(UInt32(c)) } else { bytes.append(c) }
                default:
                    if c < 0x20 { appendU(UInt32(c)) } else { bytes.append(c) }
                }
            }
            i = u.index(after: i)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append2(_ c: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(c)
    }

    private mutating func appendU(_ v: UInt32) {
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hex[Int((v >> UInt32(shift)) & 0xF)])
        }
    }
}
