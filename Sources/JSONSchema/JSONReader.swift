import GoValues

/// Reads JSON text into ``JSON``. Syntax errors carry Go's wording and where they are. The text is read
/// once, checking its syntax as it goes; text that reading doubts is checked by the project's Go-compatible
/// decoder, whose verdict stands (its error, or a second reading of text it accepts).
enum JSONReader {
    static func read(_ bytes: [UInt8]) throws(SchemaError) -> JSON {
        // Text that is not valid UTF-8 is read as Swift repairs it; ASCII text (the usual schema) is its own repair.
        let utf8 = isASCII(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
        let (json, doubtful) = utf8.withUnsafeBufferPointer { text in
            var reader = Cursor(bytes: text, stopsAtDoubt: true)
            return (reader.document(), reader.doubtful)
        }
        if !doubtful { return json }
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
        return utf8.withUnsafeBufferPointer { text in
            var lenient = Cursor(bytes: text, stopsAtDoubt: false)
            return lenient.document()
        }
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

    /// Reads values, noting (``doubtful``) anything Go's decoder might not accept: a missing separator, a
    /// malformed literal, number or string, a number too large for float64, nesting past Go's depth, text after
    /// the value. Doubt never changes what is read; when `stopsAtDoubt`, reading ends at the first.
    private struct Cursor {
        /// The text, alive while the cursor is used.
        let bytes: UnsafeBufferPointer<UInt8>
        let stopsAtDoubt: Bool
        var i = 0
        var depth = 0
        private(set) var doubtful = false
        /// Whether a key that may change a schema's scope was seen since the current object began.
        private var sawScopeKey = false
        /// The members and items of the objects and arrays being read, innermost last: each is made once its
        /// size is known, in one allocation.
        private var pendingMembers: [(key: String, value: JSON)] = []
        private var pendingItems: [JSON] = []

        init(bytes: UnsafeBufferPointer<UInt8>, stopsAtDoubt: Bool) {
            self.bytes = bytes
            self.stopsAtDoubt = stopsAtDoubt
        }

        private var stopped: Bool { doubtful && stopsAtDoubt }

        private func at(_ c: UInt8) -> Bool { i < bytes.count && bytes[i] == c }

        /// Notes doubt unless the next byte is `c`.
        private mutating func expect(_ c: UInt8) {
            if !at(c) { doubtful = true }
        }

        mutating func document() -> JSON {
            let json = value()
            skipSpace()
            if i < bytes.count { doubtful = true }
            return json
        }

        mutating func skipSpace() {
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x20 {
                    // Indentation comes in runs of spaces: eight at a time where there are eight.
                    i += word(at: i) == Self.spaces ? 8 : 1
                } else if b == 0x0A || b == 0x0D || b == 0x09 {
                    i += 1
                } else {
                    return
                }
            }
        }

        /// Eight spaces, as one word.
        private static let spaces: UInt64 = 0x2020_2020_2020_2020

        /// The eight bytes from `at` as one word; 0 where fewer than eight are left.
        private func word(at j: Int) -> UInt64 {
            j + 8 <= bytes.count ? UnsafeRawPointer(bytes.baseAddress! + j).loadUnaligned(as: UInt64.self) : 0
        }

        /// Whether one of the eight bytes of `w` ends plain string text: a quote, a backslash or a control
        /// character (exact: each test finds whether some byte is zero, or below 0x20, in one step).
        private static func endsPlainText(_ w: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
            return (w &- 0x20 &* ones) & ~w & highs != 0 || hasZero(w ^ 0x22 &* ones) || hasZero(w ^ 0x5C &* ones)
        }

        mutating func value() -> JSON {
            skipSpace()
            guard i < bytes.count, !stopped else {
                doubtful = true
                return .null
            }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                depth += 1
                if depth > GoJSON.maxNestingDepth { doubtful = true }
                defer { depth -= 1 }
                var object = JSONObject()
                let outerSawScopeKey = sawScopeKey
                sawScopeKey = false
                defer { sawScopeKey = sawScopeKey || outerSawScopeKey }
                skipSpace()
                if at(UInt8(ascii: "}")) {
                    i += 1
                    object.mayDeclareScope = false
                    return .object(object)
                }
                let first = pendingMembers.count
                var closed = false
                while i < bytes.count, !stopped {
                    skipSpace()
                    expect(UInt8(ascii: "\""))
                    let key = string()
                    if Self.mayDeclareScope(key) { sawScopeKey = true }
                    skipSpace()
                    expect(UInt8(ascii: ":"))
                    i += 1  // ':'
                    let member = value()
                    pendingMembers.append((key, member))
                    skipSpace()
                    if at(UInt8(ascii: ",")) { i += 1; continue }
                    expect(UInt8(ascii: "}"))
                    i += 1  // '}'
                    closed = true
                    break
                }
                if !closed { doubtful = true }
                object = JSONObject(written: pendingMembers.moveSuffix(from: first, placeholder: ("", .null)))
                object.mayDeclareScope = sawScopeKey
                return .object(object)
            case UInt8(ascii: "["):
                i += 1
                depth += 1
                if depth > GoJSON.maxNestingDepth { doubtful = true }
                defer { depth -= 1 }
                skipSpace()
                if at(UInt8(ascii: "]")) { i += 1; return .array([]) }
                let first = pendingItems.count
                var closed = false
                while i < bytes.count, !stopped {
                    let item = value()
                    pendingItems.append(item)
                    skipSpace()
                    if at(UInt8(ascii: ",")) { i += 1; continue }
                    expect(UInt8(ascii: "]"))
                    i += 1  // ']'
                    closed = true
                    break
                }
                if !closed { doubtful = true }
                return .array(pendingItems.moveSuffix(from: first, placeholder: .null))
            case UInt8(ascii: "\""):
                return .string(string())
            case UInt8(ascii: "t"): literal("true"); return .bool(true)
            case UInt8(ascii: "f"): literal("false"); return .bool(false)
            case UInt8(ascii: "n"): literal("null"); return .null
            default:
                let start = i
                while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
                if !Self.isNumber(bytes[start..<i]) { doubtful = true }
                let literal = String(decoding: bytes[start..<i], as: UTF8.self)
                guard let number = JSONNumber(literal) else {
                    doubtful = true
                    return .null
                }
                if !number.double.isFinite { doubtful = true }
                return .number(number)
            }
        }

        /// Whether `key` is one that may change a schema's scope or name it (see ``JSONObject/mayDeclareScope``).
        private static func mayDeclareScope(_ key: String) -> Bool {
            switch key.utf8.count {
            case 2, 3, 7, 14:
                switch Keyword(key) {
                case .schema, .id, .legacyID, .anchor, .dynamicAnchor: return true
                default: return false
                }
            default: return false
            }
        }

        /// Steps over `word`, noting doubt where the text differs.
        private mutating func literal(_ word: StaticString) {
            let n = word.utf8CodeUnitCount
            if i + n > bytes.count || !(0..<n).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) { doubtful = true }
            i += n
        }

