/// Sprig's `indent`/`nindent` on bytes: `pad + strings.Replace(text, "\n", "\n"+pad, -1)`,
/// written straight into an output buffer (no split, no intermediate strings).
enum TextIndent {
    /// Appends `text` with `spaces` blanks after every newline and at its start; `leadingNewline`
    /// puts a newline first (`nindent`).
    static func append(_ text: String, spaces: Int, leadingNewline: Bool, into out: inout String) {
        var text = text
        text.withUTF8 { src in
            append(src, spaces: spaces, leadingNewline: leadingNewline, into: &out)
        }
    }

    /// The same for raw UTF-8 bytes (the output of a template executed in place).
    static func append(_ src: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool, into out: inout String) {
        var newlines = 0
        for b in src where b == 0x0A { newlines += 1 }
        let total = (leadingNewline ? 1 : 0) + spaces * (newlines + 1) + src.count
        if total == 0 { return }
        let piece = String(unsafeUninitializedCapacity: total) { dst in
            var o = 0
            if leadingNewline {
                dst[0] = 0x0A
                o = 1
            }
            for _ in 0..<spaces {
                dst[o] = 0x20
                o += 1
            }
            for b in src {
                dst[o] = b
                o += 1
                if b == 0x0A {
                    for _ in 0..<spaces {
                        dst[o] = 0x20
                        o += 1
                    }
                }
            }
            return o
        }
        out += piece
    }
}
