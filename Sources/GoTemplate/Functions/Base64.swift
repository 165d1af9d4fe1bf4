/// Go's `encoding/base64` standard encoding (padded), as sprig's `b64enc`/`b64dec` use it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let reverse: [Int8] = {
        var r = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { r[Int(c)] = Int8(i) }
        return r
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int((n >> 12) & 63)])
            out.append(alphabet[Int((n >> 6) & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int((n >> 12) & 63)])
            out.append(UInt8(ascii: "=")); out.append(UInt8(ascii: "="))
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int((n >> 12) & 63)])
            out.append(alphabet[Int((n >> 6) & 63)]); out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Strict decoding; `\r` and `\n` are skipped. Errors read as Go's:
    /// `illegal base64 data at input byte N`.
    static func decode(_ text: String) -> Result<[UInt8], Base64Error> {
        var out = [UInt8]()
        var quad = [Int](repeating: 0, count: 4)
        var filled = 0
        var position = 0
        let input = Array(text.utf8)
        var i = 0
        var padding = 0
        var padStart = 0
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { i += 1; continue }
            if padding > 0 {
                if c == UInt8(ascii: "=") && filled + padding < 4 { padding += 1; i += 1; continue }
                return .failure(Base64Error(offset: position))
            }
            if c == UInt8(ascii: "=") {
                if filled < 2 { return .failure(Base64Error(offset: position)) }
                padding = 1
                padStart = position
                position += 1
                i += 1
                continue
            }
            let v = reverse[Int(c)]
            if v < 0 { return .failure(Base64Error(offset: position)) }
            quad[filled] = Int(v)
            filled += 1
            position += 1
            i += 1
            if filled == 4 {
                let n = quad[0] << 18 | quad[1] << 12 | quad[2] << 6 | quad[3]
                out.append(UInt8((n >> 16) & 0xFF)); out.append(UInt8((n >> 8) & 0xFF)); out.append(UInt8(n & 0xFF))
                filled = 0
            }
        }
        if padding > 0 {
            if filled + padding != 4 { return .failure(Base64Error(offset: padStart)) }
        } else if filled != 0 {
            return .failure(Base64Error(offset: position - (filled == 1 ? 1 : 0) - (filled > 1 ? 0 : 0)))
        }
        if filled >= 2 {
            let n = quad[0] << 18 | quad[1] << 12 | (filled > 2 ? quad[2] << 6 : 0)
            out.append(UInt8((n >> 16) & 0xFF))
            if filled == 3 { out.append(UInt8((n >> 8) & 0xFF)) }
        }
        return .success(out)
    }
}

struct Base64Error: Error {
    var offset: Int
    var message: String { "illegal base64 data at input byte \(offset)" }
}
