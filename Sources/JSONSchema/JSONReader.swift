import GoValues

/// Reads JSON text into ``JSON``. Syntax errors carry Go's wording and where they are (the text
/// is first checked by the project's Go-compatible decoder, then read here keeping member order
/// and number literals).
enum JSONReader {
    static func read(_ bytes: [UInt8]) throws(SchemaError) -> JSON {
        // Text that is not valid UTF-8 is read as Swift repairs it; ASCII text (the usual schema) is its own repair.
        let utf8 = isASCII(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
        do {
            try GoJSON.validate(utf8)
        } catch {
            let text = String(decoding: utf8, as: UTF8.self)
            // Helm reads the schema with a streaming decoder, which words the ends of the text its own way.
            var message = error.message
            if text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
                message = "EOF"
            } else if message == "unexpected end of JSON input" {
                message = "unexpected EOF"
            } else if message.hasPrefix("invalid character "), message.hasSuffix(" after top-level value") {
                message = "invalid character after top-level value"
            }
            throw SchemaError(message, line: error.line, column: error.column)
        }
        var reader = Cursor(bytes: utf8)
        return reader.value()
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            var high: UInt64 = 0
            while i + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < raw.count {
                high |= UInt64(raw[i])
                i += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
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

        /// A string literal (already known to be valid): plain text as it is, escapes decoded by the
        /// project's Go-compatible decoder.
        mutating func string() -> String {
            let start = i
            i += 1  // opening quote
            var escaped = false
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
                i += 1
            }
            i += 1  // closing quote
            guard escaped else { return String(decoding: bytes[(start + 1)..<(i - 1)], as: UTF8.self) }
            if case .string(let text)? = try? GoJSON.decode(String(decoding: bytes[start..<i], as: UTF8.self)) { return text }
            return ""
        }
    }
}
