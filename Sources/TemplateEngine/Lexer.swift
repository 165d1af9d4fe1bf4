import GoValues
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of token the lexer produces (Go's `itemType`).
enum TokenKind: Equatable {
    case error          // value is the message
    case bool           // true / false
    case char           // a printable ASCII character inside an action (`,` and the like)
    case charConstant   // 'x'
    case comment        // /* ... */ (with delimiters)
    case assign         // =
    case declare        // :=
    case eof
    case field          // .Name
    case identifier     // a function name
    case leftDelim      // {{
    case leftParen      // (
    case number
    case pipe           // |
    case rawString      // `...`
    case rightDelim     // }}
    case rightParen     // )
    case space          // a run of spaces inside an action
    case string         // "..." (quoted)
    case text           // plain text outside actions
    case variable       // $name or $
    // Keywords.
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
    case range, template, with

    var isKeyword: Bool {
        switch self {
        case .block, .breakKeyword, .continueKeyword, .dot, .define, .elseKeyword, .end, .ifKeyword,
             .nilKeyword, .range, .template, .with:
            return true
        default:
            return false
        }
    }
}

/// One token: its kind and the byte range it covers in the source (no text of its own; the parser
/// reads it from the shared source bytes), and the 1-based line where it starts. An error token's
/// message is the lexer's `errorMessage`.
struct Token {
    var kind: TokenKind
    private var startOffset: UInt32
    private var endOffset: UInt32
    private var lineNumber: UInt32

    init(kind: TokenKind, pos: Int, end: Int, line: Int) {
        self.kind = kind
        startOffset = UInt32(truncatingIfNeeded: pos)
        endOffset = UInt32(truncatingIfNeeded: end)
        lineNumber = UInt32(truncatingIfNeeded: line)
    }

    /// Byte offset of the token in the source.
    var pos: Int { Int(startOffset) }
    /// Byte offset just past the token.
    var end: Int { Int(endOffset) }
    var line: Int { Int(lineNumber) }

    /// How Go prints a token whose text is `value` in parse errors (`"foo"`, `<if>`, `EOF`, the
    /// message of an error token).
    func quotedForError(_ value: String) -> String {
        switch kind {
        case .eof: return "EOF"
        case .error: return value
        default:
            if kind.isKeyword { return "<\(value)>" }
            if value.unicodeScalars.count > 10 {
                return GoQuote.quote(String(String.UnicodeScalarView(value.unicodeScalars.prefix(10)))) + "..."
            }
            return GoQuote.quote(value)
        }
    }
}

/// Go's text/template lexer: a state machine whose states are functions that scan a piece of input,
/// emit tokens and return the next state. `{{- ` and ` -}}` trim markers are resolved here, so the
/// parser never sees the trimmed white space.
///
/// It lexes on demand, as Go's lexer feeds its parser: `lexMore` runs states until at least one more
/// token is in `tokens`, a window the reader may trim from the front (`dropFirst`). It reads the
/// source bytes in place; the caller keeps them alive while the lexer runs.
struct Lexer {
    /// A lexer state: each runs its `lex…` function, which scans, emits, and names the next state
    /// (nil stops).
    private enum State {
        case text, leftDelim, comment, rightDelim, insideAction, space, identifier, field, variable, char, number
        case quote, rawQuote

        func run(_ lexer: inout Lexer) -> State? {
            switch self {
            case .text: return Lexer.lexText(&lexer)
            case .leftDelim: return Lexer.lexLeftDelim(&lexer)
            case .comment: return Lexer.lexComment(&lexer)
            case .rightDelim: return Lexer.lexRightDelim(&lexer)
            case .insideAction: return Lexer.lexInsideAction(&lexer)
            case .space: return Lexer.lexSpace(&lexer)
            case .identifier: return Lexer.lexIdentifier(&lexer)
            case .field: return Lexer.lexField(&lexer)
            case .variable: return Lexer.lexVariable(&lexer)
            case .char: return Lexer.lexChar(&lexer)
            case .number: return Lexer.lexNumber(&lexer)
            case .quote: return Lexer.lexQuote(&lexer)
            case .rawQuote: return Lexer.lexRawQuote(&lexer)
            }
        }
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var pos = 0          // current position
    private var start = 0        // start of the current token
    private var line = 1         // line at pos
    private var startLine = 1    // line at start
    private var parenDepth = 0
    private var readEOF = false  // the last next() hit the end: backup() must not move
    private let breakAllowed: Bool
    private let continueAllowed: Bool
    private var state: State? = .text
    /// Tokens lexed and not yet dropped by the reader.
    private(set) var tokens: [Token] = []
    /// The message of the error token, once one is emitted (lexing stops there).
    private(set) var errorMessage = ""

    private static let eof: UInt8 = 0xFF  // never a byte of valid UTF-8 text here; see `next`
    private static let leftDelim: [UInt8] = Array("{{".utf8)
    private static let rightDelim: [UInt8] = Array("}}".utf8)
    private static let leftComment: [UInt8] = Array("/*".utf8)
    private static let rightComment: [UInt8] = Array("*/".utf8)
    private static let trimMarkerLength = 2  // "- " or " -"

    /// Lexes all of `text` at once. `break`/`continue` are keywords unless functions of those names exist.
    static func tokenize(_ text: String, breakIsKeyword: Bool = true, continueIsKeyword: Bool = true) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in
            var lexer = Lexer(input: bytes, breakAllowed: breakIsKeyword, continueAllowed: continueIsKeyword)
            while lexer.lexMore() {}
            return lexer.tokens
        }
    }

    /// A lexer over `input`, which must stay valid while it is used.
    init(input: UnsafeBufferPointer<UInt8>, breakAllowed: Bool, continueAllowed: Bool) {
        self.input = input
        self.breakAllowed = breakAllowed
        self.continueAllowed = continueAllowed
        tokens.reserveCapacity(64)
    }

    /// Runs states until at least one more token is in `tokens`; false once lexing has ended and no
    /// token was added.
    mutating func lexMore() -> Bool {
        let count = tokens.count
        while tokens.count == count {
            guard let current = state else { return false }
            state = current.run(&self)
        }
        return true
    }

    /// Forgets the first `count` tokens of the window.
    mutating func dropFirst(_ count: Int) {
        tokens.removeFirst(count)
    }

    // MARK: helpers

    private var atEnd: Bool { pos >= input.count }

    /// The next byte, or `eof`. Multi-byte characters are consumed byte by byte; every check below
    /// looks at ASCII only, so a non-ASCII byte is simply "some other character".
    private mutating func next() -> UInt8 {
        guard pos < input.count else {
            readEOF = true
            return Lexer.eof
        }
        readEOF = false
        let b = input[pos]
        pos += 1
        if b == UInt8(ascii: "\n") { line += 1 }
        return b
    }

    private mutating func backup() {
        if readEOF {
            readEOF = false
            return
        }
        pos -= 1
        if pos < input.count && input[pos] == UInt8(ascii: "\n") { line -= 1 }
    }

    private func peek() -> UInt8 { pos < input.count ? input[pos] : Lexer.eof }

    private mutating func accept(_ valid: StaticString) -> Bool {
        let b = next()
        if b != Lexer.eof && Lexer.contains(valid, b) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: StaticString) {
        while true {
            let b = next()
            if b == Lexer.eof || !Lexer.contains(valid, b) { break }
        }
        backup()
    }

    private static func contains(_ set: StaticString, _ b: UInt8) -> Bool {
        UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(b)
    }

    /// Whether `}}` starts at `offset`.
    private func hasRightDelim(at offset: Int) -> Bool {
        offset >= 0 && offset + 1 < input.count
            && input[offset] == UInt8(ascii: "}") && input[offset + 1] == UInt8(ascii: "}")
    }

    private func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= input.count else { return false }
        for i in 0..<prefix.count where input[offset + i] != prefix[i] { return false }
        return true
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: input[from..<min(to, input.count)], as: UTF8.self)
    }

    private func newlines(_ from: Int, _ to: Int) -> Int {
        let end = min(to, input.count)
        var n = 0
        var i = from
        // Eight bytes at a time: the high bit of each byte of `marks` is set exactly where the byte is a newline.
        while i + 8 <= end {
            let v = UnsafeRawPointer(input.baseAddress! + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let marks = ~(((v & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | v | 0x7F7F_7F7F_7F7F_7F7F)
            n += marks.nonzeroBitCount
            i += 8
        }
        while i < end {
            if input[i] == UInt8(ascii: "\n") { n += 1 }
            i += 1
        }
        return n
    }

    /// The position of the next `{{` at or after `from` (found with `memchr`), or nil.
    private func nextLeftDelim(from: Int) -> Int? {
        guard let base = input.baseAddress else { return nil }
        var x = from
        while x + 1 < input.count, let found = memchr(base + x, Int32(UInt8(ascii: "{")), input.count - 1 - x) {
            x = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if input[x + 1] == UInt8(ascii: "{") { return x }
            x += 1
        }
        return nil
    }

    private mutating func thisToken(_ kind: TokenKind) -> Token {
        let t = Token(kind: kind, pos: start, end: pos, line: startLine)
        start = pos
        startLine = line
        return t
    }

    private mutating func emit(_ kind: TokenKind) -> State? {
        tokens.append(thisToken(kind))
        return nil
    }

    private mutating func ignore() {
        line += newlines(start, pos)
        start = pos
        startLine = line
    }

    /// Emits an error token and stops lexing.
    private mutating func fail(_ message: String) -> State? {
        errorMessage = message
        tokens.append(Token(kind: .error, pos: start, end: start, line: startLine))
        return nil
    }

    /// Go's `text/template` lexer's `isSpace`: space, tab, carriage return and newline only (what
    /// trim markers and the spaces between words accept), deliberately narrower than Go's
    /// `unicode.IsSpace` (``GoValues/isGoSpace(_:)``).
    private static func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
    }

    /// Letters, digits and `_`; every non-ASCII byte counts as a letter (Go accepts Unicode letters).
    private static func isAlphaNumeric(_ b: UInt8) -> Bool {
        if b == eof { return false }
        if b >= 0x80 { return true }
        return b == UInt8(ascii: "_") || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    /// `- ` after `{{`.
    private func hasLeftTrimMarker(at offset: Int) -> Bool {
        offset + 1 < input.count && input[offset] == UInt8(ascii: "-") && Lexer.isSpace(input[offset + 1])
    }

    /// ` -` before `}}`.
    private func hasRightTrimMarker(at offset: Int) -> Bool {
        offset >= 0 && offset + 1 < input.count && Lexer.isSpace(input[offset]) && input[offset + 1] == UInt8(ascii: "-")
    }

    /// Whether the input at `pos` is the right delimiter, and whether it carries a trim marker.
    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasRightDelim(at: pos + Lexer.trimMarkerLength) {
            return (true, true)
        }
        return (hasRightDelim(at: pos), false)
    }

    /// Whether the next character ends an operand (space, `.`, `,`, `|`, `:`, `(`, `)`, eof, `}}`).
    private func atTerminator() -> Bool {
        let r = peek()
        if r == Lexer.eof || Lexer.isSpace(r) { return true }
        switch r {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: "("):
            return true
        default:
            return hasRightDelim(at: pos)
        }
    }

    /// Go's `%#U` of the character at `offset` (`U+0023 '#'`).
    private func describeCharacter(at offset: Int) -> String {
        guard offset >= 0, offset < input.count else { return "U+FFFD '\u{FFFD}'" }
        var end = offset + 1
        while end < input.count && input[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: input[offset..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return GoQuote.isPrint(scalar) ? "U+\(hex) '\(Character(scalar))'" : "U+\(hex)"
    }

    /// Whether the bytes `from..<to` spell `word`.
    private func isWord(_ word: StaticString, _ from: Int, _ to: Int) -> Bool {
        guard to - from == word.utf8CodeUnitCount else { return false }
        let bytes = word.utf8Start
        for i in 0..<(to - from) where input[from + i] != bytes[i] { return false }
        return true
    }

    /// The keyword spelled by `from..<to`, if any (`.` is lexed elsewhere).
    private func keyword(_ from: Int, _ to: Int) -> TokenKind? {
        switch input[from] {
        case UInt8(ascii: "b"):
            if isWord("block", from, to) { return .block }
            if isWord("break", from, to) { return .breakKeyword }
        case UInt8(ascii: "c"): if isWord("continue", from, to) { return .continueKeyword }
        case UInt8(ascii: "d"): if isWord("define", from, to) { return .define }
        case UInt8(ascii: "e"):
            if isWord("else", from, to) { return .elseKeyword }
            if isWord("end", from, to) { return .end }
        case UInt8(ascii: "i"): if isWord("if", from, to) { return .ifKeyword }
        case UInt8(ascii: "n"): if isWord("nil", from, to) { return .nilKeyword }
        case UInt8(ascii: "r"): if isWord("range", from, to) { return .range }
        case UInt8(ascii: "t"): if isWord("template", from, to) { return .template }
        case UInt8(ascii: "w"): if isWord("with", from, to) { return .with }
        default: break
        }
        return nil
    }

    // MARK: states

    /// Text up to the next `{{`; trailing white space is dropped when the action starts with `{{- `.
    private static func lexText(_ l: inout Lexer) -> State? {
        if let x = l.nextLeftDelim(from: l.pos) {
            if x > l.pos {
                l.pos = x
                var trimLength = 0
                if l.hasLeftTrimMarker(at: l.pos + leftDelim.count) {
                    var i = l.pos
                    while i > l.start && isSpace(l.input[i - 1]) { i -= 1 }
                    trimLength = l.pos - i
                }
                l.pos -= trimLength
                l.line += l.newlines(l.start, l.pos)
                let token = l.thisToken(.text)
                l.pos += trimLength
                l.ignore()
                if token.end > token.pos { l.tokens.append(token) }
            }
            return .leftDelim
        }
        l.pos = l.input.count
        if l.pos > l.start {
            l.line += l.newlines(l.start, l.pos)
            _ = l.emit(.text)
        }
        _ = l.emit(.eof)
        return nil
    }

    /// `{{`, possibly followed by a trim marker or a comment.
    private static func lexLeftDelim(_ l: inout Lexer) -> State? {
        l.pos += leftDelim.count
        let trim = l.hasLeftTrimMarker(at: l.pos)
        let afterMarker = trim ? trimMarkerLength : 0
        if l.hasPrefix(leftComment, at: l.pos + afterMarker) {
            l.pos += afterMarker
            l.ignore()
            return .comment
        }
        let token = l.thisToken(.leftDelim)
        l.tokens.append(token)
        l.pos += afterMarker
        l.ignore()
        l.parenDepth = 0
        return .insideAction
    }

    /// `/* ... */` followed by the right delimiter.
    private static func lexComment(_ l: inout Lexer) -> State? {
        l.pos += leftComment.count
        var x = l.pos
        var found = false
        while x + 1 < l.input.count {
            if l.input[x] == UInt8(ascii: "*") && l.input[x + 1] == UInt8(ascii: "/") { found = true; break }
            x += 1
        }
        guard found else { return l.fail("unclosed comment") }
        l.pos = x + rightComment.count
        let (delim, trim) = l.atRightDelim()
        guard delim else { return l.fail("comment ends before closing delimiter") }
        let token = l.thisToken(.comment)
        if trim { l.pos += trimMarkerLength }
        l.pos += rightDelim.count
        if trim { while l.pos < l.input.count && isSpace(l.input[l.pos]) { l.pos += 1 } }
        l.ignore()
        l.tokens.append(token)
        return .text
    }

    /// `}}`, possibly preceded by a trim marker that also drops the white space after it.
    private static func lexRightDelim(_ l: inout Lexer) -> State? {
        let (_, trim) = l.atRightDelim()
        if trim {
            l.pos += trimMarkerLength
            l.ignore()
        }
        l.pos += rightDelim.count
        _ = l.emit(.rightDelim)
        if trim {
            while l.pos < l.input.count && isSpace(l.input[l.pos]) { l.pos += 1 }
            l.ignore()
        }
        return .text
    }

    /// Inside `{{ }}`: operands, punctuation, spaces.
    private static func lexInsideAction(_ l: inout Lexer) -> State? {
        let (delim, _) = l.atRightDelim()
        if delim {
            if l.parenDepth == 0 { return .rightDelim }
            return l.fail("unclosed left paren")
        }
        let r = l.next()
        switch r {
        case eof:
            return l.fail("unclosed action")
        case _ where isSpace(r):
            l.backup()  // put the space back in case this is " -}}"
            return .space
        case UInt8(ascii: "="):
            _ = l.emit(.assign)
        case UInt8(ascii: ":"):
            if l.next() != UInt8(ascii: "=") { return l.fail("expected :=") }
            _ = l.emit(.declare)
        case UInt8(ascii: "|"):
            _ = l.emit(.pipe)
        case UInt8(ascii: "\""):
            return .quote
        case UInt8(ascii: "`"):
            return .rawQuote
        case UInt8(ascii: "$"):
            return .variable
        case UInt8(ascii: "'"):
            return .char
        case UInt8(ascii: "."):
            // ".field" unless a digit follows (".5" is a number).
            if l.pos < l.input.count {
                let c = l.input[l.pos]
                if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { return .field }
            }
            l.backup()
            return .number
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            l.backup()
            return .number
        case _ where isAlphaNumeric(r):
            l.backup()
            return .identifier
        case UInt8(ascii: "("):
            l.parenDepth += 1
            _ = l.emit(.leftParen)
        case UInt8(ascii: ")"):
            l.parenDepth -= 1
            if l.parenDepth < 0 { return l.fail("unexpected right paren") }
            _ = l.emit(.rightParen)
        case 0x21...0x7E:
            _ = l.emit(.char)
        default:
            return l.fail("unrecognized character in action: \(l.describeCharacter(at: l.pos - 1))")
        }
        return .insideAction
    }

    /// A run of spaces; a space that belongs to ` -}}` is left for the delimiter.
    private static func lexSpace(_ l: inout Lexer) -> State? {
        var count = 0
        while isSpace(l.peek()) {
            _ = l.next()
            count += 1
        }
        if l.hasRightTrimMarker(at: l.pos - 1) && l.hasRightDelim(at: l.pos - 1 + trimMarkerLength) {
            l.backup()  // before the space
            if count == 1 { return .insideAction }  // the space is the marker's
        }
        _ = l.emit(.space)
        return .insideAction
    }

    /// An alphanumeric word: keyword, `true`/`false`, or function name.
    private static func lexIdentifier(_ l: inout Lexer) -> State? {
        while isAlphaNumeric(l.peek()) { _ = l.next() }
        if !l.atTerminator() { return l.fail("bad character \(l.describeCharacter(at: l.pos))") }
        if let keyword = l.keyword(l.start, l.pos) {
            if (keyword == .breakKeyword && !l.breakAllowed) || (keyword == .continueKeyword && !l.continueAllowed) {
                _ = l.emit(.identifier)
            } else {
                _ = l.emit(keyword)
            }
        } else if l.isWord("true", l.start, l.pos) || l.isWord("false", l.start, l.pos) {
            _ = l.emit(.bool)
        } else {
            _ = l.emit(.identifier)
        }
        return .insideAction
    }

    /// `.Field` (the `.` has been consumed).
    private static func lexField(_ l: inout Lexer) -> State? {
        lexFieldOrVariable(&l, .field)
    }

    /// `$name` or `$` (the `$` has been consumed).
    private static func lexVariable(_ l: inout Lexer) -> State? {
        lexFieldOrVariable(&l, .variable)
    }

    private static func lexFieldOrVariable(_ l: inout Lexer, _ kind: TokenKind) -> State? {
        if l.atTerminator() {  // just "." or "$"
            _ = l.emit(kind == .variable ? .variable : .dot)
            return .insideAction
        }
        while isAlphaNumeric(l.peek()) { _ = l.next() }
        if !l.atTerminator() { return l.fail("bad character \(l.describeCharacter(at: l.pos))") }
        _ = l.emit(kind)
        return .insideAction
    }

    /// `'x'` (the quote has been consumed).
    private static func lexChar(_ l: inout Lexer) -> State? {
        loop: while true {
            switch l.next() {
            case UInt8(ascii: "\\"):
                let r = l.next()
                if r != eof && r != UInt8(ascii: "\n") { continue }
                return l.fail("unterminated character constant")
            case eof, UInt8(ascii: "\n"):
                return l.fail("unterminated character constant")
            case UInt8(ascii: "'"):
                break loop
            default:
                continue
            }
        }
        _ = l.emit(.charConstant)
        return .insideAction
    }

    /// A number; its exact value is checked by the parser.
    private static func lexNumber(_ l: inout Lexer) -> State? {
        guard l.scanNumber() else {
            return l.fail("bad number syntax: \(GoQuote.quote(l.text(l.start, l.pos)))")
        }
        _ = l.emit(.number)
        return .insideAction
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits: StaticString = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.utf8CodeUnitCount == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.utf8CodeUnitCount == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if Lexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }

    /// `"..."` (the quote has been consumed).
    private static func lexQuote(_ l: inout Lexer) -> State? {
        loop: while true {
            switch l.next() {
            case UInt8(ascii: "\\"):
                let r = l.next()
                if r != eof && r != UInt8(ascii: "\n") { continue }
                return l.fail("unterminated quoted string")
            case eof, UInt8(ascii: "\n"):
                return l.fail("unterminated quoted string")
            case UInt8(ascii: "\""):
                break loop
            default:
                continue
            }
        }
        _ = l.emit(.string)
        return .insideAction
    }

    /// `` `...` `` (the quote has been consumed); may span lines.
    private static func lexRawQuote(_ l: inout Lexer) -> State? {
        while true {
            let r = l.next()
            if r == eof { return l.fail("unterminated raw quoted string") }
            if r == UInt8(ascii: "`") { break }
        }
        _ = l.emit(.rawString)
        return .insideAction
    }
}
