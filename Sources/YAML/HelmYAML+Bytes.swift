import Diagnostics
import GoValues

extension HelmYAML {
    /// How go-yaml's reader refuses the bytes of `text` that are not UTF-8 (stand-ins, see
    /// `ByteString`; nil when there are none): it checks a sequence's lead byte, then its
    /// continuation bytes, then that it is complete, shortest and a character. Go prints the
    /// error without a line (`yaml: invalid leading UTF-8 octet`).
    public static func byteError(_ text: String, file: String) -> YAMLError? {
        guard let problem = byteProblem(text) else { return nil }
        return YAMLError(.syntax(problem), at: Mark(file: file, line: 0, column: 0), goLine: nil)
    }

    static func byteProblem(_ text: String) -> String? {
        guard ByteString.mayHoldBytes(text), ByteString.normalized(text).unicodeScalars.contains(where: { ByteString.byte($0) != nil })
        else { return nil }
        let b = ByteString.bytes(text)
        var i = 0
        while i < b.count {
            let lead = b[i]
            let width = lead < 0x80 ? 1 : lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
            if width == 0 { return "invalid leading UTF-8 octet" }
            if i + width > b.count { return "incomplete UTF-8 octet sequence" }
            var value = UInt32(width == 1 ? lead : lead & (0xFF >> (width + 1)))
            for k in 1..<max(width, 1) where width > 1 {
                if b[i + k] & 0xC0 != 0x80 { return "invalid trailing UTF-8 octet" }
                value = value << 6 | UInt32(b[i + k] & 0x3F)
            }
            let shortest: UInt32 = [0, 0, 0x80, 0x800, 0x10000][width]
            if value < shortest { return "invalid length of a UTF-8 sequence" }
            if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return "invalid Unicode character" }
            i += width
        }
        return nil
    }
}
