import XCTest
@testable import Diagnostics
@testable import GoValues
@testable import YAML

final class ParserSmokeTests: XCTestCase {
    func testTypingAliasesAndMarks() throws {
        let text = """
        a: &x {b: 1, c: [yes, "no", 012, 0x1F, 1.0, ~, 1_000]}
        d: *x
        e:
          <<: *x
          b: 2
        """
        let node = try YAMLParser().parse(text, file: "t.yaml")
        let v = node.toValue()
        guard case .map(let m) = v, case .map(let a) = m["a"]! else { return XCTFail("not a map") }
        XCTAssertEqual(a["c"], .list([.bool(true), .string("no"), .int(10), .int(31), .float(1), .null, .int(1000)]))
        XCTAssertEqual(m["d"], m["a"])
        guard case .map(let e) = m["e"]! else { return XCTFail() }
        XCTAssertEqual(e["b"], .int(2))
        XCTAssertEqual(node["e"]?.mapping?.keyMarks["b"], Mark(file: "t.yaml", line: 5, column: 3))
    }

    func testDuplicateKeyIsAnError() {
        XCTAssertThrowsError(try YAMLParser().parse("a: 1\na: 2\n", file: "f")) { error in
            XCTAssertEqual("\(error)", "f:2:1: yaml: duplicate key \"a\" in mapping")
        }
    }

    func testDeepNestingFailsCleanly() {
        let text = String(repeating: "[", count: 200_000)
        XCTAssertThrowsError(try YAMLParser().parse(text, file: "deep.yaml")) { error in
            XCTAssertTrue("\(error)".contains("nesting deeper than"), "\(error)")
        }
    }

    func testBillionLaughsIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        XCTAssertThrowsError(try YAMLParser().parse(text, file: "lol.yaml")) { error in
            XCTAssertTrue("\(error)".contains("alias"), "\(error)")
        }
    }

    func testGoFloatFormatting() {
        XCTAssertEqual(GoFormat.float(1_000_000), "1e+06")
        XCTAssertEqual(GoFormat.float(123456), "123456")
        XCTAssertEqual(GoFormat.float(1.5), "1.5")
        XCTAssertEqual(GoFormat.float(0.0001), "0.0001")
        XCTAssertEqual(GoFormat.float(0.00001), "1e-05")
        XCTAssertEqual(GoFormat.float(1234567), "1.234567e+06")
    }
}
