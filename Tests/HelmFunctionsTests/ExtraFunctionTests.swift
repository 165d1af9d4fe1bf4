import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// Further Sprig functions, table-driven; expectations produced by Helm v4.1.4.
final class ExtraFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases(ExtraFunctionTests.cases)
    }

    /// Random functions cannot match Helm's output; their shape can.
    func testRandomFunctionsHaveTheRequestedShape() throws {
        let table = SprigFunctions.table
        for (name, allowed) in [
            ("randAlphaNum", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
            ("randAlpha", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), ("randNumeric", "0123456789"),
        ] {
            guard case .string(let s)? = try table[name]?([.int(32)]) else { return XCTFail(name) }
            XCTAssertEqual(s.count, 32, name)
            XCTAssertTrue(s.allSatisfy { allowed.contains($0) }, "\(name): \(s)")
        }
        guard case .string(let uuid)? = try table["uuidv4"]?([]) else { return XCTFail("uuidv4") }
        let parts = uuid.split(separator: "-")
        XCTAssertEqual(parts.map(\.count), [8, 4, 4, 4, 12], uuid)
        XCTAssertEqual(parts[2].first, "4", uuid)
        XCTAssertNotEqual(try table["uuidv4"]?([]), try table["uuidv4"]?([]))
    }

    /// `semver` gives the fields templates read (`(semver "v1.2.3-rc.1+b5").Prerelease`), as helm shows them.
    func testSemverFields() throws {
        guard case .map(let v)? = try SprigFunctions.table["semver"]?([.string("v1.2.3-rc.1+b5")]) else { return XCTFail("semver") }
        XCTAssertEqual(v["Major"], .int(1))
        XCTAssertEqual(v["Minor"], .int(2))
        XCTAssertEqual(v["Patch"], .int(3))
        XCTAssertEqual(v["Prerelease"], .string("rc.1"))
        XCTAssertEqual(v["Metadata"], .string("b5"))
        XCTAssertEqual(v["Original"], .string("v1.2.3-rc.1+b5"))
        XCTAssertEqual(outcome(of: "semver", [.string("x")]), .call("invalid semantic version"))
    }

    static let cases: [FunctionCase] = [
        ("sha512sum", [.string("hello")], .ok("string:9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043")),
        ("sha512sum", [.string("")], .ok("string:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")),
        ("b32enc", [.string("hello world")], .ok("string:NBSWY3DPEB3W64TMMQ======")),
        ("b32enc", [.string("")], .ok("string:")),
        ("b32enc", [.string("a")], .ok("string:ME======")),
        ("b32dec", [.string("NBSWY3DPEB3W64TMMQ======")], .ok("string:hello world")),
        ("b32dec", [.string("ME======")], .ok("string:a")),
        ("b32dec", [.string("!!!!!!!!")], .ok("string:illegal base32 data at input byte 0")),
        ("swapcase", [.string("Hello World ß Ǆ")], .ok("string:hELLO wORLD ß ǆ")),
        ("abbrevboth", [.int(5), .int(10), .string("1234567890abcdefghijklmnop")], .ok("string:...6789...")),
        ("abbrevboth", [.int(0), .int(10), .string("1234567890abcdefghijklmnop")], .ok("string:1234567...")),
        ("abbrevboth", [.int(1), .int(10), .string("1234567890abcdefghijklmnop")], .ok("string:1234567...")),
        ("abbrevboth", [.int(20), .int(10), .string("1234567890abcdefghijklmnop")], .ok("string:...jklmnop")),
        ("abbrevboth", [.int(3), .int(6), .string("abcdefghijkl")], .ok("string:abcdefghijkl")),
        ("getHostByName", [.string("example.com")], .ok("string:")),
        ("osBase", [.string("/a/b.txt")], .ok("string:b.txt")),
        ("osDir", [.string("/a/b.txt")], .ok("string:/a")),
    ]
}
