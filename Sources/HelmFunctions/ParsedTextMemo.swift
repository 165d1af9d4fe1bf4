import GoValues
import Platform

/// What `fromYaml` made of a text, kept for the next call with the same text: charts often read one text twice
/// (`index ($crd | fromYaml) "metadata" "name"`, then `$crd | fromYaml` again to change it) or once per loop
/// iteration (`include "x" . | fromYaml` inside a `range`). The function is pure and a `Value` is a value (the
/// executor copies a map into its own heap object before anything changes it), so the kept result is the result.
///
/// Only texts of at least ``minimumBytes`` are kept (a short text parses faster than it is looked up), and no more
/// than ``capacityBytes`` of texts in all; the first texts met are the ones kept. A result counts only under the input
/// size bound it was made with (`--max-input-size` bounds what the parser takes).
///
/// Looking a text up costs little next to parsing it: the very string passed a moment ago (the same storage) is
/// found among the last few without reading its bytes; any other is hashed once, with a hash cheaper than Swift's
/// (its equal-hash texts are compared byte by byte, so a collision costs time, never a wrong result).
final class ParsedTextMemo: @unchecked Sendable {
    static let minimumBytes = 512
    static let capacityBytes = 64 << 20
    /// How many of the last texts looked up are checked for being the same string before any hashing.
    static let recentCount = 4

    private struct Entry {
        let text: String
        let value: Value
        let bound: Int
    }

    /// A text with its hash computed once.
    private struct TextKey: Hashable {
        let text: String
        let hash: UInt64

        init(_ text: String) {
            self.text = text
            var copy = text
            hash = copy.withUTF8 { TextKey.hash($0) }
        }

        static func == (a: TextKey, b: TextKey) -> Bool { a.hash == b.hash && ByteString.sameUTF8(a.text, b.text) }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        /// A 64-bit hash of `bytes`, eight at a time (multiply and fold, as hash tables do), not resistant to
        /// chosen collisions: those only make look-ups compare more texts.
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var h = UInt64(bytes.count) &* multiplier
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                h = (h ^ word) &* multiplier
                h ^= h >> 32
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ tail) &* multiplier
            return h ^ (h >> 29)
        }
    }

    private var results: [TextKey: Entry] = [:]
    private var recent: [Entry] = []
    private var keptBytes = 0
    private let lock = Lock()

    /// The memo of `fromYaml`.
    static let fromYaml = ParsedTextMemo()

    /// `make(text)`, from the memo when the same text was made before.
    func value(for text: String, _ make: (String) -> Value) -> Value {
        let size = text.utf8.count
        guard size >= Self.minimumBytes else { return make(text) }
        let bound = FileSystem.maxInputSize
        let same = lock.withLock { recent.last { ByteString.comparedInPlace($0.text, text) == true } }
        if let same, same.bound == bound { return same.value }
        let key = TextKey(text)
        if let known = lock.withLock({ results[key] }), known.bound == bound {
            remember(known)
            return known.value
        }
        let value = make(text)
        let entry = Entry(text: text, value: value, bound: bound)
        lock.withLock {
            if keptBytes + size <= Self.capacityBytes, results[key] == nil {
                results[key] = entry
                keptBytes += size
            }
        }
        remember(entry)
        return value
    }

    /// Notes `entry` among the last texts looked up.
    private func remember(_ entry: Entry) {
        lock.withLock {
            if recent.count == Self.recentCount { recent.removeFirst() }
            recent.append(entry)
        }
    }
}
