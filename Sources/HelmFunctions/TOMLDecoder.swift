import GoValues

/// A TOML 1.0 document read into template data, as Helm's `fromToml` reads it with the BurntSushi
/// decoder: tables are maps, arrays (of tables too) lists, integers `int64`, floats `float64`.
/// Date-times are kept as their RFC 3339 text (`T` between date and time), which is what
/// `toJson` writes for the `time.Time` Go decodes them to.
///
/// Errors read `toml: line N: message` (with `(last key "k")` after the line where a key was
/// read), in the form of BurntSushi's; the messages name the same problems, not always in the
/// same words.
struct TOMLDecoder {
    struct Failure: Error {
        let message: String
    }

    private let s: [UInt8]
    private var i = 0
    private var line = 1
    /// The end of the UTF-8 character `checkCharacter` last let through.
    private var checkedUntil = 0
    private var lastKey: [String] = []
    private var root: [String: Value] = [:]
    /// The table that key/value lines go to.
    private var current: [String] = []
    /// Tables given a `[header]` or made by key/value lines, which a later header may not open again.
    private var defined: Set<[String]> = []

    static func decode(_ text: String) throws(Failure) -> [String: Value] {
        var d = TOMLDecoder(s: ByteString.bytes(text))
        try d.document()
        return d.root
    }

    private init(s: [UInt8]) { self.s = s }

    // MARK: document structure

    private mutating func document() throws(Failure) {
        while true {
            skipBlank()
            guard i < s.count else { return }
            switch s[i] {
            case UInt8(ascii: "\n"):
                i += 1
                line += 1
                continue
            case UInt8(ascii: "#"):
                try comment(inValue: false)
                continue
            case UInt8(ascii: "["):
                try header()
            default:
                let key = try key()
                skipBlank()
                guard peek == UInt8(ascii: "=") else { throw fail("expected key separator '=' but got \(describe(peek)) instead") }
                i += 1
                skipBlank()
                let value = try self.value()
                try insert(value, at: current + key)
            }
            try endOfLine()
        }
    }

    private mutating func header() throws(Failure) {
        i += 1
        let array = peek == UInt8(ascii: "[")
        if array { i += 1 }
        skipBlank()
        let path = try key()
        skipBlank()
        guard peek == UInt8(ascii: "]") else {
            throw fail("expected '.' or ']' to end table name, but got \(describe(peek)) instead", withKey: false)
        }
        i += 1
        if array {
            guard peek == UInt8(ascii: "]") else { throw fail("expected ']]' to close the array of tables name") }
            i += 1
            try appendTable(at: path)
        } else {
            if defined.contains(path) { throw fail("Key '\(path.joined(separator: "."))' has already been defined.", withKey: false) }
            try modify(&root, path[...]) { _ throws(Failure) in }
        }
        defined.insert(path)
        current = path
    }

    private mutating func appendTable(at path: [String]) throws(Failure) {
        let parent = path.dropLast(), name = path[path.count - 1]
        var failure: Failure?
        let message = "Key '\(path.joined(separator: "."))' has already been defined."
        try modify(&root, parent) { table throws(Failure) in
            switch table[name] {
            case nil: table[name] = .list([.map([:])])
            case .map?: failure = Failure(message: "Key '\(path.joined(separator: "."))' was already created and cannot be used as an array.")
            case .list(var l)? where l.allSatisfy({ if case .map = $0 { return true } else { return false } }) && !l.isEmpty:
                l.append(.map([:]))
                table[name] = .list(l)
            default: failure = Failure(message: message)
            }
        }
        if let failure { throw fail(failure.message, withKey: false) }
        // The tables of earlier elements may be opened again under the new element.
        defined = defined.filter { !($0.count > path.count && Array($0.prefix(path.count)) == path) }
    }

