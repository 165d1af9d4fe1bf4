import GoValues
import YAML

/// Sprig's `bcrypt` and `htpasswd`: bcrypt hashes (`$2a$10$…`, cost 10, a fresh random salt each
/// call, so never reproducible, as in Helm) and `user:hash` lines for Apache's htpasswd files.
enum BcryptFunctions {
    static let table: [String: FunctionBody] = [
        "bcrypt": { a in try StringFunctions.unary(a, "bcrypt", hash) },
        "htpasswd": { a in
            let args = Arguments("htpasswd", a)
            try args.expect(2)
            let user = try args.string(0), password = try args.string(1)
            if user.contains(":") { return .string("invalid username: \(user)") }
            return .string(user + ":" + hash(password))
        },
    ]

    /// Sprig's `bcrypt`: the hash, or the error text for a password over 72 bytes.
    static func hash(_ password: String) -> String {
        let key = ByteString.bytes(password)
        if key.count > 72 { return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes" }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Bcrypt.hash(key, salt: salt, cost: 10)
    }
}

/// The bcrypt password hash (Provos and Mazières' EksBlowfish) in the `$2a$` form: the key
/// with its trailing NUL, `2^cost` rounds of key expansion, 23 of the 24 bytes of
/// `OrpheanBeholderScryDoubt` encrypted 64 times, in bcrypt's base64.
enum Bcrypt {
    static func hash(_ password: [UInt8], salt: [UInt8], cost: Int) -> String {
        let key = password + [0]
        var cipher = Blowfish()
        cipher.expand(key: key, salt: salt)
        for _ in 0..<(1 << cost) {
            cipher.expand(key: key)
            cipher.expand(key: salt)
        }
        let magic = Array("OrpheanBeholderScryDoubt".utf8)
        var words = (0..<6).map { i in magic[(i * 4)..<(i * 4 + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
        for i in stride(from: 0, to: 6, by: 2) {
            for _ in 0..<64 { (words[i], words[i + 1]) = cipher.encrypt(words[i], words[i + 1]) }
        }
        var bytes: [UInt8] = []
        for w in words { bytes += [UInt8(w >> 24), UInt8(w >> 16 & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w & 0xFF)] }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$" + costText + "$" + encode(salt) + encode(Array(bytes[..<23]))
    }

    static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// Base64 with bcrypt's alphabet, without padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = bytes[i..<min(i + 3, bytes.count)]
            let v = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            let symbols = chunk.count + 1
            for j in 0..<symbols { out.append(alphabet[Int(v >> (18 - 6 * UInt32(j)) & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The Blowfish cipher's state (P-array then the four S-boxes, 18 + 1024 words), initialised
/// from the hexadecimal digits of π. The state lives in one buffer read without bounds checks:
/// bcrypt runs its key schedule 2^cost times.
struct Blowfish {
    private var state: [UInt32]

    init() {
        state = Array(PiWords.words[0..<(18 + 1024)])
    }

    @inline(__always)
    private static func f(_ s: UnsafeMutableBufferPointer<UInt32>, _ x: UInt32) -> UInt32 {
        ((s[18 + Int(x >> 24)] &+ s[18 + 256 + Int(x >> 16 & 0xFF)]) ^ s[18 + 512 + Int(x >> 8 & 0xFF)]) &+ s[18 + 768 + Int(x & 0xFF)]
    }

    @inline(__always)
    private static func encrypt(_ s: UnsafeMutableBufferPointer<UInt32>, _ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
        var l = left, r = right
        var i = 0
        while i < 16 {
            l ^= s[i]
            r ^= f(s, l)
            r ^= s[i + 1]
            l ^= f(s, r)
            i += 2
        }
        return (r ^ s[17], l ^ s[16])
    }

    mutating func encrypt(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
        state.withUnsafeMutableBufferPointer { Blowfish.encrypt($0, left, right) }
    }

    /// The next 4 bytes of `data` (cyclically) as a big-endian word.
    @inline(__always)
    private static func word(_ data: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> UInt32 {
        var w: UInt32 = 0
        for _ in 0..<4 {
            w = w << 8 | UInt32(data[at])
            at += 1
            if at == data.count { at = 0 }
        }
        return w
    }

    /// Blowfish's key schedule, with `salt` mixed into each block encrypted (EksBlowfish's
    /// `ExpandKey(state, salt, key)`; without a salt, the standard schedule).
    mutating func expand(key: [UInt8], salt: [UInt8] = []) {
        key.withUnsafeBufferPointer { key in
            salt.withUnsafeBufferPointer { salt in
                state.withUnsafeMutableBufferPointer { s in
                    var k = 0
                    for i in 0..<18 { s[i] ^= Blowfish.word(key, &k) }
                    var l: UInt32 = 0, r: UInt32 = 0
                    var j = 0
                    var i = 0
                    while i < 18 + 1024 {
                        if !salt.isEmpty {
                            l ^= Blowfish.word(salt, &j)
                            r ^= Blowfish.word(salt, &j)
                        }
                        (l, r) = Blowfish.encrypt(s, l, r)
                        s[i] = l
                        s[i + 1] = r
                        i += 2
                    }
                }
            }
        }
    }
}

/// The first 1042 32-bit words of π's fractional part in hexadecimal (Blowfish's P-array and
/// S-boxes: `243F6A88 85A308D3 …`), computed once with Machin's formula
/// π = 16·atan(1/5) − 4·atan(1/239) in fixed point.
enum PiWords {
    static let words: [UInt32] = compute(count: 1042)

    static func compute(count: Int) -> [UInt32] {
        let limbs = count + 4  // guard words against rounding in the last places
        let a = arctangent(inverse: 5, limbs: limbs)
        let b = arctangent(inverse: 239, limbs: limbs)
        var pi = multiply(a, 16)
        subtract(&pi, multiply(b, 4))
        return Array(pi[1...count])
    }

    /// atan(1/k) as a fixed-point number: word 0 is the integer part, words 1... the fraction.
    private static func arctangent(inverse k: UInt64, limbs: Int) -> [UInt32] {
        var power = [UInt32](repeating: 0, count: limbs + 1)
        power[0] = 1
        divide(&power, k)
        var sum = power
        let k2 = k * k
        var n: UInt64 = 1
        var negative = true
        while true {
            divide(&power, k2)
            if power.allSatisfy({ $0 == 0 }) { break }
            var term = power
            divide(&term, 2 * n + 1)
            if negative { subtract(&sum, term) } else { add(&sum, term) }
            negative.toggle()
            n += 1
        }
        return sum
    }

    private static func divide(_ x: inout [UInt32], _ d: UInt64) {
        var remainder: UInt64 = 0
        for i in 0..<x.count {
            let current = remainder << 32 | UInt64(x[i])
            x[i] = UInt32(current / d)
            remainder = current % d
        }
    }

    private static func multiply(_ x: [UInt32], _ m: UInt64) -> [UInt32] {
        var out = x
        var carry: UInt64 = 0
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            let v = UInt64(x[i]) * m + carry
            out[i] = UInt32(v & 0xFFFF_FFFF)
            carry = v >> 32
        }
        return out
    }

    private static func add(_ x: inout [UInt32], _ y: [UInt32]) {
        var carry: UInt64 = 0
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            let v = UInt64(x[i]) + UInt64(y[i]) + carry
            x[i] = UInt32(v & 0xFFFF_FFFF)
            carry = v >> 32
        }
    }

    private static func subtract(_ x: inout [UInt32], _ y: [UInt32]) {
        var borrow: Int64 = 0
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            var v = Int64(x[i]) - Int64(y[i]) - borrow
            if v < 0 {
                v += 1 << 32
                borrow = 1
            } else {
                borrow = 0
            }
            x[i] = UInt32(v)
        }
    }
}
