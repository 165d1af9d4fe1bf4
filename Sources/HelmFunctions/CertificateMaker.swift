import TemplateEngine
import Crypto
import FoundationEssentials
import SwiftASN1
import X509
import _CryptoExtras

/// The X.509 certificates sprig's certificate functions make, built and signed by
/// swift-certificates with the fields and extensions Go's `x509.CreateCertificate` writes for
/// sprig's template: a random 128-bit serial, the subject's common name only, validity from now
/// for the given days, key usage (critical) digital signature and key encipherment (plus
/// certificate signing for a CA), extended key usage server and client authentication, basic
/// constraints (critical; `CA:TRUE` for a CA), a subject key identifier on a CA, the issuer's key
/// identifier on a certificate a CA signs, and the IP and DNS subject alternative names.
struct CertificateMaker {
    var commonName: String
    var ipAddresses: [[UInt8]] = []
    var dnsNames: [String] = []
    var daysValid: Int
    var isCA = false

    /// A parsed signer: its certificate (for the issuer name and key identifier) and its key.
    struct Signer {
        let certificate: Certificate
        let key: TemplateKey
    }

    /// The common name as Go's `encoding/asn1` writes a string without an explicit type: a
    /// PrintableString when every character is in its set (letters, digits, space and `'()+,-./:=?`),
    /// a UTF8String otherwise.
    static func commonNameAttribute(_ name: String) -> RelativeDistinguishedName.Attribute {
        (try? RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, printableString: name))
            ?? RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: name)
    }

    /// The PEM text of a certificate for `key`, signed by `signer` (self-signed without one).
    func pem(for key: TemplateKey, signedBy signer: Signer? = nil) throws -> String {
        let subject = try commonName.isEmpty ? DistinguishedName() : DistinguishedName([Self.commonNameAttribute(commonName)])
        let publicKey = key.signingKey.publicKey
        var extensions = Certificate.Extensions()
        try extensions.append(Certificate.Extension(
            KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: isCA), critical: true))
        try extensions.append(Certificate.Extension(ExtendedKeyUsage([.serverAuth, .clientAuth]), critical: false))
        try extensions.append(Certificate.Extension(
            isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority, critical: true))
        if isCA {
            try extensions.append(Certificate.Extension(SubjectKeyIdentifier(hash: publicKey), critical: false))
        }
        if let signer, let issuerKeyID = try signer.certificate.extensions.subjectKeyIdentifier?.keyIdentifier,
           signer.certificate.subject != subject {
            try extensions.append(Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: issuerKeyID), critical: false))
        }
        if !ipAddresses.isEmpty || !dnsNames.isEmpty {
            let names = dnsNames.map { GeneralName.dnsName($0) }
                + ipAddresses.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: $0[...])) }
            // Go marks the names critical when the subject is empty (RFC 5280, 4.2.1.6).
            try extensions.append(Certificate.Extension(SubjectAlternativeNames(names), critical: commonName.isEmpty))
        }
        let now = Date()
        var generator = SystemRandomNumberGenerator()
        let serial = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: serial),
            publicKey: publicKey,
            notValidBefore: now,
            notValidAfter: now.addingTimeInterval(Double(daysValid) * 86_400),
            issuer: signer?.certificate.subject ?? subject,
            subject: subject,
            extensions: extensions,
            issuerPrivateKey: signer?.key.signingKey ?? key.signingKey)
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return PEMBlock(type: "CERTIFICATE", bytes: serializer.serializedBytes).encoded
    }

    /// A DER certificate, parsed.
    static func parse(der: [UInt8]) throws -> Certificate {
        try Certificate(derEncoded: der)
    }

    /// A CA certificate and key as sprig's `certificate` passes them (`.Cert`, `.Key`), parsed for
    /// signing, with sprig's error wording.
    static func signer(cert: String, key: String) throws -> Signer {
        guard let block = PEMBlock(decoding: cert) else { throw callFailure("unable to decode certificate") }
        let certificate: Certificate
        do {
            certificate = try parse(der: block.bytes)
        } catch {
            throw callFailure("error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate")
        }
        do {
            return Signer(certificate: certificate, key: try TemplateKey(pem: key))
        } catch let e as FunctionError {
            throw callFailure("error parsing private key: \(e.message)")
        }
    }
}