    /// Runs `body` on the table at `path`, made where missing; the last element of an array of
    /// tables stands for the array.
    private func modify(
        _ table: inout [String: Value], _ path: ArraySlice<String>, _ body: (inout [String: Value]) throws(Failure) -> Void
    ) throws(Failure) {
        guard let first = path.first else {
            try body(&table)
            return
        }
        switch table[first] ?? .map([:]) {
        case .map(var child):
            table[first] = .null
            try modify(&child, path.dropFirst(), body)
            table[first] = .map(child)
        case .list(var l) where !l.isEmpty:
            guard case .map(var child) = l[l.count - 1] else { throw fail("key \(first) is not a table") }
            table[first] = .null
            try modify(&child, path.dropFirst(), body)
            l[l.count - 1] = .map(child)
            table[first] = .list(l)
        default:
            throw fail("key \(first) is not a table")
        }
    }

    private mutating func insert(_ value: Value, at path: [String]) throws(Failure) {
        let name = path[path.count - 1]
        var duplicate = false
        try modify(&root, path.dropLast()) { table throws(Failure) in
            if table[name] != nil { duplicate = true } else { table[name] = value }
        }
        if duplicate { throw fail("Key '\(path.joined(separator: "."))' has already been defined.") }
    }

    // MARK: lexical pieces

    private var peek: UInt8? { i < s.count ? s[i] : nil }

    private func describe(_ c: UInt8?) -> String {
        guard let c else { return "end of file" }
        if c == UInt8(ascii: "\n") { return "'\\n'" }
        if c == UInt8(ascii: "'") { return "'\\''" }
        return "'" + String(decoding: [c], as: UTF8.self) + "'"
    }

    /// Go's lexer refuses a byte that is not UTF-8 wherever it reads one: in strings and comments,
    /// which take any character, through this check; elsewhere such a byte is already an error,
    /// which `fail` words as Go's lexer does.
    private mutating func checkCharacter(_ c: UInt8, key: [String]? = nil) throws(Failure) {
        guard c >= 0x80, i >= checkedUntil else { return }
        let length = ByteString.characterLength(s, at: i)
        if length == 0 { throw fail("", key: key) }
        checkedUntil = i + length
    }

    /// Go's error: the line and the key it was reading (`key`, by default the last key read).
    private func fail(_ message: String, withKey: Bool = true, key: [String]? = nil) -> Failure {
        var message = message
        if let c = peek, c >= 0x80, i >= checkedUntil, ByteString.characterLength(s, at: i) == 0 {
            message = "invalid UTF-8 byte: 0x" + GoQuote.hex(UInt32(c), width: 2)
        }
        let key = key ?? lastKey
        if key.isEmpty || !withKey { return Failure(message: "toml: line \(line): \(message)") }
        return Failure(message: "toml: line \(line) (last key \(GoQuote.quote(key.joined(separator: ".")))): \(message)")
    }

    private mutating func skipBlank() {
        while let c = peek, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { i += 1 }
    }

    /// A comment; one outside a value is read after its line's key is done with (Go's errors in it
    /// name the current table instead).
    private mutating func comment(inValue: Bool = true) throws(Failure) {
        while let c = peek, c != UInt8(ascii: "\n") {
            if c == UInt8(ascii: "\r"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "\n") { i += 1; continue }
            if c < 0x20 && c != UInt8(ascii: "\t") || c == 0x7F {
                throw fail("TOML files cannot contain control characters: '0x\(GoQuote.hex(UInt32(c), width: 2))'", key: inValue ? nil : current)
            }
            try checkCharacter(c, key: inValue ? nil : current)
            i += 1
        }
    }

    /// Blanks, a comment, then a newline or the end.
    private mutating func endOfLine() throws(Failure) {
        skipBlank()
        if peek == UInt8(ascii: "#") { try comment(inValue: false) }
        if peek == UInt8(ascii: "\r"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "\n") { i += 1 }
        guard let c = peek else { return }
        guard c == UInt8(ascii: "\n") else {
            throw fail("expected a top-level item to end with a newline, comment, or EOF, but got \(describe(c)) instead", withKey: false)
        }
        i += 1
        line += 1
    }

