import Diagnostics

internal import CYAML

/// One libyaml event, copied out of C memory.
struct Event {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(value: String, anchor: String?, tag: String?, plain: Bool)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    var kind: Kind
    /// 0-based line and column from libyaml.
    var line: Int
    var column: Int
}

/// A libyaml event as `EventReader.skim` reports it: its kind and the few facts a skimming
/// reader needs, strings copied only on request.
struct SkimEvent {
    enum Kind { case streamStart, streamEnd, documentStart, documentEnd, alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd, other }

    var kind: Kind
    /// 0-based line and column from libyaml.
    var line: Int
    var column: Int
    /// An anchor or a tag is present.
    var hasProperties = false
    /// A plain, untagged scalar (typed by the resolver).
    var plain = false
    /// For a plain scalar: it might not read as a string-convertible key (null, `<<`, numbers
    /// beyond 64 bits...): anything that does not start with an ASCII letter, or is `null`.
    var maybeNonStringKey = false
    /// The scalar's text, when asked for.
    var value: String?
    /// When asked for: a 64-bit digest of the string a plain or quoted scalar key becomes (plain
    /// booleans as `true`/`false`), or `nil` for text that is not plain ASCII (whose string
    /// equality this digest cannot stand for).
    var keyDigest: UInt64?

    static func maybeNonStringKey(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = v.first else { return true }
        let isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
        if !isLetter { return true }
        if v.count == 4, first == UInt8(ascii: "n") || first == UInt8(ascii: "N") {
            let s = String(decoding: v, as: UTF8.self)
            return s == "null" || s == "Null" || s == "NULL"
        }
        return false
    }

    /// A 64-bit digest of `bytes` (8 bytes at a time), or `nil` when a byte is not ASCII.
    static func asciiDigest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let n = bytes.count
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0
        var i = 0
        func mix(_ word: UInt64) {
            high |= word
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
        }
        while i + 8 <= n {
            mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: raw + i, count: n - i)) }
            mix(word)
        }
        return high & 0x8080_8080_8080_8080 == 0 ? h : nil
    }

    /// The digest of the key a scalar's text makes (see `keyDigest`).
    static func keyDigest(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool) -> UInt64? {
        if plain, bytes.count <= 5, let b = boolWord(bytes) { return b ? trueDigest : falseDigest }
        return asciiDigest(bytes)
    }

    /// The boolean a plain word reads as (`yes`, `On`, `n`, ...; see `GoYAMLResolve`), if it is one.
    static func boolWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard (1...5).contains(bytes.count) else { return nil }
        for (word, value) in boolWords[bytes.count - 1] where word.elementsEqual(bytes) { return value }
        return nil
    }

    /// The plain words that read as booleans, by length.
    private static let boolWords: [[([UInt8], Bool)]] = {
        var byLength = [[([UInt8], Bool)]](repeating: [], count: 5)
        for (words, value) in [(ScalarResolver.trues, true), (ScalarResolver.falses, false)] {
            for word in words.sorted() { byLength[word.utf8.count - 1].append((Array(word.utf8), value)) }
        }
        return byLength
    }()

    private static let trueDigest = Array("true".utf8).withUnsafeBufferPointer { asciiDigest($0) }
    private static let falseDigest = Array("false".utf8).withUnsafeBufferPointer { asciiDigest($0) }
}

/// Owns a libyaml parser and the bytes it reads; frees both in `deinit`.
final class EventReader {
    /// The libyaml parser, at a fixed address (no exclusivity checks per event, as a stored `var` would have).
    private let state: UnsafeMutablePointer<yaml_parser_t>
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes of input in `buffer` (the buffer holds at least one byte even for empty input).
    private let inputCount: Int
    /// Lines before the input in its file (the input is an excerpt starting at line `lineOffset + 1`):
    /// added to every reported line.
    private let lineOffset: Int

