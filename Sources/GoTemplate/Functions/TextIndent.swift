/// Sprig's `indent`/`nindent` on bytes: `pad + strings.Replace(text, "\n", "\n"+pad, -1)`,
/// written straight into an output buffer (no split, no intermediate strings).
enum TextIndent {
    /// `text` with `spaces` blanks at its start and after every newline; `leadingNewline` puts a
    /// newline first (`nindent`).
    static func indented(_ text: String, spaces: Int, leadingNewline: Bool) -> String {
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
    static func length(of src: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool) -> Int {
        var newlines = 0
        for b in src where b == 0x0A { newlines += 1 }
        return (leadingNewline ? 1 : 0) + spaces * (newlines + 1) + src.count
    }

    /// Writes `src` indented at `dst` (room for ``length(of:spaces:leadingNewline:)`` bytes);
    /// returns the number of bytes written.
    static func write(_ src: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool, to dst: UnsafeMutablePointer<UInt8>) -> Int {
        var o = dst
        if leadingNewline {
            o.pointee = 0x0A
            o += 1
        }
        if spaces > 0 {
            o.update(repeating: 0x20, count: spaces)
            o += spaces
        }
        if let s = src.baseAddress {
            var lineStart = 0
            var i = 0
            let n = src.count
            while i < n {
                if s[i] == 0x0A {
                    let length = i + 1 - lineStart
                    o.update(from: s + lineStart, count: length)
                    o += length
                    if spaces > 0 {
                        o.update(repeating: 0x20, count: spaces)
                        o += spaces
                    }
                    lineStart = i + 1
                }
                i += 1
            }
            if lineStart < n {
                o.update(from: s + lineStart, count: n - lineStart)
                o += n - lineStart
            }
        }
        return o - dst
    }
}
