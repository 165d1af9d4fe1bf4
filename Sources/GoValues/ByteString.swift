/// Go strings are bytes: a file read by `.Files.Get` or a `b64dec` result may hold bytes that are not
/// UTF-8 (a compressed archive, a DER certificate), and `b64enc` or `sha256sum` must see them as they
/// were. A Swift string cannot hold such bytes, so each byte of an invalid sequence is kept as a scalar
/// of the last 256 code points (U+10FF00 + byte, private use) and turned back into the byte where a
/// function takes a string's bytes.
public enum ByteString {
    private static let base: UInt32 = 0x10FF00

    /// `bytes` as a string: valid UTF-8 as its characters, any other byte as its stand-in scalar.
    /// (A character among the stand-ins themselves is kept as the stand-ins of its four bytes.)
    public static func string(_ bytes: [UInt8]) -> String {
        if !bytes.contains(0xF4), let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            if length > 0, let text = String(validating: bytes[i..<(i + length)], as: UTF8.self),
               text.unicodeScalars.first!.value < base {
                scalars.append(contentsOf: text.unicodeScalars)
                i += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `text` stands for: its UTF-8, with each stand-in scalar back as its byte.
    public static func bytes(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        // A stand-in is F4 8F BC..BF xx in UTF-8; most strings have none.
        guard utf8.contains(0xF4) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value >= base {
                out.append(UInt8(scalar.value - base))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return out
    }

    /// The length of the UTF-8 sequence a lead byte announces (0 for a byte that cannot lead one).
    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return i + length <= bytes.count ? length : 0
    }
}
