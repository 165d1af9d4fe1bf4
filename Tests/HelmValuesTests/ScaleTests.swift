import Foundation
import HelmValues
import XCTest
import YAML

/// Large inputs stay linear: these would take minutes if an edit copied the tree it edits.
final class ScaleTests: XCTestCase {
    func testLongSetArgument() throws {
        let count = 20_000
        let argument = (0..<count).map { "list[\($0)]=\($0),m.k\($0)=v" }.joined(separator: ",")
        let start = Date()
        let node = try SetParser.parse(argument)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(ValuesPath.lookup("list", in: node)?.sequence?.count, count)
        XCTAssertEqual(ValuesPath.lookup("m", in: node)?.mapping?.count, count)
        XCTAssertEqual(ValuesPath.lookup("list[19999]", in: node)?.toValue(), .int(19999))
        print("scale: --set with \(2 * count) items in \(String(format: "%.3f", elapsed)) s")
    }

    func testLargeFilesMergeAndCoalesce() throws {
        let keys = 20_000
        let a = "m:\n" + (0..<keys).map { "  k\($0): {x: \($0), l: [1, 2]}\n" }.joined()
        let b = "m:\n" + (0..<keys).filter { $0 % 2 == 0 }.map { "  k\($0): {w: \($0)}\n" }.joined()
        let start = Date()
        let user = try ValuesOptions(valueFiles: ["a", "b"], setValues: ["m.k1.z=1"])
            .merged(readFile: { Array(($0 == "a" ? a : b).utf8) }, readStdin: { [] })
        let values = Coalesce.coalesce(defaults: try ValuesFile.load(Array(b.utf8), file: "values.yaml"), user: user)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(ValuesPath.lookup("m", in: values)?.mapping?.count, keys)
        XCTAssertEqual(ValuesPath.lookup("m.k2", in: values)?.toValue(), .map(["x": .float(2), "w": .float(2), "l": .list([.float(1), .float(2)])]))
        print("scale: two files of \(keys) maps merged, --set, coalesced in \(String(format: "%.3f", elapsed)) s")
    }
}
