import XCTest
@testable import YAML

/// The alias-bomb bound counts what aliases expand to, not the nodes a file writes out: a large
/// plain file (10 M scalars in 20 MB, which Helm renders) is bounded by its size only.
final class AliasExpansionLimitTests: XCTestCase {
    let parser = YAMLParser(limits: .init(maxExpandedNodes: 100))

    func testPlainNodesDoNotCount() throws {
        let text = "a:\n" + String(repeating: "- 1\n", count: 1000) + "b: {" + (0..<500).map { "k\($0): v" }.joined(separator: ", ") + "}\n"
        let node = try parser.parse(bytes: Array(text.utf8), file: "big.yaml")
        XCTAssertEqual(node["a"]?.sequence?.count, 1000)
        let stream = try parser.parseStream(bytes: Array(text.utf8), file: "big.yaml")
        XCTAssertEqual(stream.expandedNodes, [0])
    }

    func testAliasExpansionStillCounts() {
        let text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        XCTAssertThrowsError(try parser.parse(bytes: Array(text.utf8), file: "bomb.yaml")) { error in
            XCTAssertEqual("\(error)", "bomb.yaml:2:44: yaml: aliases expand to more than 100 nodes (alias bomb?)")
        }
    }
}
