import GoValues
import YAML

/// Sprig's `wrap` and `wrapWith` (goutils' `WrapCustom`): a line broken at spaces so that no line
/// is longer than a width, counted in bytes as Go counts them.
enum WordWrapFunctions {
    static let table: [String: FunctionBody] = [
        "wrap": { a in
            let args = Arguments("wrap", a)
            try args.expect(2)
            return .string(WordWrap.wrap(try args.string(1), width: try args.int(0), newline: "", breakLongWords: false))
        },
        "wrapWith": { a in
            let args = Arguments("wrapWith", a)
            try args.expect(3)
            return .string(WordWrap.wrap(try args.string(2), width: try args.int(0), newline: try args.string(1), breakLongWords: true))
        },
    ]
}

enum WordWrap {
    /// Breaks `text` at the last space that keeps a line within `width` bytes (at least 1), inserting
    /// `newline` (`\n` when empty) for the space; spaces at the start of a new line are dropped.
    /// A word longer than the width is cut at the width when `breakLongWords`, else left whole.
    static func wrap(_ text: String, width: Int, newline: String, breakLongWords: Bool) -> String {
        if text.isEmpty { return "" }
        let s = ByteString.bytes(text)
        let nl = ByteString.bytes(newline.isEmpty ? "\n" : newline)
        let width = max(width, 1)
        let space = UInt8(ascii: " ")
        var out: [UInt8] = []
        out.reserveCapacity(s.count + s.count / width * nl.count)
        var offset = 0
        while s.count - offset > width {
            if s[offset] == space {
                offset += 1
                continue
            }
            if let at = s[offset...(offset + width)].lastIndex(of: space) {
                out.append(contentsOf: s[offset..<at])
                out.append(contentsOf: nl)
                offset = at + 1
            } else if breakLongWords {
                out.append(contentsOf: s[offset..<(offset + width)])
                out.append(contentsOf: nl)
                offset += width
            } else if let at = s[(offset + width)...].firstIndex(of: space) {
                out.append(contentsOf: s[offset..<at])
                out.append(contentsOf: nl)
                offset = at + 1
            } else {
                out.append(contentsOf: s[offset...])
                offset = s.count
            }
        }
        out.append(contentsOf: s[offset...])
        return ByteString.string(out)
    }
}