    init(bytes: some Collection<UInt8>, firstLine: Int = 1) {
        buffer = .allocate(capacity: max(bytes.count, 1))
        inputCount = bytes.count
        lineOffset = firstLine - 1
        _ = buffer.initialize(from: bytes)
        state = .allocate(capacity: 1)
        state.initialize(to: yaml_parser_t())
        yaml_parser_initialize(state)
        yaml_parser_set_encoding(state, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(state, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(state)
        state.deinitialize(count: 1)
        state.deallocate()
        buffer.deallocate()
    }

    /// The next event; throws the libyaml error (message and position) on malformed input.
    func next(file: String) throws(YAMLError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(state, &event) == 1 else {
            throw parserError(file: file)
        }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + lineOffset
        let column = Int(event.start_mark.column)
        let kind: Event.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
            kind = .scalar(
                value: value, anchor: Self.string(s.anchor), tag: Self.string(s.tag),
                plain: s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit == 1)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            kind = .sequenceStart(anchor: Self.string(s.anchor), tag: Self.string(s.tag))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            kind = .mappingStart(anchor: Self.string(m.anchor), tag: Self.string(m.tag))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd
        }
        return Event(kind: kind, line: line, column: column)
    }

    /// The next event without copying its strings (see `SkimEvent`), or `nil` on malformed
    /// input (the caller then parses again with `next(file:)` to learn the error).
    /// `wantValue` copies a scalar's value into `SkimEvent.value`.
    /// `wantDigest` computes a scalar's `SkimEvent.keyDigest`.
    func skim(wantValue: Bool, wantDigest: Bool = false) -> SkimEvent? {
        var event = yaml_event_t()
        guard yaml_parser_parse(state, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        var out = SkimEvent(kind: .other, line: Int(event.start_mark.line) + lineOffset, column: Int(event.start_mark.column))
        switch event.type {
        case YAML_STREAM_START_EVENT: out.kind = .streamStart
        case YAML_STREAM_END_EVENT: out.kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: out.kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: out.kind = .documentEnd
        case YAML_ALIAS_EVENT: out.kind = .alias
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            out.kind = .scalar
            out.hasProperties = s.anchor != nil || s.tag != nil
            out.plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit == 1
            let bytes = UnsafeBufferPointer(start: s.value, count: Int(s.length))
            if out.plain { out.maybeNonStringKey = SkimEvent.maybeNonStringKey(bytes) }
            if wantValue { out.value = String(decoding: bytes, as: UTF8.self) }
            if wantDigest { out.keyDigest = SkimEvent.keyDigest(bytes, plain: out.plain) }
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            out.kind = .sequenceStart
            out.hasProperties = s.anchor != nil || s.tag != nil
        case YAML_SEQUENCE_END_EVENT: out.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            out.kind = .mappingStart
            out.hasProperties = m.anchor != nil || m.tag != nil
        case YAML_MAPPING_END_EVENT: out.kind = .mappingEnd
        default: break
        }
        return out
    }

    /// The libyaml error as go-yaml reports it (the problem; libyaml's "while parsing ..."
    /// context is kept apart in `YAMLError.context`), at the problem's position. Reader errors (bad UTF-8, control characters) only
    /// know a byte offset, which is turned into a line and column here.
    /// The parser's state (error fields).
    private var parser: yaml_parser_t { state.pointee }

    private func parserError(file: String) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            let (line, column) = position(ofByte: Int(parser.problem_offset))
            return YAMLError(.syntax(problem), at: Mark(file: file, line: line + lineOffset, column: column), goLine: nil)
        }
        let mark = parser.problem_mark
        var hint: String?
        if let offset = byteOffset(line: Int(mark.line), column: Int(mark.column)), buffer[offset] == UInt8(ascii: "\t") {
            hint = "tabs cannot indent YAML"
        }
        var error = YAMLError(
            .syntax(problem),
            at: Mark(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1),
            goLine: goLine())
        error.hint = hint
        error.context = parser.context.map { String(cString: $0) }
        return error
    }

    /// go-yaml's line for the current error: the problem's 0-based line, plus one for scanner
    /// errors; else the context's 0-based line; `nil` when that is 0 too (lines of the whole file).
    private func goLine() -> Int? {
        let problemLine = Int(parser.problem_mark.line) + lineOffset
        if problemLine != 0 {
            return parser.error == YAML_SCANNER_ERROR ? problemLine + 1 : problemLine
        }
        let contextLine = Int(parser.context_mark.line) + lineOffset
        return contextLine != 0 ? contextLine : nil
    }

    /// Byte offset of a 0-based line and column (in characters), if inside the input.
    private func byteOffset(line: Int, column: Int) -> Int? {
        var i = 0, l = 0
        while l < line {
            guard i < inputCount else { return nil }
            if buffer[i] == 0x0A { l += 1 }
            i += 1
        }
        var c = 0
        while c < column {
            guard i < inputCount else { return nil }
            i += 1
            while i < inputCount, buffer[i] & 0xC0 == 0x80 { i += 1 }
            c += 1
        }
        return i < inputCount ? i : nil
    }

    /// 1-based line and column (in characters) of a byte offset into the input.
    private func position(ofByte offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, inputCount)
        while i < end {
            let c = buffer[i]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