    private static func isBare(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    /// A dotted key: bare, "basic" and 'literal' parts.
    private mutating func key() throws(Failure) -> [String] {
        var parts: [String] = []
        while true {
            skipBlank()
            switch peek {
            case UInt8(ascii: "\"")?:
                i += 1
                parts.append(try basicString())
            case UInt8(ascii: "'")?:
                i += 1
                parts.append(try literalString())
            case let c? where Self.isBare(c):
                let start = i
                while let c = peek, Self.isBare(c) { i += 1 }
                parts.append(String(decoding: s[start..<i], as: UTF8.self))
            case UInt8(ascii: "=")?:
                throw fail("unexpected '=': key name appears blank", withKey: false)
            default:
                throw fail("expected a key name but got \(describe(peek)) instead", withKey: false)
            }
            skipBlank()
            guard peek == UInt8(ascii: ".") else { break }
            i += 1
        }
        lastKey = current + parts
        return parts
    }

    // MARK: values

    private mutating func value() throws(Failure) -> Value {
        guard let c = peek else { throw fail("unexpected EOF; expected value") }
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let literal = c == UInt8(ascii: "'")
            if s[i...].starts(with: [c, c, c]) {
                i += 3
                return .string(try multilineString(literal: literal))
            }
            i += 1
            return .string(literal ? try literalString() : try basicString())
        case UInt8(ascii: "["):
            i += 1
            return try array()
        case UInt8(ascii: "{"):
            i += 1
            return try inlineTable()
        default:
            return try scalar()
        }
    }

    private mutating func array() throws(Failure) -> Value {
        var items: [Value] = []
        while true {
            try skipArrayBlank()
            if peek == UInt8(ascii: "]") {
                i += 1
                return .list(items)
            }
            if peek == UInt8(ascii: ",") { throw fail("unexpected comma") }
            items.append(try value())
            try skipArrayBlank()
            switch peek {
            case UInt8(ascii: ",")?: i += 1
            case UInt8(ascii: "]")?: continue
            default: throw fail("expected a comma (',') or array terminator (']'), but got \(describe(peek))")
            }
        }
    }

