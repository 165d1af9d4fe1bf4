/// Reads a document's head (``DocumentHead``) straight from its bytes when the document is plain block YAML, the
/// shape templates render: block mappings and sequences, plain and quoted one-line scalars,
/// literal and folded block scalars (`|`, `>`, with chomping and indentation indicators), plain and quoted
/// scalars continued on further lines and double-quoted ones with escapes outside the head's fields,
/// empty flow collections (after their key or on the next line), one-line flow lists of simple scalars,
/// comments.
///
/// It answers only when it can prove the document valid and the head equal to what the YAML
/// parser would read; anything outside that subset (anchors, aliases, tags, escapes in a head field,
/// flow mappings with content, tabs, document markers, a head field that might not be a string) returns
/// `nil`, and the full parser decides, errors included.
/// `ManifestHeadScannerTests` checks the agreement over generated and mutated documents.
enum DocumentHeadScanner {
    /// The head of `doc`, or `nil` when the document needs the full parser.
    static func scan(_ doc: Substring) -> DocumentHead? {
        var doc = doc
        return doc.withUTF8 { bytes in
            var scanner = Scanner(bytes)
            return scanner.run()
        }
    }

    /// Whether the byte at `i`, not ASCII, starts a character libyaml rejects or reads as a line
    /// break: C1 controls (NEL among them), a byte-order mark inside the stream, U+FFFE/U+FFFF,
    /// U+2028 and U+2029. (Swift strings are valid UTF-8 already.)
    @inline(__always)
    static func isUnprintable(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = b.count
        let c = b[i]
        let c1: UInt8 = i + 1 < n ? b[i + 1] : 0
        let c2: UInt8 = i + 2 < n ? b[i + 2] : 0
        switch c {
        case 0xC2: return c1 < 0xA0
        case 0xE2: return c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9)
        case 0xEF: return (c1 == 0xBB && c2 == 0xBF) || (c1 == 0xBF && c2 >= 0xBE)
        default: return false
        }
    }
}

/// Tests on eight bytes at once (one unaligned 64-bit load), for the scanner's long runs of
/// ordinary text.
enum Bytes8 {
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    @inline(__always)
    static func load(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Whether `b[i..<i+8]` are all in 0x20...0x7E. For bytes below 0x80, adding 0x01 sets the
    /// high bit only for 0x7F and adding 0x60 sets it exactly for 0x20 and above; no sum carries
    /// into the next byte.
    @inline(__always)
    static func allPrintableASCII(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let x = load(b, at: i)
        return x & high == 0 && (x &+ ones) & high == 0 && (x &+ 0x6060_6060_6060_6060) & high == high
    }

    /// Whether one of `b[i..<i+8]` is `:` or `#` (the classic zero-byte test on `x ^ pattern`; it
    /// can report a match that is not one, never miss one).
    @inline(__always)
    static func containsColonOrHash(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let x = load(b, at: i)
        return hasZeroByte(x ^ 0x3A3A_3A3A_3A3A_3A3A) || hasZeroByte(x ^ 0x2323_2323_2323_2323)
    }

    /// How many bytes from `i` on are spaces (eight at a time: the first other byte is the lowest
    /// nonzero byte of the word xor eight spaces).
    @inline(__always)
    static func leadingSpaces(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j + 8 <= b.count {
            let v = load(b, at: j) ^ 0x2020_2020_2020_2020
            if v != 0 { return j - i + v.trailingZeroBitCount / 8 }
            j += 8
        }
        while j < b.count && b[j] == 0x20 { j += 1 }
        return j - i
    }

    @inline(__always)
    static func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & high != 0 }
}

private let space: UInt8 = 0x20, newline: UInt8 = 0x0A, hash: UInt8 = 0x23, colon: UInt8 = 0x3A
private let dash: UInt8 = 0x2D, doubleQuote: UInt8 = 0x22, singleQuote: UInt8 = 0x27, backslash: UInt8 = 0x5C

/// Which head field a container or scalar is.
private enum Role: Equatable {
    case top, metadata, annotations, other
}

