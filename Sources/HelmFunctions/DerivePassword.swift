import GoValues
import TemplateEngine
import Crypto
import _CryptoExtras
import YAML

/// Sprig's `derivePassword COUNTER TYPE PASSWORD USER SITE`: the Master Password algorithm
/// (Lyndir, version 3). The user key is scrypt (N 32768, r 8, p 2, 64 bytes) of the master password
/// salted with `com.lyndir.masterpassword`, the user name's length (32-bit big-endian) and the
/// name; the site seed is HMAC-SHA256 under that key of the same scope, the site's length and
/// name, and the counter (32-bit big-endian). The seed's first byte picks the template of the
/// password type, and each following byte one character of the template's class.
enum DerivePassword {
    static let table: [String: FunctionBody] = [
        "derivePassword": { a in
            let args = Arguments("derivePassword", a)
            try args.expect(5)
            let counter: UInt32
            switch a[0] {
            // A number literal (the only argument Go passes here); a larger one keeps its low 32 bits, as Go's does.
            case .int(let n) where n >= 0: counter = UInt32(truncatingIfNeeded: n)
            case .int(let n): throw FunctionError("expected unsigned integer; found \(n)", kind: .argument, argumentIndex: 0)
            default: throw args.typeError(0, expected: "uint32")
            }
            let type = try args.string(1), password = try args.string(2), user = try args.string(3), site = try args.string(4)
            return .string(try derive(counter: counter, type: type, password: password, user: user, site: site))
        }
    ]

    static let scope = Array("com.lyndir.masterpassword".utf8)

    /// Templates of each password type, by type name.
    static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
            "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    /// The characters of each template class.
    static let classes: [Character: [UInt8]] = [
        "V": Array("AEIOU".utf8),
        "C": Array("BCDFGHJKLMNPQRSTVWXYZ".utf8),
        "v": Array("aeiou".utf8),
        "c": Array("bcdfghjklmnpqrstvwxyz".utf8),
        "A": Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        "a": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8),
        "n": Array("0123456789".utf8),
        "o": Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        "x": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    /// The password; an unknown type gives sprig's `cannot find password template TYPE` text.
    static func derive(counter: UInt32, type: String, password: String, user: String, site: String) throws -> String {
        guard let choices = templates[type] else { return "cannot find password template \(type)" }
        let salt = scope + bigEndian(UInt32(truncatingIfNeeded: ByteString.count(user))) + ByteString.bytes(user)
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(
                from: ByteString.bytes(password), salt: salt, outputByteCount: 64, rounds: 32768, blockSize: 8, parallelism: 2)
        } catch {
            return "failed to derive password: \(error)"
        }
        let message = scope + bigEndian(UInt32(truncatingIfNeeded: ByteString.count(site))) + ByteString.bytes(site) + bigEndian(counter)
        let seed = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let template = Array(choices[Int(seed[0]) % choices.count])
        var out: [UInt8] = []
        for (i, c) in template.enumerated() {
            let characters = classes[c] ?? []
            out.append(characters[Int(seed[i + 1]) % characters.count])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func bigEndian(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
    }
}
