import Crypto
import SwiftASN1
import X509
import _CryptoExtras

/// A private key of the certificate functions (RSA, ECDSA on the NIST curves, Ed25519), written
/// in the PEM form sprig writes for its type: PKCS #1 `RSA PRIVATE KEY`, SEC 1 `EC PRIVATE KEY`,
/// PKCS #8 `PRIVATE KEY` for Ed25519. Generation and signing are swift-crypto's.
///
/// RSA keys given to the functions may have 1024 bits or more (Go signs with no smaller ones).
/// DSA, which sprig also generates and reads, is refused: swift-crypto has no DSA.
enum TemplateKey {
    case rsa(_RSA.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p521(P521.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)

    /// The refusal for DSA keys, which meshrender cannot make or use.
    static let dsaRefusal = "DSA keys are not supported by meshrender (swift-crypto has no DSA); use rsa, ecdsa or ed25519"

    /// A new RSA key of `bits` bits (sprig: 4096 for `genPrivateKey`, 2048 for certificates).
    static func rsa(bits: Int) throws -> TemplateKey {
        .rsa(try _RSA.Signing.PrivateKey(keySize: .init(bitCount: bits)))
    }

    /// The key as the certificate library signs with it.
    var signingKey: Certificate.PrivateKey {
        switch self {
        case .rsa(let k): return Certificate.PrivateKey(k)
        case .p256(let k): return Certificate.PrivateKey(k)
        case .p384(let k): return Certificate.PrivateKey(k)
        case .p521(let k): return Certificate.PrivateKey(k)
        case .ed25519(let k): return Certificate.PrivateKey(k)
        }
    }

    /// The PEM block sprig's `pemBlockForKey` writes for the key.
    func pemBlock() throws -> PEMBlock {
        switch self {
        case .rsa(let k):
            return PEMBlock(type: "RSA PRIVATE KEY", bytes: Array(k.derRepresentation))
        case .p256(let k):
            return PEMBlock(type: "EC PRIVATE KEY", bytes: try Self.sec1(
                raw: Array(k.rawRepresentation), curve: .NamedCurves.secp256r1, publicPoint: Array(k.publicKey.x963Representation)))
        case .p384(let k):
            return PEMBlock(type: "EC PRIVATE KEY", bytes: try Self.sec1(
                raw: Array(k.rawRepresentation), curve: .NamedCurves.secp384r1, publicPoint: Array(k.publicKey.x963Representation)))
        case .p521(let k):
            return PEMBlock(type: "EC PRIVATE KEY", bytes: try Self.sec1(
                raw: Array(k.rawRepresentation), curve: .NamedCurves.secp521r1, publicPoint: Array(k.publicKey.x963Representation)))
        case .ed25519(let k):
            return PEMBlock(type: "PRIVATE KEY", bytes: Self.ed25519PKCS8Prefix + Array(k.rawRepresentation))
        }
    }

    /// The key's PEM text.
    func pem() throws -> String { try pemBlock().encoded }

    /// RFC 5915 `ECPrivateKey` with the curve and the public point, as Go's `MarshalECPrivateKey`.
    private static func sec1(raw: [UInt8], curve: ASN1ObjectIdentifier, publicPoint: [UInt8]) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { s in
            try s.serialize(1)
            try s.serialize(ASN1OctetString(contentBytes: raw[...]))
            try s.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { s in try s.serialize(curve) }
            try s.serialize(explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific) { s in
                try s.serialize(ASN1BitString(bytes: publicPoint[...]))
            }
        }
        return serializer.serializedBytes
    }

    /// The fixed DER prefix of an Ed25519 PKCS #8 key (RFC 8410): version 0, algorithm
    /// 1.3.101.112, and the 32-byte seed wrapped in an OCTET STRING inside the key OCTET STRING.
    private static let ed25519PKCS8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    /// sprig's `parsePrivateKeyPEM`: the first PEM block of `text` as a private key, with its
    /// error wording (`no PEM data in input`, `invalid private key type ...`).
    init(pem text: String) throws {
        guard let block = PEMBlock(decoding: text) else { throw callFailure("no PEM data in input") }
        switch block.type {
        case "PRIVATE KEY":
            guard let key = Self.pkcs8(block.bytes) else {
                throw callFailure("decoding PEM as PKCS#8: x509: failed to parse private key (meshrender reads RSA, ECDSA and Ed25519 keys)")
            }
            self = key
        case "RSA PRIVATE KEY":
            do {
                self = .rsa(try _RSA.Signing.PrivateKey(unsafeDERRepresentation: block.bytes))
            } catch {
                throw callFailure("parsing RSA private key from PEM: \(error)")
            }
        case "EC PRIVATE KEY":
            guard let key = Self.ecdsa(block.bytes) else {
                throw callFailure("parsing EC private key from PEM: x509: failed to parse EC private key")
            }
            self = key
        case "DSA PRIVATE KEY":
            throw callFailure(Self.dsaRefusal)
        default:
            if !block.type.hasSuffix(" PRIVATE KEY") {
                throw callFailure("no private key data in PEM block of type \(block.type)")
            }
            throw callFailure("invalid private key type \(block.type)")
        }
    }

    /// An ECDSA key in SEC 1 or PKCS #8 form, on whichever NIST curve it names.
    private static func ecdsa(_ der: [UInt8]) -> TemplateKey? {
        if let k = try? P256.Signing.PrivateKey(derRepresentation: der) { return .p256(k) }
        if let k = try? P384.Signing.PrivateKey(derRepresentation: der) { return .p384(k) }
        if let k = try? P521.Signing.PrivateKey(derRepresentation: der) { return .p521(k) }
        return nil
    }

    /// A PKCS #8 key of any supported algorithm.
    private static func pkcs8(_ der: [UInt8]) -> TemplateKey? {
        if der.count == ed25519PKCS8Prefix.count + 32, Array(der.prefix(ed25519PKCS8Prefix.count)) == ed25519PKCS8Prefix,
           let k = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32)) {
            return .ed25519(k)
        }
        if let k = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: der) { return .rsa(k) }
        return ecdsa(der)
    }
}