/// A mapping key: its bytes when plain, its text when quoted.
private enum Key {
    /// A plain key that is certainly a string.
    case plain(Range<Int>)
    /// A plain decimal integer key.
    case number(Range<Int>)
    case quoted(String)

    func `is`(_ word: StaticString, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .plain(let r):
            guard r.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for (i, k) in r.enumerated() where b[k] != w[i] { return false }
            return true
        case .number: return false
        case .quoted(let s): return s == word.description
        }
    }

    /// The key as a string; `nil` for a number key (not a string in the parser's eyes).
    func string(in b: UnsafeBufferPointer<UInt8>) -> String? {
        switch self {
        case .plain(let r): return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        case .number: return nil
        case .quoted(let s): return s
        }
    }
}

/// A head field that must hold a string or null.
private enum ScalarField {
    case none, apiVersion, kind, name, annotation(String)
}

/// An open block collection.
private struct Container {
    var indent: Int
    var isSequence: Bool
    /// A sequence at its parent key's own indentation (`key:\n- a`).
    var isCompact: Bool
    var role: Role
}

/// What the previous line left open.
private enum Pending {
    case none
    /// `key:` with nothing after it: a deeper block follows, or the value is null.
    case key(indent: Int, childRole: Role, scalarOnly: Bool)
    /// `-` with nothing after it.
    case item(indent: Int)
}

/// A scalar or empty collection after `key:` or `- `.
private enum ValueShape: Equatable {
    case empty
    case plain(Range<Int>)
    case quoted(String)
    case emptyMap
    case emptyList
    /// A block scalar's header (`|`, `>`, `|-` …): its content is on the lines below, indented by `increment`
    /// past the parent when the header says (0: as its first non-blank line).
    case blockScalar(increment: Int)
    /// A quoted scalar that goes on past the line, by its quote.
    case openQuote(UInt8)
    /// A one-line scalar whose text the subset does not read (a double-quoted one with escapes).
    case unread
    /// A flow sequence of simple scalars on one line (`["", "apps"]`).
    case flowList
}

/// The lines of a block scalar being skipped (libyaml's `yaml_parser_scan_block_scalar`): its content is every line
/// indented at least as far as its first non-blank line, which must be indented further than the scalar's parent
/// (the column of its key or `-`), and blank lines.
private struct BlockScalar {
    /// The column of the key or `-` the scalar belongs to.
    var parent: Int
    /// The content's indentation: the header's, or once a non-blank line has set it.
    var content: Int?

    /// `increment`: the header's indentation indicator (0 for none).
    init(parent: Int, increment: Int) {
        self.parent = parent
        content = increment > 0 ? parent + increment : nil
    }
    /// The most spaces on a blank line before the first content line (libyaml takes that as the indentation when it
    /// is more than the first line's).
    var leading = 0

    /// What a line is to the scalar.
    enum Line { case content, ended, outsideTheSubset }

    /// Takes a line of `indent` spaces (`blank`: nothing else on it).
    mutating func take(indent: Int, blank: Bool) -> Line {
        if blank {
            if content == nil { leading = max(leading, indent) }
            return .content
        }
        if let content {
            if indent >= content { return .content }
        } else if indent > parent {
            if leading > indent { return .outsideTheSubset }
            content = indent
            return .content
        }
        // A line less indented than the content ends the scalar; the parser reads one that is still indented past
        // the parent as a continuation the subset does not cover.
        return indent > parent ? .outsideTheSubset : .ended
    }
}

