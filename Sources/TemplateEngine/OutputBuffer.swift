#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text an execution writes: UTF-8 bytes copied into one growing block (a `String` or
/// `Array` append re-checks storage, uniqueness and flags on every call; this is a bounds check
/// and a `memcpy`). A reference, so swapping buffers (`include`) swaps pointers.
final class OutputBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        storage = Self.resize(nil, to: self.capacity)
    }

    deinit { free(storage) }

    static func += (buffer: inout OutputBuffer, text: String) {
        buffer.append(text)
    }

    static func += (buffer: inout OutputBuffer, text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ buffer.append($0) }) != nil { return }
        buffer.append(String(text))
    }

    var isEmpty: Bool { count == 0 }

    /// Room for `extra` more bytes; returns where they go.
    @inline(__always) private func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count + extra > capacity { grow(to: count + extra) }
        return storage + count
    }

    /// Doubles the block (never much past ``BuildLimits/maxOutputSize``: the executor stops a
    /// template whose output passes it, so the doubling would only waste memory).
    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        newCapacity = max(needed, min(newCapacity, BuildLimits.maxOutputSize + (64 << 10)))
        storage = Self.resize(storage, to: newCapacity)
        capacity = newCapacity
    }

    /// `realloc`: a large block grows in place or by remapping, without a second copy alive.
    private static func resize(_ block: UnsafeMutablePointer<UInt8>?, to size: Int) -> UnsafeMutablePointer<UInt8> {
        guard let grown = realloc(block, size) else { fatalError("out of memory growing template output to \(size) bytes") }
        return grown.assumingMemoryBound(to: UInt8.self)
    }

    func append(_ text: String) {
        // Native and small strings lend their bytes in place; others are made contiguous first.
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var text = text
        text.withUTF8 { append($0) }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends `text` indented as Sprig's `indent` does (`nindent` when `leadingNewline`).
    func appendIndented(_ text: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool) {
        let length = TextIndent.length(of: text, spaces: spaces, leadingNewline: leadingNewline)
        let written = TextIndent.write(text, spaces: spaces, leadingNewline: leadingNewline, to: reserve(length))
        count += written
    }

    /// Appends another buffer's text indented (see ``appendIndented(_:spaces:leadingNewline:)``).
    func appendIndented(_ other: OutputBuffer, spaces: Int, leadingNewline: Bool) {
        appendIndented(UnsafeBufferPointer(start: other.storage, count: other.count), spaces: spaces, leadingNewline: leadingNewline)
    }

    /// Empties the buffer, keeping its storage for reuse.
    func removeAll() {
        count = 0
    }

    /// The text written so far.
    var string: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    /// Drops the text written since the buffer held `count` bytes.
    func truncate(to count: Int) {
        self.count = min(self.count, count)
    }

    /// The text written since the buffer held `start` bytes.
    func string(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: storage + start, count: count - start), as: UTF8.self)
    }
}
