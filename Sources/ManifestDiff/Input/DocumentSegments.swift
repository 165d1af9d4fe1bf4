#if canImport(Glibc)
import Glibc
#endif
import YAML

/// A manifest stream cut into its documents' texts, without parsing: the cut points are the lines that
/// start with `---` (then a space, a tab or the end of the line).
///
/// Used to parse a document once when both releases hold it byte for byte. Streams the cut could get
/// wrong (directives `%...`, end markers `...`) are not cut (`nil`).
struct DocumentSegments {
    struct Segment {
        /// The document's bytes (from its `---` line, if it has one, up to the next one).
        var bytes: ArraySlice<UInt8>
        /// 1-based line of the segment's first line.
        var line: Int
        /// Whether libyaml makes a document of it: always after a `---` line, else only with content.
        var isDocument: Bool

        init(bytes: ArraySlice<UInt8>, line: Int, isDocument: Bool) {
            self.bytes = bytes
            self.line = line
            self.isDocument = isDocument
        }

        /// The text as a dictionary key (hashed when made).
        var key: SegmentKey { SegmentKey(isDocument ? bytes : []) }
    }

    var segments: [Segment]

    init?(_ bytes: [UInt8]) {
        guard let cut = bytes.withUnsafeBufferPointer({ Self.cut($0) }) else { return nil }
        segments = cut.map { Segment(bytes: bytes[$0.range], line: $0.line, isDocument: $0.isDocument) }
    }

    /// The segments' byte ranges, first lines and whether they are documents; nil when the stream cannot be cut.
    private static func cut(_ buffer: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, line: Int, isDocument: Bool)]? {
        guard let base = buffer.baseAddress else { return [] }
        let count = buffer.count
        // libyaml also breaks lines at a lone CR, NEL, LS and PS: then these line numbers would not be its.
        if hasOtherLineBreaks(buffer) { return nil }
        var segments: [(range: Range<Int>, line: Int, isDocument: Bool)] = []
        var start = 0
        var startLine = 1
        var line = 1
        var hasMarker = false
        var hasContent = false
        var index = 0
        while index < count {
            let lineStart = index
            let lineEnd = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart)
                .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            index = lineEnd < count ? lineEnd + 1 : count
            let first = lineStart < lineEnd ? buffer[lineStart] : 0
            if first == UInt8(ascii: "%") { return nil }
            if isMarker(buffer, lineStart, lineEnd, UInt8(ascii: ".")) { return nil }
            if isMarker(buffer, lineStart, lineEnd, UInt8(ascii: "-")) {
                if lineStart > start || hasMarker {
                    segments.append((start..<lineStart, startLine, hasMarker || hasContent))
                }
                start = lineStart
                startLine = line
                hasMarker = true
                hasContent = false
            } else if !hasContent {
                var i = lineStart
                while i < lineEnd, buffer[i] == UInt8(ascii: " ") || buffer[i] == UInt8(ascii: "\t") || buffer[i] == UInt8(ascii: "\r") { i += 1 }
                if i < lineEnd, buffer[i] != UInt8(ascii: "#") { hasContent = true }
            }
            line += 1
        }
        if count > start || hasMarker { segments.append((start..<count, startLine, hasMarker || hasContent)) }
        return segments
    }

    /// Whether the text holds a line break other than LF and CR LF: a lone CR, NEL (C2 85), LS (E2 80 A8) or
    /// PS (E2 80 A9).
    private static func hasOtherLineBreaks(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let count = buffer.count
        for byte: UInt8 in [0x0D, 0x85, 0xA8, 0xA9] {
            var from = 0
            while from < count, let hit = memchr(base + from, Int32(byte), count - from) {
                let i = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                switch byte {
                case 0x0D: if i + 1 >= count || buffer[i + 1] != 0x0A { return true }
                case 0x85: if i >= 1, buffer[i - 1] == 0xC2 { return true }
                default: if i >= 2, buffer[i - 2] == 0xE2, buffer[i - 1] == 0x80 { return true }
                }
                from = i + 1
            }
        }
        return false
    }

    /// `---` or `...` at the start of a line, followed by a space, a tab, a carriage return or the line end.
    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ char: UInt8) -> Bool {
        guard end - start >= 3, bytes[start] == char, bytes[start + 1] == char, bytes[start + 2] == char else { return false }
        if end - start == 3 { return true }
        let next = bytes[start + 3]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r")
    }

    /// The segments libyaml makes documents of, in order.
    var documents: [Segment] { segments.filter(\.isDocument) }
}

/// A document's text as a dictionary key: hashed once (64-bit FNV-1a over 8-byte words), compared
/// byte for byte only when the hashes match.
struct SegmentKey: Hashable, Sendable {
    let bytes: ArraySlice<UInt8>
    let digest: UInt64

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            var i = 0
            let n = raw.count
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
        }
        digest = h ^ UInt64(bytes.count)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    static func == (a: SegmentKey, b: SegmentKey) -> Bool {
        guard a.digest == b.digest, a.bytes.count == b.bytes.count else { return false }
        return a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