private struct Scanner {
    let b: UnsafeBufferPointer<UInt8>
    var stack: [Container] = []
    var pending: Pending = .none
    var head = DocumentHead()
    var sawContent = false
    /// The block scalar whose lines are being skipped.
    var block: BlockScalar?
    /// The column of the key or `-` of a plain scalar that further lines indented past it continue.
    var plainParent: Int?
    /// The quote of a quoted scalar still open: the lines up to its closing quote are its text.
    var openQuote: UInt8?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
        stack.reserveCapacity(16)
    }

    mutating func run() -> DocumentHead? {
        let n = b.count
        var lineStart = 0
        while lineStart < n {
            var j = lineStart
            j += Bytes8.leadingSpaces(b, from: j)
            var end = j
            // The line's end, every byte checked on the way: libyaml rejects control characters;
            // tabs and carriage returns are valid YAML but outside the subset. Eight bytes at a time
            // while they are all printable ASCII, then byte by byte.
            while end + 8 <= n && Bytes8.allPrintableASCII(b, at: end) { end += 8 }
            while end < n {
                let c = b[end]
                if c >= 0x20 && c < 0x7F {
                    end += 1
                    continue
                }
                if c == newline { break }
                if c < 0x80 || DocumentHeadScanner.isUnprintable(b, at: end) { return nil }
                end += 1
            }
            defer { lineStart = end + 1 }
            if let quote = openQuote {
                // libyaml's `yaml_parser_scan_flow_scalar`: any line is text, but a document marker.
                if startsDocumentMarker(lineStart, end) { return nil }
                switch quotedEnd(quote, from: lineStart, end: end) {
                case .open: continue
                case .invalid: return nil
                case .closed(let close):
                    guard restIsComment(close, end) else { return nil }
                    openQuote = nil
                    continue
                }
            }
            if block != nil {
                // Before comments are passed over: a `#` line is content, or ends the scalar by its indentation.
                switch block!.take(indent: j - lineStart, blank: j == end) {
                case .content: continue
                case .outsideTheSubset: return nil
                case .ended: block = nil
                }
            }
            if let parent = plainParent {
                // libyaml's `yaml_parser_scan_plain_scalar`: a line indented past the parent continues the scalar
                // (blank lines too); the subset takes continuations that hold no `: `, comment or indicator.
                if j == end { continue }
                if j - lineStart > parent {
                    guard continuesPlain(j, end) else { return nil }
                    continue
                }
                plainParent = nil
            }
            if j == end || b[j] == hash { continue }
            if j == lineStart && startsDocumentMarker(j, end) { return nil }
            guard line(indent: j - lineStart, start: j, end: end, lineStart: lineStart) else { return nil }
        }
        return openQuote == nil ? head : nil  // a quoted scalar open at the end is an error
    }

    /// `---`, `...` or a `%` directive at the start of a line.
    func startsDocumentMarker(_ j: Int, _ end: Int) -> Bool {
        guard j < end else { return false }
        if b[j] == 0x25 { return true }
        guard end - j >= 3 else { return false }
        return (b[j] == dash && b[j + 1] == dash && b[j + 2] == dash) || (b[j] == 0x2E && b[j + 1] == 0x2E && b[j + 2] == 0x2E)
    }

    func isDashEntry(_ j: Int, _ end: Int) -> Bool {
        b[j] == dash && (j + 1 == end || b[j + 1] == space)
    }

    /// One content line; `false` leaves the subset.
    mutating func line(indent: Int, start j: Int, end: Int, lineStart: Int) -> Bool {
        let dashLine = isDashEntry(j, end)
        var opened = false
        switch pending {
        case .none: break
        case let .key(p, childRole, scalarOnly):
            if indent > p, let shape = emptyFlowCollection(j, end) {
                // `key:` then `{}` or `[]` alone on a deeper line: the key's value (a deeper line after it is no
                // continuation the parser takes, and the stack refuses it).
                pending = .none
                if scalarOnly || (childRole != .other && shape != .emptyMap) { return false }
                sawContent = true
                return true
            }
            if indent > p || (indent == p && dashLine) {
                if scalarOnly { return false }
                if dashLine && childRole != .other { return false }  // a list where a map belongs
                stack.append(Container(indent: indent, isSequence: dashLine, isCompact: indent == p, role: childRole))
                opened = true
            }
        case let .item(p):
            if indent > p {
                stack.append(Container(indent: indent, isSequence: dashLine, isCompact: false, role: .other))
                opened = true
            }
        }
        pending = .none
        if !opened {
            while let top = stack.last, top.indent > indent { stack.removeLast() }
            if let top = stack.last, top.indent == indent, top.isCompact, !dashLine { stack.removeLast() }
            if stack.isEmpty {
                if sawContent || dashLine { return false }  // below the top level, or a top-level list
                stack.append(Container(indent: indent, isSequence: false, isCompact: false, role: .top))
            }
            guard let top = stack.last, top.indent == indent, top.isSequence == dashLine else { return false }
        }
        sawContent = true
        guard dashLine else {
            return entry(at: j, end: end, keyIndent: indent, role: stack[stack.count - 1].role)
        }
        var q = j + 1
        while q < end && b[q] == space { q += 1 }
        if q == end || b[q] == hash {
            pending = .item(indent: indent)
            return true
        }
        if isDashEntry(q, end) { return false }
        if keyEnd(from: q, end: end) != nil {
            stack.append(Container(indent: q - lineStart, isSequence: false, isCompact: false, role: .other))
            return entry(at: q, end: end, keyIndent: q - lineStart, role: .other)
        }
        guard let shape = value(from: q, end: end) else { return false }
        if case .blockScalar(let increment) = shape { block = BlockScalar(parent: indent, increment: increment) }
        if case .plain(let r) = shape, onlySpaces(r.upperBound, end) { plainParent = indent }
        if case .openQuote(let quote) = shape { openQuote = quote }
        return true
    }

    /// `key: value` or `key:` inside a mapping of the given role.
    mutating func entry(at j: Int, end: Int, keyIndent: Int, role: Role) -> Bool {
        guard let (key, afterColon) = self.key(at: j, end: end) else { return false }
        var childRole = Role.other
        var field = ScalarField.none
        switch role {
        case .top:
            if key.is("metadata", in: b) {
                head.annotations = [:]
                childRole = .metadata
            } else if key.is("kind", in: b) {
                head.kind = ""
                field = .kind
            } else if key.is("apiVersion", in: b) {
                field = .apiVersion
            }
        case .metadata:
            if key.is("annotations", in: b) {
                head.annotations = [:]
                childRole = .annotations
            } else if key.is("name", in: b) {
                field = .name
            }
        case .annotations:
            guard let text = key.string(in: b) else { return false }
            head.annotations[text] = ""
            field = .annotation(text)
        case .other: break
        }
        var v = afterColon
        while v < end && b[v] == space { v += 1 }
        guard let shape = value(from: v, end: end) else { return false }
        if case .blockScalar(let increment) = shape {
            // Outside the head's fields only: a block scalar there is a value the subset does not read.
            guard childRole == .other, case .none = field else { return false }
            block = BlockScalar(parent: keyIndent, increment: increment)
            return true
        }
        if case .openQuote(let quote) = shape {
            guard childRole == .other, case .none = field else { return false }
            openQuote = quote
            return true
        }
        if case .empty = shape {
            if case .none = field {
                pending = .key(indent: keyIndent, childRole: childRole, scalarOnly: false)
            } else {
                pending = .key(indent: keyIndent, childRole: .other, scalarOnly: true)
            }
            return true
        }
        if childRole != .other {
            // metadata and annotations must be maps (or null).
            switch shape {
            case .emptyMap: return true
            case .plain(let r): return isNullWord(r)
            default: return false
            }
        }
        if case .none = field {
            if case .plain(let r) = shape, onlySpaces(r.upperBound, end) { plainParent = keyIndent }
            return true
        }
        let text: String?
        switch shape {
        case .quoted(let s): text = s
        case .plain(let r):
            if isNullWord(r) {
                text = nil
            } else if isCertainlyString(r) {
                text = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
            } else {
                // The parser's own resolution: `0.93.1` is a string, `0.93` a number.
                let plain = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
                guard GoYAMLResolve.resolve(plain) == .string else { return false }
                text = plain
            }
        default: return false
        }
        switch field {
        case .kind: head.kind = text ?? ""
        case .annotation(let k): head.annotations[k] = text ?? ""
        default: break
        }
        return true
    }

    /// Where a plain key's `:` is, or `nil` when the line is not `key: …`.
    func keyEnd(from p: Int, end: Int) -> Int? {
        let c = b[p]
        if c == doubleQuote || c == singleQuote {
            guard let close = quoteEnd(from: p, end: end) else { return nil }
            var k = close
            while k < end && b[k] == space { k += 1 }
            return k < end && b[k] == colon && (k + 1 == end || b[k + 1] == space) ? k : nil
        }
        guard startsPlain(p, end) else { return nil }
        var k = p
        // Words with neither `:` nor `#` are skipped whole.
        while k + 8 <= end && !Bytes8.containsColonOrHash(b, at: k) { k += 8 }
        while k < end {
            let ch = b[k]
            if ch == colon && (k + 1 == end || b[k + 1] == space) { return k - p > 1000 ? nil : k }
            if ch == hash && b[k - 1] == space { return nil }
            k += 1
        }
        return nil
    }

    /// The key at `p` and the index after its `:`.
    func key(at p: Int, end: Int) -> (Key, Int)? {
        guard let colonAt = keyEnd(from: p, end: end) else { return nil }
        let c = b[p]
        if c == doubleQuote || c == singleQuote {
            guard let close = quoteEnd(from: p, end: end), let text = quotedText(p, close) else { return nil }
            return (.quoted(text), colonAt + 1)
        }
        var e = colonAt
        while e > p && b[e - 1] == space { e -= 1 }
        // Keys must become JSON object keys: null, merge (`<<`) and the many numeric and time
        // spellings are left to the parser; a letter-led key that is no bool word is a string.
        if isCertainlyString(p..<e) { return (.plain(p..<e), colonAt + 1) }
        return isDecimal(p..<e) ? (.number(p..<e), colonAt + 1) : nil
    }

    /// The value starting at `v` (after its separating spaces), or `nil` outside the subset.
    func value(from v: Int, end: Int) -> ValueShape? {
        if v == end || b[v] == hash { return .empty }
        let c = b[v]
        if c == doubleQuote || c == singleQuote {
            guard let close = quoteEnd(from: v, end: end) else {
                switch quotedEnd(c, from: v + 1, end: end) {
                case .open: return .openQuote(c)
                case .invalid: return nil
                case .closed(let close): return restIsComment(close, end) ? .unread : nil
                }
            }
            guard restIsComment(close, end), let text = quotedText(v, close) else { return nil }
            return .quoted(text)
        }
        if c == 0x7C || c == 0x3E {  // `|` or `>`, chomping and indentation indicators, then nothing but a comment
            var k = v + 1
            var chomping = false, increment = 0
            while k < end && k < v + 3 {
                if !chomping && (b[k] == dash || b[k] == 0x2B) {
                    chomping = true
                } else if increment == 0 && b[k] >= 0x31 && b[k] <= 0x39 {
                    increment = Int(b[k] - 0x30)
                } else {
                    break
                }
                k += 1
            }
            guard k == end || b[k] == space, restIsComment(k, end) else { return nil }
            return .blockScalar(increment: increment)
        }
        if c == 0x5B || c == 0x7B {  // `[]`, `{}`, or a one-line list of simple scalars
            var k = v + 1
            while k < end && b[k] == space { k += 1 }
            guard k < end, b[k] == (c == 0x5B ? 0x5D : 0x7D), restIsComment(k + 1, end) else {
                return c == 0x5B && flowListEnd(from: v, end: end).map { restIsComment($0, end) } == true ? .flowList : nil
            }
            return c == 0x5B ? .emptyList : .emptyMap
        }
        guard startsPlain(v, end) else { return nil }
        var k = v
        var last = v
        while k < end {
            let ch = b[k]
            if ch == colon && (k + 1 == end || b[k + 1] == space) { return nil }  // "mapping values are not allowed"
            if ch == hash && b[k - 1] == space { break }
            if ch != space { last = k }
            k += 1
        }
        return .plain(v..<(last + 1))
    }

    /// The index after the `]` of a one-line flow sequence at `p` whose items are quoted scalars without escapes or
    /// plain words of letters, digits and `._/-` (led by a letter or digit), separated by commas; nil for anything else.
    func flowListEnd(from p: Int, end: Int) -> Int? {
        var k = p + 1
        func skipSpaces() { while k < end && b[k] == space { k += 1 } }
        while true {
            skipSpaces()
            guard k < end else { return nil }
            let c = b[k]
            if c == doubleQuote || c == singleQuote {
                guard let close = quoteEnd(from: k, end: end) else { return nil }
                k = close
            } else {
                func isWord(_ x: UInt8) -> Bool {
                    (x | 0x20 >= 0x61 && x | 0x20 <= 0x7A) || (x >= 0x30 && x <= 0x39) || x == 0x2E || x == 0x5F || x == 0x2F || x == dash
                }
                guard isWord(c), c != dash, c != 0x2E, c != 0x5F, c != 0x2F else { return nil }
                while k < end && isWord(b[k]) { k += 1 }
            }
            skipSpaces()
            guard k < end else { return nil }
            if b[k] == 0x5D { return k + 1 }
            guard b[k] == 0x2C else { return nil }
            k += 1
        }
    }

    /// `{}` or `[]` (spaces inside allowed), then nothing but a comment.
    func emptyFlowCollection(_ j: Int, _ end: Int) -> ValueShape? {
        let c = b[j]
        guard c == 0x5B || c == 0x7B else { return nil }
        var k = j + 1
        while k < end && b[k] == space { k += 1 }
        guard k < end, b[k] == (c == 0x5B ? 0x5D : 0x7D), restIsComment(k + 1, end) else { return nil }
        return c == 0x5B ? .emptyList : .emptyMap
    }

    /// A plain scalar may start here: not an indicator (`-?:` only before a space).
    func startsPlain(_ p: Int, _ end: Int) -> Bool {
        switch b[p] {
        case 0x2D, 0x3F, 0x3A: return p + 1 < end && b[p + 1] != space
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60: return false
        default: return true
        }
    }

    /// The index after the closing quote of the quoted scalar at `p`, on this line; `nil` for
    /// escapes (double-quoted backslashes) and scalars that go on past the line.
    func quoteEnd(from p: Int, end: Int) -> Int? {
        let q = b[p]
        var k = p + 1
        while k < end {
            let ch = b[k]
            if q == doubleQuote {
                if ch == backslash { return nil }
                if ch == doubleQuote { return k + 1 }
            } else if ch == singleQuote {
                if k + 1 < end && b[k + 1] == singleQuote {
                    k += 2
                    continue
                }
                return k + 1
            }
            k += 1
        }
        return nil
    }

    /// Where a quoted scalar's text, from `p` (inside it) to the end of the line, stops.
    enum QuotedEnd {
        /// At its closing quote (the index after it).
        case closed(Int)
        /// It goes on past the line.
        case open
        /// An escape libyaml refuses.
        case invalid
    }

    /// Looks from `p` for the quote that closes a scalar quoted by `quote`: `''` is a quote inside a single-quoted
    /// one; a double-quoted one takes libyaml's escapes (`\n`, `\"`, `\x41`, `\u00e9`, a backslash ending the
    /// line …), any other backslash is ``QuotedEnd/invalid``.
    func quotedEnd(_ quote: UInt8, from p: Int, end: Int) -> QuotedEnd {
        var k = p
        while k < end {
            let ch = b[k]
            if quote == singleQuote {
                if ch == singleQuote {
                    if k + 1 < end && b[k + 1] == singleQuote {
                        k += 2
                        continue
                    }
                    return .closed(k + 1)
                }
            } else if ch == doubleQuote {
                return .closed(k + 1)
            } else if ch == backslash {
                guard k + 1 < end else { return .open }  // an escaped line break
                guard let length = escapeLength(at: k + 1, end: end) else { return .invalid }
                k += 1 + length
                continue
            }
            k += 1
        }
        return .open
    }

    /// The length of the escape whose letter is at `k` (after a backslash), nil for one libyaml refuses.
    func escapeLength(at k: Int, end: Int) -> Int? {
        let digits: Int
        switch b[k] {
        case 0x30, 0x61, 0x62, 0x74, 0x6E, 0x76, 0x66, 0x72, 0x65, space, doubleQuote, 0x2F, backslash,
            0x4E, 0x5F, 0x4C, 0x50:  // 0 a b t n v f r e ␠ " / \ N _ L P (libyaml refuses \')
            return 1
        case 0x78: digits = 2  // x
        case 0x75: digits = 4  // u
        case 0x55: digits = 8  // U
        default: return nil
        }
        guard k + digits < end else { return nil }
        var value: UInt32 = 0
        for i in 1...digits {
            let d = b[k + i]
            let nibble: UInt8
            switch d {
            case 0x30...0x39: nibble = d - 0x30
            case 0x41...0x46: nibble = d - 0x41 + 10
            case 0x61...0x66: nibble = d - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(nibble)
        }
        if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return nil }
        return 1 + digits
    }

    /// The text of the quoted scalar spanning `p..<close`.
    func quotedText(_ p: Int, _ close: Int) -> String? {
        let inner = UnsafeBufferPointer(rebasing: b[(p + 1)..<(close - 1)])
        let text = String(decoding: inner, as: UTF8.self)
        return b[p] == singleQuote ? text.replacingDoubledQuotes() : text
    }

    /// A line that continues a plain scalar inside the subset: it holds no `: ` (a mapping value where none is
    /// allowed) and no comment (which would end the scalar before the next line). Indicators are text there.
    func continuesPlain(_ j: Int, _ end: Int) -> Bool {
        guard b[j] != hash else { return false }
        var k = j
        while k + 8 <= end && !Bytes8.containsColonOrHash(b, at: k) { k += 8 }
        while k < end {
            let ch = b[k]
            if ch == colon && (k + 1 == end || b[k + 1] == space) { return false }
            if ch == hash && b[k - 1] == space { return false }
            k += 1
        }
        return true
    }

    /// Only spaces from `k` to the end of the line.
    func onlySpaces(_ k: Int, _ end: Int) -> Bool {
        var i = k
        while i < end && b[i] == space { i += 1 }
        return i == end
    }

    /// Only spaces, then the end of the line or a comment (`#` after a space).
    func restIsComment(_ k: Int, _ end: Int) -> Bool {
        var i = k
        while i < end && b[i] == space { i += 1 }
        return i == end || (b[i] == hash && i > k)
    }

    /// A plain scalar that YAML resolves to null.
    func isNullWord(_ r: Range<Int>) -> Bool {
        matches(r, "~") || matches(r, "null") || matches(r, "Null") || matches(r, "NULL")
    }

    /// A plain scalar that certainly resolves to a string: it starts with a letter and is not a
    /// boolean or null word in any letter case (go-yaml's `y`, `yes`, `on`, `true` …).
    func isCertainlyString(_ r: Range<Int>) -> Bool {
        let c = b[r.lowerBound] | 0x20
        guard c >= 0x61 && c <= 0x7A else { return false }
        guard r.count <= 5 else { return true }
        for word in ["y", "n", "yes", "no", "on", "off", "true", "false", "null"] as [StaticString]
        where word.utf8CodeUnitCount == r.count {
            let w = word.utf8Start
            var same = true
            for (i, k) in r.enumerated() where b[k] | 0x20 != w[i] {
                same = false
                break
            }
            if same { return false }
        }
        return true
    }

    /// A short run of decimal digits without a leading zero: an int key.
    func isDecimal(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 18, r.count == 1 || b[r.lowerBound] != 0x30 else { return false }
        return r.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 }
    }

    func matches(_ r: Range<Int>, _ word: StaticString) -> Bool {
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for (i, k) in r.enumerated() where b[k] != w[i] { return false }
        return true
    }
}

extension String {
    /// A single-quoted scalar's text: `''` stands for `'`.
    fileprivate func replacingDoubledQuotes() -> String {
        guard utf8.contains(0x27) else { return self }
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == "'" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = ch == "'"
            out.append(ch)
        }
        return out
    }
}
