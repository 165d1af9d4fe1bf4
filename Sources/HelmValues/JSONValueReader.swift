import Diagnostics
import GoValues
import YAML

/// Reads JSON values out of a `--set-json` argument with Go's `encoding/json` semantics:
/// numbers are floats, a lone surrogate escape becomes U+FFFD, duplicate keys keep the last
/// value, and reading one value stops right after it (Go's `Decoder.Decode`), leaving the
/// rest of the argument to the caller.
struct JSONValueReader {
    struct Failure: Error {
        var message: String
        /// 0-based offset in the argument.
        var offset: Int
    }

    /// Deepest accepted nesting (Go allows 10000; values files are bounded at 512 as well).
    static let maxDepth = 512

    let text: [Unicode.Scalar]
    let file: String
    /// The line of marks: which argument of its flag this is (1-based).
    let line: Int
    /// Offset of the next character to read.
    private(set) var position: Int
    private var depth = 0

    init(_ text: [Unicode.Scalar], from position: Int, file: String, line: Int) {
        self.text = text
        self.position = position
        self.file = file
        self.line = line
    }

    /// One value after optional JSON whitespace; `position` ends just after it.
    mutating func readValue() throws(Failure) -> Node {
        skipWhitespace()
        guard let c = peek() else { throw Failure(message: "unexpected end of JSON input", offset: position) }
        let mark = Mark(file: file, line: line, column: position + 1)
        switch c {
        case "{": return try readObject(mark)
        case "[": return try readArray(mark)
        case "\"": return Node(.string(try readString()), mark: mark)
        case "-", "0"..."9": return Node(.float(try readNumber()), mark: mark)
        case "t": try readLiteral("true"); return Node(.bool(true), mark: mark)
        case "f": try readLiteral("false"); return Node(.bool(false), mark: mark)
        case "n": try readLiteral("null"); return Node(.null, mark: mark)
        default: throw invalid(c, "looking for beginning of value")
        }
    }

    /// The whole remaining text as exactly one value (Go's `json.Unmarshal`).
    mutating func readDocument() throws(Failure) -> Node {
        let value = try readValue()
        skipWhitespace()
        if let c = peek() { throw invalid(c, "after top-level value") }
        return value
    }

    private func peek() -> Unicode.Scalar? { position < text.count ? text[position] : nil }

    private mutating func skipWhitespace() {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
    }

    private func invalid(_ c: Unicode.Scalar, _ context: String) -> Failure {
        Failure(message: "invalid character \(GoQuote.quoteRune(c)) \(context)", offset: position)
    }

    private func endOfInput() -> Failure { Failure(message: "unexpected end of JSON input", offset: position) }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth {
            throw Failure(message: "exceeded max depth of \(Self.maxDepth)", offset: position)
        }
    }

    private mutating func readObject(_ mark: Mark) throws(Failure) -> Node {
        try enter()
        defer { depth -= 1 }
        position += 1
        var mapping = Mapping()
        skipWhitespace()
        if peek() == "}" {
            position += 1
            return Node(.mapping(mapping), mark: mark)
        }
        while true {
            skipWhitespace()
            guard let c = peek() else { throw endOfInput() }
            guard c == "\"" else { throw invalid(c, "looking for beginning of object key string") }
            let keyMark = Mark(file: file, line: line, column: position + 1)
            let key = try readString()
            skipWhitespace()
            guard let colon = peek() else { throw endOfInput() }
            guard colon == ":" else { throw invalid(colon, "after object key") }
            position += 1
            let value = try readValue()
            mapping.set(key, value, keyMark: keyMark)
            skipWhitespace()
            guard let next = peek() else { throw endOfInput() }
            position += 1
            if next == "," { continue }
            if next == "}" { return Node(.mapping(mapping), mark: mark) }
            position -= 1
            throw invalid(next, "after object key:value pair")
        }
    }

    private mutating func readArray(_ mark: Mark) throws(Failure) -> Node {
        try enter()
        defer { depth -= 1 }
        position += 1
        var items: [Node] = []
        skipWhitespace()
        if peek() == "]" {
            position += 1
            return Node(.sequence(items), mark: mark)
        }
        while true {
            items.append(try readValue())
            skipWhitespace()
            guard let next = peek() else { throw endOfInput() }
            position += 1
            if next == "," { continue }
            if next == "]" { return Node(.sequence(items), mark: mark) }
            position -= 1
            throw invalid(next, "after array element")
        }
    }

    private mutating func readLiteral(_ word: String) throws(Failure) {
        var first = true
        for expected in word.unicodeScalars {
            guard let c = peek() else { throw endOfInput() }
            guard c == expected else {
                throw invalid(c, first ? "looking for beginning of value" : "in literal \(word) (expecting \(GoQuote.quoteRune(expected)))")
            }
            first = false
            position += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, converted like Go's `ParseFloat`.
    private mutating func readNumber() throws(Failure) -> Double {
        let start = position
        if peek() == "-" { position += 1 }
        try requireDigit()
        if peek() == "0" { position += 1 } else { skipDigits() }
        if peek() == "." {
            position += 1
            try requireDigit()
            skipDigits()
        }
        if peek() == "e" || peek() == "E" {
            position += 1
            if peek() == "+" || peek() == "-" { position += 1 }
            try requireDigit()
            skipDigits()
        }
        var literal = ""
        literal.unicodeScalars.append(contentsOf: text[start..<position])
        guard let value = Double(literal), value.isFinite else {
            throw Failure(message: "cannot unmarshal number \(literal) into Go value of type float64", offset: start)
        }
        return value
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0 >= "0" && $0 <= "9" } ?? false }

    private mutating func skipDigits() { while Self.isDigit(peek()) { position += 1 } }

    private func requireDigit() throws(Failure) {
        guard let c = peek() else { throw endOfInput() }
        guard Self.isDigit(c) else { throw invalid(c, "in numeric literal") }
    }

    private mutating func readString() throws(Failure) -> String {
        position += 1  // opening quote
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw endOfInput() }
            position += 1
            switch c {
            case "\"":
                return String(out)
            case "\\":
                guard let e = peek() else { throw endOfInput() }
                position += 1
                switch e {
                case "\"", "\\", "/": out.append(e)
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u": out.append(try readUnicodeEscape())
                default:
                    position -= 1
                    throw invalid(e, "in string escape code")
                }
            default:
                if c.value < 0x20 {
                    position -= 1
                    throw invalid(c, "in string literal")
                }
                out.append(c)
            }
        }
    }

    /// After `\u`: four hex digits; a high surrogate pairs with a following `\uDC00`–`\uDFFF`
    /// escape, anything else unpaired becomes U+FFFD.
    private mutating func readUnicodeEscape() throws(Failure) -> Unicode.Scalar {
        let unit = try readHex4()
        if (0xD800..<0xDC00).contains(unit) {
            if position + 1 < text.count, text[position] == "\\", text[position + 1] == "u" {
                let save = position
                position += 2
                let low = try readHex4()
                if (0xDC00..<0xE000).contains(low) {
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                }
                position = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek() else { throw endOfInput() }
            guard c.isASCII, let digit = UInt32(String(c), radix: 16) else {
                throw invalid(c, "in \\u hexadecimal character escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }
}
