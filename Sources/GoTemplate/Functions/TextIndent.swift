/// Sprig's `indent`/`nindent` on bytes: `pad + strings.Replace(text, "\n", "\n"+pad, -1)`,
/// written straight into an output buffer (no split, no intermediate strings).
enum TextIndent {
    /// `text` with `spaces` blanks at its start and after every newline; `leadingNewline` puts a
    /// newline first (`nindent`).
    static func indented(_ text: String, spaces: Int, leadingNewline: Bool) -> String {
        var text = text
        var out: [UInt8] = []
        text.withUTF8 { append($0, spaces: spaces, leadingNewline: leadingNewline, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `src` indented to `out` (see ``indented(_:spaces:leadingNewline:)``).
    static func append(_ src: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool, into out: inout [UInt8]) {
        var newlines = 0
        for b in src where b == 0x0A { newlines += 1 }
        let total = (leadingNewline ? 1 : 0) + spaces * (newlines + 1) + src.count
        if total == 0 { return }
        let start = out.count
        // Room first (zero-filled), then every byte written in place.
        out.append(contentsOf: repeatElement(0, count: total))
        out.withUnsafeMutableBufferPointer { whole in
            guard let base = whole.baseAddress else { return }
            var o = base + start
            if leadingNewline {
                o.pointee = 0x0A
                o += 1
            }
            if spaces > 0 {
                o.update(repeating: 0x20, count: spaces)
                o += spaces
            }
            guard let s = src.baseAddress else { return }
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
            if lineStart < n { o.update(from: s + lineStart, count: n - lineStart) }
        }
    }
}
