@testable import HelmFunctions
@testable import TemplateEngine
import XCTest
import YAML

/// `encryptAES` / `decryptAES`. The cipher is checked against FIPS 197's AES-256 example and a
/// ciphertext Helm v4.1.4 produced; encryption uses a random IV, so it is checked by round trip.
final class AESFunctionTests: XCTestCase {
    func testFIPS197Example() {
        let key = (0..<32).map { UInt8($0) }
        let plain: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF]
        let expected: [UInt8] = [0x8E, 0xA2, 0xB7, 0xCA, 0x51, 0x67, 0x45, 0xBF, 0xEA, 0xFC, 0x49, 0x90, 0x4B, 0x49, 0x60, 0x89]
        let aes = AES256(key: key)
        XCTAssertEqual(aes.encryptBlock(plain), expected)
        XCTAssertEqual(aes.decryptBlock(expected), plain)
    }

    func testFunctions() {
        assertFunctionCases([
            ("decryptAES", [.string("secretkey"), .string("eXKL/1BOcPQb5Sjaz/2qHaWLMjp5GHDLRCeOk7/+uHw=")], .ok("string:plaintext")),
            ("decryptAES", [.string("k"), .string("")], .ok("string:")),
            ("encryptAES", [.string("k"), .string("")], .ok("string:")),
            ("decryptAES", [.string("k"), .string("!!")], .call("illegal base64 data at input byte 0")),
            ("decryptAES", [.string("k"), .string("YWJj")], .call("runtime error: slice bounds out of range [:16] with capacity 3")),
            ("decryptAES", [.string("k"), .string("MDEyMzQ1Njc4OWFiY2RlZjAx")], .call("crypto/cipher: input not full blocks")),
            ("decryptAES", [.string("k"), .string("MDEyMzQ1Njc4OWFiY2RlZg==")], .call("runtime error: index out of range [-1]")),
            ("decryptAES", [.string("k"), .string("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")], .call("runtime error: slice bounds out of range [:-233]")),
            ("encryptAES", [.string("k")], .argument("wrong number of args for encryptAES: want 2 got 1")),
        ])
        for text in ["x", "0123456789abcdef", "héllo wörld, over two blocks of sixteen"] {
            guard case .ok(let sealed)? = outcome(of: "encryptAES", [.string("pw"), .string(text)]) else { return XCTFail("encryptAES failed") }
            let body = String(sealed.dropFirst("string:".count))
            XCTAssertEqual(body.utf8.count, (16 + (text.utf8.count / 16 + 1) * 16 + 2) / 3 * 4)
            XCTAssertEqual(outcome(of: "decryptAES", [.string("pw"), .string(body)]), .ok("string:" + text))
        }
    }
}
