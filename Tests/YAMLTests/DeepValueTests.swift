import XCTest
import GoValues
import Platform
import YAML

/// Depth bounds: the deepest JSON the reader accepts can be written back; deeper values are
/// refused cleanly instead of exhausting the stack.
final class DeepValueTests: XCTestCase {
    func testDeepestAcceptedJSONCanBeWrittenAgain() throws {
        let depth = GoJSON.maxNestingDepth
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let v = try GoJSON.decode(text)
        XCTAssertEqual(GoJSON.encode(v), text)
        let yaml = HelmYAML.marshal(v)
        XCTAssertTrue(yaml.hasPrefix("- - - "))
        XCTAssertTrue(yaml.hasSuffix("- 1\n"))
        XCTAssertThrowsError(try GoJSON.decode("[" + text + "]")) { error in
            XCTAssertEqual((error as? GoJSON.DecodeError)?.message, "invalid character '[' exceeded max depth")
        }
    }

    func testTooDeepValuesAreRefused() {
        // The writers recurse once per level: run where the command runs, on a large stack.
        LargeStackThread.run(stackSize: 1 << 30) { self.checkTooDeepValues() }
    }

    private func checkTooDeepValues() {
        var v = Value.int(1)
        for _ in 0..<(HelmYAML.maxDepth + 5) { v = .map(["a": v]) }
        XCTAssertThrowsError(try HelmYAML.marshalChecked(v)) { error in
            XCTAssertEqual("\(error)", "yaml: value nested deeper than 10000 levels")
        }
        XCTAssertEqual(HelmYAML.toYaml(v), "")
        XCTAssertNoThrow(try GoJSON.encodeChecked(v))
        for _ in 0..<(GoJSON.maxEncodingDepth - HelmYAML.maxDepth) { v = .map(["a": v]) }
        XCTAssertThrowsError(try GoJSON.encodeChecked(v)) { error in
            XCTAssertEqual("\(error)", "json: value nested deeper than 100000 levels")
        }
    }
}