        /// Whether `text` is a number as JSON writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        private static func isNumber(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            var j = text.startIndex
            let end = text.endIndex
            func digits() -> Bool {
                let from = j
                while j < end, text[j] >= 0x30, text[j] <= 0x39 { j += 1 }
                return j > from
            }
            if j < end, text[j] == UInt8(ascii: "-") { j += 1 }
            if j < end, text[j] == UInt8(ascii: "0") { j += 1 } else if !digits() { return false }
            if j < end, text[j] == UInt8(ascii: ".") {
                j += 1
                if !digits() { return false }
            }
            if j < end, text[j] == UInt8(ascii: "e") || text[j] == UInt8(ascii: "E") {
                j += 1
                if j < end, text[j] == UInt8(ascii: "+") || text[j] == UInt8(ascii: "-") { j += 1 }
                if !digits() { return false }
            }
            return j == end
        }

        /// A string literal: plain text as it is, escapes decoded by the project's Go-compatible decoder. A
        /// control character, an unknown escape or a missing closing quote is doubted.
        mutating func string() -> String {
            let start = i
            guard start < bytes.count else {
                doubtful = true
                return ""
            }
            i += 1  // opening quote
            var escaped = false
            // Plain text eight bytes at a time, then byte by byte from the first word that may end it.
            while i + 8 <= bytes.count, !Self.endsPlainText(word(at: i)) { i += 8 }
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] < 0x20 { doubtful = true }
                if bytes[i] == UInt8(ascii: "\\") {
                    escaped = true
                    i += 1
                    if i >= bytes.count || !Self.escapes.contains(bytes[i]) { doubtful = true }
                }
                i += 1
            }
            let end = min(i, bytes.count)
            if i >= bytes.count { doubtful = true }
            i += 1  // closing quote
            guard escaped else { return String(decoding: bytes[(start + 1)..<end], as: UTF8.self) }
            guard i <= bytes.count, case .string(let text)? = try? GoJSON.decode(String(decoding: bytes[start..<i], as: UTF8.self)) else {
                doubtful = true
                return ""
            }
            return text
        }

        /// The bytes that may follow a backslash (`\u` is checked whole by the decoder).
        private static let escapes: [UInt8] = Array("\"\\/bfnrtu".utf8)
    }
}

extension Array {
    /// The elements from `start` on, removed: moved into an array of their own (no reference is counted up and
    /// down again), `placeholder` (a value holding no reference) standing in for them until they are removed.
    fileprivate mutating func moveSuffix(from start: Int, placeholder: Element) -> [Element] {
        let n = count - start
        guard n > 0 else { return [] }
        let moved = withUnsafeMutableBufferPointer { all in
            [Element](unsafeUninitializedCapacity: n) { out, made in
                out.baseAddress!.moveInitialize(from: all.baseAddress! + start, count: n)
                (all.baseAddress! + start).initialize(repeating: placeholder, count: n)
                made = n
            }
        }
        removeLast(n)
        return moved
    }
}
