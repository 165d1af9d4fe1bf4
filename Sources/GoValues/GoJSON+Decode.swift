import Diagnostics

extension GoJSON {
    /// A JSON syntax or range error, with Go's message text (`invalid character 'x' after object
    /// key`, `unexpected end of JSON input`, ...) and where it happened.
    public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Go's `err.Error()` text (what Helm's `fromJson` puts under `Error`).
        public var message: String
        /// Byte offset of the offending character (the input length at end of input).
        public var offset: Int
        /// 1-based line and column of `offset`.
        public var line: Int
        public var column: Int

        public var description: String { "\(line):\(column): \(message)" }

        /// The error as an `InputError` located in `file`.
        public func inputError(file: String) -> InputError {
            InputError(message, at: Mark(file: file, line: line, column: column))
        }
    }

    /// Deepest accepted nesting. Go accepts 10,000 levels; meshrender stops at 1,000 so that
    /// every decoded value can also be written (the writers recurse once per level).
    public static let maxNestingDepth = 1_000

    /// Deepest nesting compact JSON (`toJson`) is written to: Go has no bound; the writer recurses
    /// once per level, on the command's large stack.
    public static let maxEncodingDepth = 99_999  // depth counts from 0: 100,000 levels

    /// Deepest nesting indented JSON (`toPrettyJson`) is written to: Go's scanner's bound.
    public static let maxIndentDepth = 9_999  // depth counts from 0: 10,000 levels

    /// `json.Unmarshal` into `interface{}`: objects become `.map` (later duplicate keys win),
    /// arrays `.list`, every number `.float`.
    public static func decode(_ text: String) throws(DecodeError) -> Value {
        let (value, rangeError) = try decodeKeepingRangeErrors(text)
        if let rangeError { throw rangeError }
        return value
    }

    /// Checks `bytes` as `decode` would read them, throwing the same first error, without building the value (a
    /// reader that keeps member order and number literals reads the text afterwards).
    public static func validate(_ bytes: [UInt8]) throws(DecodeError) {
        var parser = JSONParser(bytes: bytes, buildsValues: false)
        _ = try parser.parseDocument()
        if let rangeError = parser.rangeError { throw rangeError }
    }

    /// Like `decode`, but a number too large for float64 is not fatal: as in Go, it decodes as
    /// `null` and its error is returned next to the value (syntax errors still throw).
    static func decodeKeepingRangeErrors(_ text: String) throws(DecodeError) -> (Value, DecodeError?) {
        var parser = JSONParser(bytes: Array(text.utf8))
        let value = try parser.parseDocument()
        return (value, parser.rangeError)
    }
}

