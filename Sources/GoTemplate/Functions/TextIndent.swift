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
        out.reserveCapacity(out.count + (leadingNewline ? 1 : 0) + spaces * (newlines + 1) + src.count)
        if leadingNewline { out.append(0x0A) }
        appendSpaces(spaces, to: &out)
        if newlines == 0 {
            out.append(contentsOf: src)
            return
        }
        var start = 0
        var i = 0
        while i < src.count {
            if src[i] == 0x0A {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[start...i]))
                appendSpaces(spaces, to: &out)
                start = i + 1
            }
            i += 1
        }
        if start < src.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[start...])) }
    }

    private static func appendSpaces(_ n: Int, to out: inout [UInt8]) {
        var k = 0
        while k < n {
            out.append(0x20)
            k += 1
        }
    }
}
