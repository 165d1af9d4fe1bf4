import HelmFunctions
import TemplateEngine
import XCTest
import GoValues

/// Table-driven template checks: each template, parsed as `t` and executed with `data`, prints
/// `expected` (``assertOutputs``) or fails with exactly `expected` (``assertErrors``).
enum TemplateTable {
    static func assertOutputs(
        _ cases: [(template: String, expected: String)], data: Value, file: StaticString = #filePath, line: UInt = #line
    ) {
        for c in cases {
            let set = TemplateSet()
            do {
                try set.parse(name: "t", text: c.template)
                XCTAssertEqual(try set.execute(name: "t", data: data), c.expected, c.template, file: file, line: line)
            } catch {
                XCTFail("\(c.template): \(error)", file: file, line: line)
            }
        }
    }

    static func assertErrors(
        _ cases: [(template: String, expected: String)], data: Value, file: StaticString = #filePath, line: UInt = #line
    ) {
        for c in cases {
            let set = TemplateSet()
            do {
                try set.parse(name: "t", text: c.template)
            } catch {
                XCTFail("\(c.template) does not parse: \(error)", file: file, line: line)
                continue
            }
            XCTAssertThrowsError(try set.execute(name: "t", data: data), c.template, file: file, line: line) { error in
                XCTAssertEqual("\(error)", c.expected, c.template, file: file, line: line)
            }
        }
    }
}
