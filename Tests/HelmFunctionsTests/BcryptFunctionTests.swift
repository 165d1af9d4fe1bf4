@testable import HelmFunctions
@testable import TemplateEngine
import XCTest
import YAML

/// `bcrypt` and `htpasswd`. Hashes use a random salt (as in Helm), so the functions are checked
/// for their shape; the algorithm is checked against fixed vectors made by the system's libcrypt
/// (`crypt(3)` with a `$2a$04$` setting).
final class BcryptFunctionTests: XCTestCase {
    func testPiDigitsStartBlowfishsTables() {
        let words = PiWords.words
        XCTAssertEqual(words.count, 1042)
        XCTAssertEqual(Array(words.prefix(4)), [0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344])
        // The first word of the first S-box and the last word of the last one.
        XCTAssertEqual(words[18], 0xD131_0BA6)
        XCTAssertEqual(words[1041], 0x3AC3_72E6)
    }

    func testHashesMatchLibcrypt() {
        let vectors: [(String, [UInt8], String)] = [
            ("", Array(0..<16), "$2a$04$..CA.uOD/eaGAOmJB.yMBuq1wbVgYezarXi1FgOYk1qMNtxVndjJm"),
            ("password", [UInt8](repeating: 0xFF, count: 16), "$2a$04$999999999999999999999ufqFD7Qn4K5eU8gKcnVQOoZ0BZfqfUxK"),
            ("héllo wörld", Array(100..<116), "$2a$04$XETkX0fnYkrqZU3taFDwaudw.zvKKAqgWjlJRME/Vk9duavgXyk.6"),
            (String(repeating: "a", count: 72), Array(200..<216), "$2a$04$wKlIw6xLxq9OybJRzLVUzuZSNLXqSo/I/wpOJ4wAImaSUPcu5SRca"),
        ]
        for (password, salt, expected) in vectors {
            XCTAssertEqual(Bcrypt.hash(Array(password.utf8), salt: salt, cost: 4), expected, password)
        }
    }

    func testFunctions() throws {
        guard case .ok(let line)? = outcome(of: "htpasswd", [.string("admin"), .string("s3cret")]) else {
            return XCTFail("htpasswd failed")
        }
        XCTAssertNotNil(line.wholeMatch(of: /string:admin:\$2a\$10\$[.\/A-Za-z0-9]{53}/), line)
        assertFunctionCases([
            ("htpasswd", [.string("u:x"), .string("p")], .ok("string:invalid username: u:x")),
            ("bcrypt", [.string(String(repeating: "a", count: 73))],
             .ok("string:failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes")),
            ("bcrypt", [.int(1)], .argument("wrong type for value; expected string; got int")),
            ("htpasswd", [.string("u")], .argument("wrong number of args for htpasswd: want 2 got 1")),
        ])
    }
}
