import Foundation
@testable import HelmFunctions
@testable import TemplateEngine
import SwiftASN1
import X509
import XCTest
import GoValues

/// The certificate functions' output, parsed back: subject, names, validity, CA flag, key form and
/// the signature chain. Keys and certificates are random, so only their structure is checked.
final class CertificateFunctionTests: XCTestCase {
    /// The template's output split at `|||`.
    func render(_ template: String, values: Value = .map([:])) throws -> [String] {
        let set = TemplateSet()
        try set.parse(name: "t", text: template)
        return try set.execute(name: "t", data: values).components(separatedBy: "|||")
    }

    func testCAIsSelfSignedCertificateAuthority() throws {
        let out = try render(#"{{ $ca := genCA "my-ca" 365 }}{{ $ca.Cert }}|||{{ $ca.Key }}"#)
        let ca = try Certificate(pemEncoded: out[0])
        XCTAssertEqual(ca.subject.description, "CN=my-ca")
        XCTAssertEqual(ca.issuer, ca.subject)
        XCTAssertEqual(ca.notValidAfter.timeIntervalSince(ca.notValidBefore), 365 * 86_400, accuracy: 1)
        XCTAssertLessThan(abs(ca.notValidBefore.timeIntervalSinceNow), 60)
        XCTAssertEqual(try ca.extensions.basicConstraints, .isCertificateAuthority(maxPathLength: nil))
        XCTAssertEqual(try ca.extensions.keyUsage, KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: true))
        XCTAssertNotNil(try ca.extensions.subjectKeyIdentifier)
        XCTAssertTrue(ca.publicKey.isValidSignature(ca.signature, for: ca))
        XCTAssertTrue(out[1].hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
        XCTAssertEqual(try Certificate.PrivateKey(pemEncoded: out[1]).publicKey, ca.publicKey)
        XCTAssertLessThanOrEqual(ca.serialNumber.bytes.count, 17)
    }

    func testSignedCertificateChainsToItsCA() throws {
        let out = try render(
            #"{{ $ca := genCA "my-ca" 30 }}{{ $c := genSignedCert "svc" (list "10.0.0.1" "::1" "::ffff:1.2.3.4") (list "a.example" "b.example") 7 $ca }}"#
                + "{{ $ca.Cert }}|||{{ $c.Cert }}|||{{ $c.Key }}")
        let ca = try Certificate(pemEncoded: out[0]), leaf = try Certificate(pemEncoded: out[1])
        XCTAssertEqual(leaf.subject.description, "CN=svc")
        XCTAssertEqual(leaf.issuer, ca.subject)
        XCTAssertTrue(ca.publicKey.isValidSignature(leaf.signature, for: leaf))
        XCTAssertFalse(leaf.publicKey.isValidSignature(leaf.signature, for: leaf))
        XCTAssertEqual(leaf.notValidAfter.timeIntervalSince(leaf.notValidBefore), 7 * 86_400, accuracy: 1)
        XCTAssertEqual(try leaf.extensions.basicConstraints, .notCertificateAuthority)
        XCTAssertEqual(try leaf.extensions.keyUsage, KeyUsage(digitalSignature: true, keyEncipherment: true))
        XCTAssertEqual(try leaf.extensions.extendedKeyUsage, try ExtendedKeyUsage([.serverAuth, .clientAuth]))
        XCTAssertEqual(
            try leaf.extensions.authorityKeyIdentifier?.keyIdentifier, try ca.extensions.subjectKeyIdentifier?.keyIdentifier)
        let names = Array(try XCTUnwrap(try leaf.extensions.subjectAlternativeNames))
        XCTAssertEqual(names, [
            .dnsName("a.example"), .dnsName("b.example"),
            .ipAddress(ASN1OctetString(contentBytes: [10, 0, 0, 1])),
            .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
            .ipAddress(ASN1OctetString(contentBytes: [1, 2, 3, 4])),
        ])
        XCTAssertEqual(try Certificate.PrivateKey(pemEncoded: out[2]).publicKey, leaf.publicKey)
    }

    func testSelfSignedCertificateAndKeyForms() throws {
        let out = try render(
            #"{{ $ec := genPrivateKey "ecdsa" }}{{ $ed := genPrivateKey "ed25519" }}"#
                + #"{{ $s := genSelfSignedCertWithKey "self" nil (list "x.example") 3 $ec }}"#
                + #"{{ $e := genSelfSignedCertWithKey "" nil (list "y.example") 3 $ed }}"#
                + "{{ $s.Cert }}|||{{ $s.Key }}|||{{ $ec }}|||{{ $e.Cert }}|||{{ $ed }}")
        let s = try Certificate(pemEncoded: out[0])
        XCTAssertEqual(s.issuer, s.subject)
        XCTAssertTrue(s.publicKey.isValidSignature(s.signature, for: s))
        XCTAssertEqual(s.signatureAlgorithm, .ecdsaWithSHA256)
        XCTAssertNil(try s.extensions.authorityKeyIdentifier)
        XCTAssertEqual(out[1], out[2])
        XCTAssertTrue(out[2].hasPrefix("-----BEGIN EC PRIVATE KEY-----\n"))
        XCTAssertEqual(try Certificate.PrivateKey(pemEncoded: out[2]).publicKey, s.publicKey)
        let e = try Certificate(pemEncoded: out[3])
        XCTAssertEqual(e.signatureAlgorithm, .ed25519)
        XCTAssertEqual(e.subject, DistinguishedName())
        XCTAssertEqual(try e.extensions.subjectAlternativeNames.map(Array.init), [.dnsName("y.example")])
        XCTAssertTrue(out[4].hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        XCTAssertEqual(try Certificate.PrivateKey(pemEncoded: out[4]).publicKey, e.publicKey)
    }

    func testSigningWithHelmsCA() throws {
        let values = Value.map(["cert": .string(Self.helmCACert), "key": .string(Self.helmCAKey)])
        let out = try render(
            #"{{ $ca := buildCustomCert (b64enc .cert) (b64enc .key) }}{{ $c := genSignedCert "leaf" nil (list "l.example") 2 $ca }}"#
                + "{{ $c.Cert }}|||{{ $ca.Key }}", values: values)
        let ca = try Certificate(pemEncoded: Self.helmCACert), leaf = try Certificate(pemEncoded: out[0])
        XCTAssertEqual(leaf.issuer, ca.subject)
        XCTAssertTrue(ca.publicKey.isValidSignature(leaf.signature, for: leaf))
        XCTAssertEqual(out[1], Self.helmCAKey)
    }

    func testRefusals() throws {
        for (template, message) in [
            (#"{{ genPrivateKey "dsa" }}"#, "error calling genPrivateKey: DSA keys are not supported by meshrender"),
            (#"{{ genCAWithKey "x" 1 "-----BEGIN DSA PRIVATE KEY-----\nYWJj\n-----END DSA PRIVATE KEY-----\n" }}"#,
             "error calling genCAWithKey: parsing private key: DSA keys are not supported by meshrender"),
            (#"{{ genSelfSignedCert "x" (list "10.0.0.256") nil 1 }}"#, "error calling genSelfSignedCert: error parsing ip: 10.0.0.256"),
            (#"{{ genSelfSignedCert "x" (list "fe80::1%eth0") nil 1 }}"#, "error parsing ip: fe80::1%eth0"),
            (#"{{ genSignedCert "x" nil nil 1 (dict "Cert" "" "Key" "") }}"#,
             "wrong type for value; expected sprig.certificate; got map[string]interface {}"),
        ] {
            XCTAssertThrowsError(try render(template), template) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
        XCTAssertEqual(try render(#"{{ genPrivateKey "x25519" }}"#), ["Unknown type x25519"])
    }

    func testGoIPParsing() {
        XCTAssertEqual(GoIP.parse("0.0.0.0"), [0, 0, 0, 0])
        XCTAssertEqual(GoIP.parse("2001:db8::8:800:200c:417a"), [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0x08, 0x08, 0, 0x20, 0x0c, 0x41, 0x7a])
        XCTAssertEqual(GoIP.parse("::"), [UInt8](repeating: 0, count: 16))
        XCTAssertEqual(GoIP.parse("1::"), [0, 1] + [UInt8](repeating: 0, count: 14))
        XCTAssertEqual(GoIP.parse("::ffff:10.1.2.3"), [10, 1, 2, 3])
        for bad in ["", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", ":1", "1:", "a.b.c.d", "::1%lo"] {
            XCTAssertNil(GoIP.parse(bad), bad)
        }
    }

    func testPEMDecodingAsGoDoes() {
        let block = PEMBlock(type: "X", bytes: Array(0..<100))
        XCTAssertEqual(PEMBlock(decoding: "junk\n" + block.encoded + "trailer"), block)
        XCTAssertEqual(block.encoded.split(separator: "\n").map(\.count), [17, 64, 64, 8, 15])
        XCTAssertNil(PEMBlock(decoding: "-----BEGIN X-----\n!!!\n-----END X-----\n"))
        XCTAssertNil(PEMBlock(decoding: "no pem"))
    }

    static let helmCACert = """
        -----BEGIN CERTIFICATE-----
        MIIDEjCCAfqgAwIBAgIRAIbYE+KJ7vDVz7tGBbg5j+AwDQYJKoZIhvcNAQELBQAw
        EjEQMA4GA1UEAxMHaGVsbS1jYTAgFw0yNjEyMDcwNTQ4MTRaGA8yMTI2MTExMzA1
        NDgxNFowEjEQMA4GA1UEAxMHaGVsbS1jYTCCASIwDQYJKoZIhvcNAQEBBQADggEP
        ADCCAQoCggEBANWkjqkgMQf0tvsy+Pk196VrRhn45jrPOl9o7kPiTiLza6EuES6A
        MlUpE3Phb2EM8Ih7ysPML1hNFMCkfKC4EHIaw5JjkOO3MPUfA20mtEWnWDHxQuWR
        jVNfOVV9aD6nNhXBGT5yagf2KbIiwBz4x8FPlJPv3B9z7RokF0KBQ7tCVXtAc59v
        ZdXhQyMiv0FEeEHXAZPe+1WHUiWeHN6c7Hid+tqkVe/QdOe8ug0VYgWCzGek5MhX
        4fKswdOYUUrMH2cBQ1I/yMtkxncVEhkE71jd6mumV/jncZrvCeZLhbVSyt7f36v6
        CZ38XtDzSfCuX4Qxs783zsRTGLDo0a0ib9cCAwEAAaNhMF8wDgYDVR0PAQH/BAQD
        AgKkMB0GA1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAPBgNVHRMBAf8EBTAD
        AQH/MB0GA1UdDgQWBBTnBQ+2qeFmlkLQpYPr0Y5suaRtczANBgkqhkiG9w0BAQsF
        AAOCAQEAh4Ytacq0Tt3wMjD8EhngNlIbqGdMdIG7UaXBN6s9sXVENycj15C9md0W
        Zrl8dYR4Ya4kFO6SykJr7g7jmprfbU5t8FqemyHXs2Af5AsCQ3Ej5A/AM5F4lRwl
        PO1SbNnreKg6MLLXWr+Y22tMm8RINv5nhkBGdO96r6KuC3LiroI54gWyy9DcVfOS
        5W9f+9tZRnZ8aSrgGXV1kLwJS91aOt0HmIKTEfx8boc95lDVoTCUVHJHEVn6S7PA
        /hRsjkW5doautLuUM/JZMiOOT+gg8+Ujce1m3pRIg/c1T384DHdFgRbPEGcNTxnl
        hMCbhtJw5RbVlkOYn2vuNQzZ272Z2g==
        -----END CERTIFICATE-----

        """

    static let helmCAKey = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEpQIBAAKCAQEA1aSOqSAxB/S2+zL4+TX3pWtGGfjmOs86X2juQ+JOIvNroS4R
        LoAyVSkTc+FvYQzwiHvKw8wvWE0UwKR8oLgQchrDkmOQ47cw9R8DbSa0RadYMfFC
        5ZGNU185VX1oPqc2FcEZPnJqB/YpsiLAHPjHwU+Uk+/cH3PtGiQXQoFDu0JVe0Bz
        n29l1eFDIyK/QUR4QdcBk977VYdSJZ4c3pzseJ362qRV79B057y6DRViBYLMZ6Tk
        yFfh8qzB05hRSswfZwFDUj/Iy2TGdxUSGQTvWN3qa6ZX+Odxmu8J5kuFtVLK3t/f
        q/oJnfxe0PNJ8K5fhDGzvzfOxFMYsOjRrSJv1wIDAQABAoIBAAmwOLf6ub5+nn2t
        xhSnGd/qiXdMDkTEeQUyoPt7G8gB+fOJP0Y4kg/CmRs8MezYxV+rHXrbm5oJhNNn
        oi83qadDB3NwCHYLLLExAtrEUpCGEj3RjxMSErKhMtxpn3yX4KAD7b0jOyO5ShLF
        +KhXr9dYYIiE7BqRC0OQN23Qpt2rAzdNSn1ZaVN0tvuX+gRHbT0yfoXh2YzhWztV
        Vh1yrBSxJ58dIFn5CrYQmMCZRcCyGhccZvKtPMNTPl3XPywBCPNWZtIZvzQ7qfgv
        catU7xzS5t1i7+VJ50pd2Tmz1++hQHy/CDTUpDkRXuw+GYuRxBZdCHfFo7oWQ1/o
        IAhO9AECgYEA6Q3FVGuSA+sunZXH9/PgN3HB5JXxk6sEIKxEJu5bB36HJALOVwIN
        323HLGSVd0wj+s36/2UqAQ4SSVlXGnCz+yCJrY2e6IwtHO25dcfqA3Lz/njLygAR
        z1z3dpqrXzgaurvdNbxniN8OcKjn9QGSHlhqI28Ezd+Uh4eMgJ9M+IECgYEA6q2F
        /j41s4AObmXSMseVDGM6WUFtSBOxsp7buyAU+KvFJ3HI8vJ2uWLvG9qhIrdQy/ul
        PVOolhPOWhBW1Wi4RlqBvFB3au4AWDxm0iwDoEpZPOSSbvFxqiS3hj3AZZZEzR9D
        Ay+V248+jjuYcWNIYuz5n7+m0K4iXEI2E6/b/FcCgYEA5fwi+dZV9+wEyppfBj/y
        yoRGVW/rQFCJ+DxH3StnRZQFhPIH8jEiw5Sv8w0nuty2vPC8e4C33OaoAR5bKMqD
        spU/iLezU8XRVzT5ylOIifLM+hj28tbyvHH/+1lTONpC9ngiKr9MZPPKaj8k+NGe
        Arg5tdH/KbMz/jMz4lJSQQECgYEAlU2mpPUxNy0ugUAYdiQSCJqMwcJlY2jcMfbt
        duTXUsn9mbXDkgV+UT3HQCJdR/f22IAWRakW5bxeGWCxzf5c1q24QnWzM/2NjJWJ
        GQfVmsISejI1k43asdPASxC4eikbRqEwAjPhFJnSw6zYtLLkl8OKoP7Og4913tpl
        CytkOusCgYEA4JCTQFo2b33bKtA/7c/Z4D3ptn4t/fYcH3X8BBFAy3Oc4Q7pcBrm
        zK6U6VkxlxoTxbgBVfltZtXtrgFHsNL66YdEk+kEq6IEw3t3y4Yoi9s2RxNzLq3Z
        0wP4ZswMCiDpyTxfCg6a+LlzWs5XK7B1wsA2vrmOJT7cf+JpjcZDvJQ=
        -----END RSA PRIVATE KEY-----

        """
}
