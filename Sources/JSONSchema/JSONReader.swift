import YAMLCore

/// Reads JSON text into ``JSON``. Syntax errors carry Go's wording and where they are (the text
/// is first checked by the project's Go-compatible decoder, then read here keeping member order
/// and number literals).
enum JSONReader {
    static func read(_ bytes: [UInt8]) throws(SchemaError) -> JSON {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            _ = try GoJSON.decode(text)
        } catch {
            // Helm reads the schema with a streaming decoder, which words a truncated text so.
            let message = error.message == "unexpected end of JSON input" ? "unexpected EOF" : error.message
            throw SchemaError(message, line: error.line, column: error.column)
        }
        var reader = Cursor(bytes: Array(text.utf8))
        return reader.value()
    }

    private struct Cursor {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func value() -> JSON {
            skipSpace()
            guard i < bytes.count else { return .null }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var object = JSONObject()
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
                while i < bytes.count {
                    skipSpace()
                    let key = string()
                    skipSpace()
                    i += 1  // ':'
                    object[key] = value()
                    skipSpace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    i += 1  // '}'
                    break
                }
                return .object(object)
            case UInt8(ascii: "["):
                i += 1
                var items: [JSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while i < bytes.count {
                    items.append(value())
                    skipSpace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    i += 1  // ']'
                    break
                }
                return .array(items)
            case UInt8(ascii: "\""):
                return .string(string())
            case UInt8(ascii: "t"): i += 4; return .bool(true)
            case UInt8(ascii: "f"): i += 5; return .bool(false)
            case UInt8(ascii: "n"): i += 4; return .null
            default:
                let start = i
                while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
                let literal = String(decoding: bytes[start..<i], as: UTF8.self)
                return JSONNumber(literal).map(JSON.number) ?? .null
            }
        }

        mutating func string() -> String {
            i += 1  // opening quote
            var out: [UInt8] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    i += 1
                    switch bytes[i] {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = hex4(i + 1)
                        i += 4
                        if (0xD800..<0xDC00).contains(scalar), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") {
                            let low = hex4(i + 3)
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                                i += 6
                            }
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
                    default: out.append(bytes[i])
                    }
                    i += 1
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            i += 1  // closing quote
            return String(decoding: out, as: UTF8.self)
        }

        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at..<min(at + 4, bytes.count) {
                let c = bytes[k]
                let d: UInt32 = c >= 97 ? UInt32(c) - 87 : c >= 65 ? UInt32(c) - 55 : UInt32(c) - 48
                v = v << 4 | (d & 0xF)
            }
            return v
        }
    }
}
