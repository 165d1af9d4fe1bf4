import XCTest
import Diagnostics
import GoValues
import YAML

final class HelmNumbersTests: XCTestCase {
    func testIntegersBecomeFloatsEverywhereMarksAndOrderKept() throws {
        let node = try YAMLParser().parse("z: 1\na: [2, {b: 3, c: x}]\nd: 1.5\ne: ~\n", file: "n.yaml")
        let converted = node.withHelmNumbers()
        XCTAssertEqual(converted.toValue(), .map([
            "z": .float(1), "a": .list([.float(2), .map(["b": .float(3), "c": .string("x")])]), "d": .float(1.5), "e": .null,
        ]))
        XCTAssertEqual(converted.mapping?.keys.elements, ["z", "a", "d", "e"])
        XCTAssertEqual(converted["a"]?.sequence?[1]["b"]?.mark, Mark(file: "n.yaml", line: 2, column: 12))
        XCTAssertEqual(node["z"]?.toValue(), .int(1), "the original is untouched")
        XCTAssertEqual(Value.list([.int(-3), .map(["k": .int(4)])]).withHelmNumbers(), .list([.float(-3), .map(["k": .float(4)])]))
    }

    func testFloatsPrintLikeHelmAfterConversion() {
        // A port read from a values file is a float64 and still prints as an integer.
        XCTAssertEqual(HelmYAML.toYaml(Value.map(["port": .int(8080)]).withHelmNumbers()), "port: 8080")
        XCTAssertEqual(GoJSON.encode(Value.map(["port": .int(8080)]).withHelmNumbers()), #"{"port":8080}"#)
    }
}
