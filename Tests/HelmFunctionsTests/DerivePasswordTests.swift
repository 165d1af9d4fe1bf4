import Crypto
@testable import HelmFunctions
@testable import TemplateEngine
import XCTest
import _CryptoExtras

/// `derivePassword` is deterministic: its passwords are helm 4.1.4's, and the scrypt under it
/// gives RFC 7914's test vectors.
final class DerivePasswordTests: XCTestCase {
    func testScryptGivesRFC7914Vectors() throws {
        let empty = try KDF.Scrypt.deriveKey(from: [UInt8](), salt: [UInt8](), outputByteCount: 64, rounds: 16, blockSize: 1, parallelism: 1)
        XCTAssertEqual(
            empty.withUnsafeBytes { Digests.hex(Array($0)) },
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
        let nacl = try KDF.Scrypt.deriveKey(
            from: Array("password".utf8), salt: Array("NaCl".utf8), outputByteCount: 64, rounds: 1024, blockSize: 8, parallelism: 16)
        XCTAssertEqual(
            nacl.withUnsafeBytes { Digests.hex(Array($0)) },
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    func testPasswordsAreHelms() throws {
        let set = TemplateSet()
        try set.parse(name: "t", text: """
            {{ derivePassword 1 "long" "password" "user" "example.com" }} {{ derivePassword 3 "maximum" "pässword" "üser" "ex.com" }} \
            {{ derivePassword 0 "pin" "" "" "" }} {{ derivePassword 1 "nope" "a" "b" "c" }}
            """)
        XCTAssertEqual(
            try set.execute(name: "t", data: .map([:])),
            "ZedaFaxcZaso9* H3[faiGJ&UCJAebcYD8Q 2847 cannot find password template nope")
    }
}
