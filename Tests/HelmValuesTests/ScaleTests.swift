import Foundation
import HelmValues
import XCTest
import YAML

/// Large inputs come out whole: a `--set` argument of 40,000 items, and two files of 20,000 maps merged, set and
/// coalesced (an edit that copied the tree it edits would make them quadratic; bench/run measures how fast).
final class ScaleTests: XCTestCase {
    func testLongSetArgument() throws {
        let count = 20_000
        let argument = (0..<count).map { "list[\($0)]=\($0),m.k\($0)=v" }.joined(separator: ",")
        let node = try SetParser.parse(argument)
        XCTAssertEqual(ValuesPath.lookup("list", in: node)?.sequence?.count, count)
        XCTAssertEqual(ValuesPath.lookup("m", in: node)?.mapping?.count, count)
        XCTAssertEqual(ValuesPath.lookup("list[19999]", in: node)?.toValue(), .int(19999))
    }

    func testLargeFilesMergeAndCoalesce() throws {
        let keys = 20_000
        let a = "m:\n" + (0..<keys).map { "  k\($0): {x: \($0), l: [1, 2]}\n" }.joined()
        let b = "m:\n" + (0..<keys).filter { $0 % 2 == 0 }.map { "  k\($0): {w: \($0)}\n" }.joined()
        let user = try ValuesOptions(valueFiles: ["a", "b"], setValues: ["m.k1.z=1"])
            .merged(readFile: { Array(($0 == "a" ? a : b).utf8) }, readStdin: { [] })
        let values = Coalesce.coalesce(defaults: try ValuesFile.load(Array(b.utf8), file: "values.yaml"), user: user)
        XCTAssertEqual(ValuesPath.lookup("m", in: values)?.mapping?.count, keys)
        XCTAssertEqual(ValuesPath.lookup("m.k2", in: values)?.toValue(), .map(["x": .float(2), "w": .float(2), "l": .list([.float(1), .float(2)])]))
    }
}
