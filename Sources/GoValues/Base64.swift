/// Go's `encoding/base64` standard encoding (padded), as sprig's `b64enc`/`b64dec` use it.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let reverse: [Int8] = {
        var r = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { r[Int(c)] = Int8(i) }
        return r
    }()

    /// Standard base64 with padding (`base64.StdEncoding.EncodeToString`).
    public static func encode(_ bytes: [UInt8]) -> String {
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

    /// Go's `StdEncoding.DecodeString`: quanta of four symbols, `=` padding required, `\r`/`\n`
    /// skipped. Errors carry Go's byte offset: `illegal base64 data at input byte N`.
    public static func decode(_ text: String) -> Result<[UInt8], Base64Error> {
        let src = Array(text.utf8)
        let n = src.count
        var out = [UInt8]()
        out.reserveCapacity(n / 4 * 3)
        var si = 0
        func skipNewlines() {
            while si < n && (src[si] == UInt8(ascii: "\n") || src[si] == UInt8(ascii: "\r")) { si += 1 }
        }
        while true {
            var quantum = [Int](repeating: 0, count: 4)
            var length = 4
            var j = 0
            var finished = false
            while j < 4 {
                if si == n {
                    if j == 0 { return .success(out) }
                    return .failure(Base64Error(offset: si - j))
                }
                let c = src[si]
                si += 1
                let v = reverse[Int(c)]
                if v >= 0 {
                    quantum[j] = Int(v)
                    j += 1
                    continue
                }
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { continue }
                if c != UInt8(ascii: "=") { return .failure(Base64Error(offset: si - 1)) }
                switch j {
                case 0, 1:
                    return .failure(Base64Error(offset: si - 1))
                case 2:
                    skipNewlines()
                    if si == n { return .failure(Base64Error(offset: n)) }
                    if src[si] != UInt8(ascii: "=") { return .failure(Base64Error(offset: si - 1)) }
                    si += 1
                default:
                    break
                }
                skipNewlines()
                if si < n { return .failure(Base64Error(offset: si)) }
                length = j
                finished = true
                break
            }
            let value = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3]
            out.append(UInt8((value >> 16) & 0xFF))
            if length > 2 { out.append(UInt8((value >> 8) & 0xFF)) }
            if length > 3 { out.append(UInt8(value & 0xFF)) }
            if finished { return .success(out) }
        }
    }
}

/// Where base64 input stops being valid.
public struct Base64Error: Error {
    /// The offset of the first illegal byte.
    public var offset: Int
    /// Go's error text.
    public var message: String { "illegal base64 data at input byte \(offset)" }
}