/// An iterative JSON parser (no recursion, so deep input cannot exhaust the stack).
struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    /// The first number too large for float64; reported only if the text is otherwise valid.
    var rangeError: GoJSON.DecodeError?
    /// Whether the document's value is built (else only checked: every value is `null`, errors are the same).
    let buildsValues: Bool

    init(bytes: [UInt8], buildsValues: Bool = true) {
        self.bytes = bytes
        self.buildsValues = buildsValues
    }

    /// An open array or object. Frames are mutated in place on the stack so their storage
    /// stays uniquely referenced (no copy per element).
    private struct Frame {
        var isObject: Bool
        var items: [Value] = []
        var members: [String: Value] = [:]
        var key = ""
    }

    mutating func parseDocument() throws(GoJSON.DecodeError) -> Value {
        var stack: [Frame] = []
        var value: Value
        parse: while true {
            // Parse a value start.
            skipSpace()
            guard i < bytes.count else { throw endOfInput() }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "{"):
                i += 1
                try push(&stack, c)
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .map([:])
                } else {
                    let key = try parseKey()
                    stack.append(Frame(isObject: true, key: key))
                    continue parse
                }
            case UInt8(ascii: "["):
                i += 1
                try push(&stack, c)
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .list([])
                } else {
                    stack.append(Frame(isObject: false))
                    continue parse
                }
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
            default: throw error(c, "looking for beginning of value")
            }
            // Attach the finished value to its container, closing containers as they end.
            while true {
                guard !stack.isEmpty else {
                    skipSpace()
                    if i < bytes.count { throw error(bytes[i], "after top-level value") }
                    return value
                }
                skipSpace()
                guard i < bytes.count else { throw endOfInput() }
                let next = bytes[i]
                let top = stack.count - 1
                if stack[top].isObject {
                    if buildsValues { stack[top].members[stack[top].key] = value }
                    if next == UInt8(ascii: ",") {
                        i += 1
                        stack[top].key = try parseKey()
                        continue parse
                    }
                    guard next == UInt8(ascii: "}") else { throw error(next, "after object key:value pair") }
                    i += 1
                    value = .map(stack.removeLast().members)
                } else {
                    if buildsValues { stack[top].items.append(value) }
                    if next == UInt8(ascii: ",") {
                        i += 1
                        continue parse
                    }
                    guard next == UInt8(ascii: "]") else { throw error(next, "after array element") }
                    i += 1
                    value = .list(stack.removeLast().items)
                }
            }
        }
    }

    private func push(_ stack: inout [Frame], _ c: UInt8) throws(GoJSON.DecodeError) {
        if stack.count + 1 > GoJSON.maxNestingDepth { throw error(c, "exceeded max depth", at: i - 1) }
    }

    /// A key string and the `:` after it.
    private mutating func parseKey() throws(GoJSON.DecodeError) -> String {
        skipSpace()
        guard i < bytes.count else { throw endOfInput() }
        guard bytes[i] == UInt8(ascii: "\"") else { throw error(bytes[i], "looking for beginning of object key string") }
        let key = try parseString()
        skipSpace()
        guard i < bytes.count else { throw endOfInput() }
        guard bytes[i] == UInt8(ascii: ":") else { throw error(bytes[i], "after object key") }
        i += 1
        return key
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(GoJSON.DecodeError) {
        let w = word.utf8Start
        let name = word.description
        for k in 0..<word.utf8CodeUnitCount {
            guard i < bytes.count else { throw endOfInput() }
            let expected = w[k]
            if bytes[i] != expected {
                throw error(bytes[i], "in literal \(name) (expecting \(Self.quote(expected)))")
            }
            i += 1
        }
    }

    private mutating func parseString() throws(GoJSON.DecodeError) -> String {
        i += 1  // opening quote
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else { throw endOfInput() }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                guard buildsValues else { return "" }
                out.append(contentsOf: bytes[runStart..<(i - 1)])
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw error(c, "in string literal") }
            if c != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<i])
            i += 1
            guard i < bytes.count else { throw endOfInput() }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                    bytes[i + 1] == UInt8(ascii: "u")
                {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save  // not a pair: the first is replaced, the second read on its own
                    }
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default:
                throw error(e, "in string escape code", at: i - 1)
            }
            runStart = i
        }
    }

    private mutating func hex4() throws(GoJSON.DecodeError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw endOfInput() }
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
            default: throw error(c, "in \\u hexadecimal character escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func parseNumber() throws(GoJSON.DecodeError) -> Value {
        let start = i
        func isDigit(_ j: Int) -> Bool { j < bytes.count && bytes[j] >= 48 && bytes[j] <= 57 }
        if bytes[i] == UInt8(ascii: "-") {
            i += 1
            guard i < bytes.count else { throw endOfInput() }
            guard isDigit(i) else { throw error(bytes[i], "in numeric literal") }
        }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count else { throw endOfInput() }
            guard isDigit(i) else { throw error(bytes[i], "after decimal point in numeric literal") }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count else { throw endOfInput() }
            guard isDigit(i) else { throw error(bytes[i], "in exponent of numeric literal") }
            while isDigit(i) { i += 1 }
        }
        // Only a number with an exponent or many digits can be too large for float64.
        if !buildsValues && i - start < 300 && !bytes[start..<i].contains(where: { $0 == 0x65 || $0 == 0x45 }) { return .null }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            if rangeError == nil {
                rangeError = located(
                    "json: cannot unmarshal number \(text) into Go value of type float64", at: start)
            }
            return .null
        }
        return .float(d)
    }

    // MARK: errors

    private func endOfInput() -> GoJSON.DecodeError {
        located("unexpected end of JSON input", at: bytes.count)
    }

    private func error(_ c: UInt8, _ context: String, at offset: Int? = nil) -> GoJSON.DecodeError {
        located("invalid character \(Self.quote(c)) \(context)", at: offset ?? i)
    }

    private func located(_ message: String, at offset: Int) -> GoJSON.DecodeError {
        var line = 1, column = 1
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return GoJSON.DecodeError(message: message, offset: offset, line: line, column: column)
    }

    /// Go's `quoteChar`: `'x'`, `'\''`, `'"'`, `'\n'`, `'\x01'`; a non-ASCII byte shows as the
    /// Latin-1 character of that value.
    static func quote(_ c: UInt8) -> String {
        switch c {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\""): return "'\"'"
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x0B: return "'\\v'"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(c)))'"
        case 0x00..<0x20, 0x7F: return "'\\x" + String(c, radix: 16).leftPadded(2) + "'"
        case 0x80..<0xA0: return "'\\u00" + String(c, radix: 16).leftPadded(2) + "'"
        default: return "'\(Character(Unicode.Scalar(c)))'"
        }
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
