import GoValues
import YAML

/// Sprig's `encryptAES` and `decryptAES`: AES-256-CBC with PKCS#7 padding, the key being the
/// password's bytes cut or zero-padded to 32, the text base64 of a random IV followed by the
/// ciphertext. Decryption, like sprig's, does not check the padding; malformed input fails
/// with the Go runtime's messages.
enum AESFunctions {
    static let table: [String: FunctionBody] = [
        "encryptAES": { a in
            let args = Arguments("encryptAES", a)
            try args.expect(2)
            let password = try args.string(0), text = try args.string(1)
            if text.isEmpty { return .string("") }
            var content = ByteString.bytes(text)
            let padding = 16 - content.count % 16
            content += [UInt8](repeating: UInt8(padding), count: padding)
            var generator = SystemRandomNumberGenerator()
            let iv = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let cipher = AES256(key: key(password))
            return .string(Base64.encode(iv + cipher.encryptCBC(content, iv: iv)))
        },
        "decryptAES": { a in
            let args = Arguments("decryptAES", a)
            try args.expect(2)
            let password = try args.string(0), text = try args.string(1)
            if text.isEmpty { return .string("") }
            let data: [UInt8]
            switch Base64.decode(text) {
            case .success(let bytes): data = bytes
            case .failure(let e): throw callFailure(e.message)
            }
            guard data.count >= 16 else { throw callFailure("runtime error: slice bounds out of range [:16] with capacity \(data.count)") }
            let body = Array(data[16...])
            guard body.count % 16 == 0 else { throw callFailure("crypto/cipher: input not full blocks") }
            let plain = AES256(key: key(password)).decryptCBC(body, iv: Array(data[..<16]))
            guard let padding = plain.last else { throw callFailure("runtime error: index out of range [-1]") }
            let end = plain.count - Int(padding)
            guard end >= 0 else { throw callFailure("runtime error: slice bounds out of range [:\(end)]") }
            return .string(ByteString.string(plain[..<end]))
        },
    ]

    /// The password's bytes, cut or zero-padded to 32.
    static func key(_ password: String) -> [UInt8] {
        var k = Array(password.utf8.prefix(32))
        k += [UInt8](repeating: 0, count: 32 - k.count)
        return k
    }
}

/// AES with a 256-bit key (FIPS 197): 14 rounds over a 4×4 byte state, in CBC mode.
struct AES256 {
    private let roundKeys: [UInt8]  // 15 round keys of 16 bytes

    static let sbox: [UInt8] = {
        // The multiplicative inverse in GF(2^8) followed by the affine map.
        var box = [UInt8](repeating: 0, count: 256)
        var p: UInt8 = 1, q: UInt8 = 1
        repeat {
            // p runs over the multiplicative group (times 3), q over the inverses (divided by 3).
            p = p ^ (p << 1) ^ (p & 0x80 != 0 ? 0x1B : 0)
            q ^= q << 1
            q ^= q << 2
            q ^= q << 4
            if q & 0x80 != 0 { q ^= 0x09 }
            let rotl: (UInt8, UInt8) -> UInt8 = { x, s in (x << s) | (x >> (8 - s)) }
            box[Int(p)] = q ^ rotl(q, 1) ^ rotl(q, 2) ^ rotl(q, 3) ^ rotl(q, 4) ^ 0x63
        } while p != 1
        box[0] = 0x63
        return box
    }()

    static let inverseSbox: [UInt8] = {
        var inverse = [UInt8](repeating: 0, count: 256)
        for (i, v) in sbox.enumerated() { inverse[Int(v)] = UInt8(i) }
        return inverse
    }()

    @inline(__always)
    static func xtime(_ x: UInt8) -> UInt8 { (x << 1) ^ (x & 0x80 != 0 ? 0x1B : 0) }

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a, b = b, r: UInt8 = 0
        while b != 0 {
            if b & 1 != 0 { r ^= a }
            a = xtime(a)
            b >>= 1
        }
        return r
    }

    init(key: [UInt8]) {
        var w = key
        var rcon: UInt8 = 1
        while w.count < 240 {
            var t = Array(w[(w.count - 4)...])
            let i = w.count / 4
            if i % 8 == 0 {
                t = [AES256.sbox[Int(t[1])] ^ rcon, AES256.sbox[Int(t[2])], AES256.sbox[Int(t[3])], AES256.sbox[Int(t[0])]]
                rcon = AES256.xtime(rcon)
            } else if i % 8 == 4 {
                t = t.map { AES256.sbox[Int($0)] }
            }
            for j in 0..<4 { w.append(w[w.count - 32] ^ t[j]) }
        }
        roundKeys = w
    }

    private func addRoundKey(_ s: inout [UInt8], _ round: Int) {
        for i in 0..<16 { s[i] ^= roundKeys[round * 16 + i] }
    }

    /// Byte `r` of column `c` is `s[c * 4 + r]`.
    func encryptBlock(_ block: [UInt8]) -> [UInt8] {
        var s = block
        addRoundKey(&s, 0)
        for round in 1...14 {
            for i in 0..<16 { s[i] = AES256.sbox[Int(s[i])] }
            // ShiftRows: row r moves r columns left.
            let t = s
            for c in 0..<4 { for r in 0..<4 { s[c * 4 + r] = t[((c + r) % 4) * 4 + r] } }
            if round != 14 {
                for c in 0..<4 {
                    let a = Array(s[(c * 4)..<(c * 4 + 4)])
                    let all = a[0] ^ a[1] ^ a[2] ^ a[3]
                    for r in 0..<4 { s[c * 4 + r] = a[r] ^ all ^ AES256.xtime(a[r] ^ a[(r + 1) % 4]) }
                }
            }
            addRoundKey(&s, round)
        }
        return s
    }

    func decryptBlock(_ block: [UInt8]) -> [UInt8] {
        var s = block
        addRoundKey(&s, 14)
        for round in stride(from: 13, through: 0, by: -1) {
            let t = s
            for c in 0..<4 { for r in 0..<4 { s[((c + r) % 4) * 4 + r] = t[c * 4 + r] } }
            for i in 0..<16 { s[i] = AES256.inverseSbox[Int(s[i])] }
            addRoundKey(&s, round)
            if round != 0 {
                for c in 0..<4 {
                    let a = Array(s[(c * 4)..<(c * 4 + 4)])
                    for r in 0..<4 {
                        s[c * 4 + r] = AES256.multiply(a[r], 14) ^ AES256.multiply(a[(r + 1) % 4], 11)
                            ^ AES256.multiply(a[(r + 2) % 4], 13) ^ AES256.multiply(a[(r + 3) % 4], 9)
                    }
                }
            }
        }
        return s
    }

    func encryptCBC(_ data: [UInt8], iv: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = iv
        var i = 0
        while i < data.count {
            var block = Array(data[i..<(i + 16)])
            for j in 0..<16 { block[j] ^= previous[j] }
            previous = encryptBlock(block)
            out += previous
            i += 16
        }
        return out
    }

    func decryptCBC(_ data: [UInt8], iv: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = iv
        var i = 0
        while i < data.count {
            let block = Array(data[i..<(i + 16)])
            var plain = decryptBlock(block)
            for j in 0..<16 { plain[j] ^= previous[j] }
            out += plain
            previous = block
            i += 16
        }
        return out
    }
}
