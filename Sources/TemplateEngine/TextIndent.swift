#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sprig's `indent`/`nindent` on bytes: `pad + strings.Replace(text, "\n", "\n"+pad, -1)`,
/// written straight into an output buffer (no split, no intermediate strings).
public enum TextIndent {
    /// `text` with `spaces` blanks at its start and after every newline; `leadingNewline` puts a
    /// newline first (`nindent`).
    public static func indented(_ text: String, spaces: Int, leadingNewline: Bool) -> String {
        var text = text
        return text.withUTF8 { src in
            let total = length(of: src, spaces: spaces, leadingNewline: leadingNewline)
            return String(unsafeUninitializedCapacity: total) { dst in
                guard let base = dst.baseAddress else { return 0 }
                return write(src, spaces: spaces, leadingNewline: leadingNewline, to: base)
            }
        }
    }

    /// The length of `src` indented.
    public static func length(of src: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool) -> Int {
        var newlines = 0
        if let base = src.baseAddress {
            var p = UnsafeRawPointer(base)
            var left = src.count
            while left > 0, let hit = memchr(p, 0x0A, left) {
                newlines += 1
                let skip = UnsafeRawPointer(hit) - p + 1
                p += skip
                left -= skip
            }
        }
        return (leadingNewline ? 1 : 0) + spaces * (newlines + 1) + src.count
    }

    /// Writes `src` indented at `dst` (room for ``length(of:spaces:leadingNewline:)`` bytes);
    /// returns the number of bytes written.
    public static func write(_ src: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool, to dst: UnsafeMutablePointer<UInt8>) -> Int {
        var o = dst
        if leadingNewline {
            o.pointee = 0x0A
            o += 1
        }
        if spaces > 0 {
            o.update(repeating: 0x20, count: spaces)
            o += spaces
        }
        guard let base = src.baseAddress else { return o - dst }
        var p = base
        var left = src.count
        // Line by line: each line (with its newline) copied whole, then the padding.
        while left > 0, let hit = memchr(p, 0x0A, left) {
            let length = UnsafeRawPointer(hit) - UnsafeRawPointer(p) + 1
            o.update(from: p, count: length)
            o += length
            if spaces > 0 {
                o.update(repeating: 0x20, count: spaces)
                o += spaces
            }
            p += length
            left -= length
        }
        if left > 0 {
            o.update(from: p, count: left)
            o += left
        }
        return o - dst
    }
}