    private mutating func skipArrayBlank() throws(Failure) {
        while let c = peek {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                i += 1
            } else if c == UInt8(ascii: "\n") {
                i += 1
                line += 1
            } else if c == UInt8(ascii: "#") {
                try comment()
            } else {
                return
            }
        }
    }

    private mutating func inlineTable() throws(Failure) -> Value {
        var table: [String: Value] = [:]
        skipBlank()
        if peek == UInt8(ascii: "}") {
            i += 1
            return .map(table)
        }
        let saved = current, outer = lastKey
        defer { current = saved }
        while true {
            current = []
            let key = try key()
            lastKey = outer + key
            skipBlank()
            guard peek == UInt8(ascii: "=") else { throw fail("expected key separator '=' but got \(describe(peek)) instead") }
            i += 1
            skipBlank()
            let v = try value()
            let name = key[key.count - 1]
            var duplicate = false
            try modify(&table, key.dropLast()) { t throws(Failure) in
                if t[name] != nil { duplicate = true } else { t[name] = v }
            }
            if duplicate { throw fail("Key '\((outer + key).joined(separator: "."))' has already been defined.") }
            skipBlank()
            switch peek {
            case UInt8(ascii: ",")?:
                i += 1
                skipBlank()
            case UInt8(ascii: "}")?:
                i += 1
                return .map(table)
            default:
                throw fail("expected a comma or an inline table terminator '}', but got \(describe(peek)) instead")
            }
        }
    }

    private mutating func basicString() throws(Failure) -> String {
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw fail("unexpected EOF; expected '\"'") }
            if c == UInt8(ascii: "\n") { throw fail("strings cannot contain newlines") }
            try checkCharacter(c)
            i += 1
            if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                out += try escape()
            } else {
                out.append(c)
            }
        }
    }

    private mutating func literalString() throws(Failure) -> String {
        let start = i
        while let c = peek, c != UInt8(ascii: "'") {
            if c == UInt8(ascii: "\n") { throw fail("strings cannot contain newlines") }
            try checkCharacter(c)
            i += 1
        }
        guard peek != nil else { throw fail("unexpected EOF; expected \"'\"") }
        defer { i += 1 }
        return String(decoding: s[start..<i], as: UTF8.self)
    }

    /// `"""..."""` or `'''...'''`: a newline right after the opening quotes is dropped; in basic
    /// strings a backslash at the end of a line drops the newline and the blanks after it.
    private mutating func multilineString(literal: Bool) throws(Failure) -> String {
        let quote = literal ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        if peek == UInt8(ascii: "\n") {
            i += 1
            line += 1
        } else if peek == UInt8(ascii: "\r"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "\n") {
            i += 2
            line += 1
        }
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw fail("unexpected EOF; expected closing quotes") }
            if c == quote, s[i...].starts(with: [quote, quote, quote]) {
                // Up to two more quotes may end the content.
                var run = 3
                while i + run < s.count, s[i + run] == quote, run < 5 { run += 1 }
                out += [UInt8](repeating: quote, count: run - 3)
                i += run
                return String(decoding: out, as: UTF8.self)
            }
            try checkCharacter(c)
            i += 1
            if c == UInt8(ascii: "\n") { line += 1 }
            if !literal, c == UInt8(ascii: "\\") {
                // A line-ending backslash trims the newline and the whitespace after it.
                var j = i
                while j < s.count, s[j] == UInt8(ascii: " ") || s[j] == UInt8(ascii: "\t") || s[j] == UInt8(ascii: "\r") { j += 1 }
                if j < s.count, s[j] == UInt8(ascii: "\n") {
                    i = j
                    while let d = peek, d == UInt8(ascii: " ") || d == UInt8(ascii: "\t") || d == UInt8(ascii: "\n") || d == UInt8(ascii: "\r") {
                        if d == UInt8(ascii: "\n") { line += 1 }
                        i += 1
                    }
                    continue
                }
                out += try escape()
                continue
            }
            out.append(c)
        }
    }

    /// The escape after a backslash.
    private mutating func escape() throws(Failure) -> [UInt8] {
        guard let c = peek else { throw fail("unexpected EOF in escape sequence") }
        i += 1
        switch c {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "\""): return [0x22]
        case UInt8(ascii: "\\"): return [0x5C]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = c == UInt8(ascii: "u") ? 4 : 8
            guard i + n <= s.count, let code = UInt32(String(decoding: s[i..<(i + n)], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(code)
            else { throw fail("invalid escape: '\\\(Character(Unicode.Scalar(c)))\(String(decoding: s[i..<min(i + n, s.count)], as: UTF8.self))'") }
            i += n
            return Array(String(Character(scalar)).utf8)
        default:
            throw fail("invalid escape in string '\\\(Character(Unicode.Scalar(c)))'")
        }
    }

    /// Booleans, numbers and date-times: the run of characters up to a delimiter.
    private mutating func scalar() throws(Failure) -> Value {
        let start = i
        while let c = peek, !(c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: "\n")
            || c == UInt8(ascii: "#") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\t"))
        {
            // A space ends the value, except between a date and a time.
            if c == UInt8(ascii: " ") {
                let sofar = s[start..<i]
                let isDate = sofar.count == 10 && sofar.dropFirst(4).first == UInt8(ascii: "-")
                if !(isDate && i + 1 < s.count && s[i + 1] >= 0x30 && s[i + 1] <= 0x39) { break }
            }
            try checkCharacter(c)
            i += 1
        }
        let text = String(decoding: s[start..<i], as: UTF8.self)
        if let v = TOMLScalar.parse(text) { return v }
        if text.isEmpty { throw fail("expected value but found \(describe(peek)) instead") }
        if let problem = TOMLScalar.problem(text) { throw fail(problem) }
        throw fail("expected value but found \(GoQuote.quote(text)) instead")
    }
}
