import XCTest
import Platform
import YAML

/// YAML nests 10,000 levels deep, as in Helm (go-yaml and Go's JSON decoder both stop past 10,000): the deepest
/// document parses, in flow and in block style, on any thread; one level more is one error at the level past the bound.
final class NestingLimitTests: XCTestCase {
    static func flow(_ levels: Int) -> String {
        "a: " + String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1) + "\n"
    }

    static func block(_ levels: Int) -> String {
        (0..<levels).map { String(repeating: "  ", count: $0) + ($0 == levels - 1 ? "k: 1\n" : "k:\n") }.joined()
    }

    /// The depth of a parsed tree, counted without recursion.
    private static func depth(_ node: Node) -> Int {
        var level = 0
        var current: Node? = node
        while let node = current {
            switch node.kind {
            case .mapping(let m): current = m.entries.values.first
            case .sequence(let items): current = items.first
            default: return level
            }
            level += 1
        }
        return level
    }

    func testTheDeepestDocumentParses() throws {
        // On this (small-stack) thread the parser starts one with the stack it needs; the tree is let go of on a
        // large stack, as the command lets go of it.
        for text in [Self.flow(10_000), Self.block(10_000)] {
            let held = Held(try YAMLParser().parse(text, file: "deep.yaml"))
            XCTAssertEqual(Self.depth(held.node!), 10_000)
            LargeStackThread.run(stackSize: 256 << 20) { held.node = nil }
        }
    }

    private final class Held: @unchecked Sendable {
        var node: Node?
        init(_ node: Node) { self.node = node }
    }

    func testOneLevelMoreIsOneError() {
        XCTAssertThrowsError(try YAMLParser().parse(Self.flow(10_001), file: "f.yaml")) { error in
            XCTAssertEqual("\(error)", "f.yaml:1:10003: yaml: nesting deeper than 10000 levels")
        }
        XCTAssertThrowsError(try YAMLParser().parse(Self.block(10_001), file: "b.yaml")) { error in
            XCTAssertEqual("\(error)", "b.yaml:10001:20001: yaml: nesting deeper than 10000 levels")
        }
    }

    func testTheBoundIsTheParsersLimit() throws {
        let limited = YAMLParser(limits: .init(maxDepth: 100))
        XCTAssertNoThrow(try limited.parse(Self.flow(100), file: "f"))
        XCTAssertThrowsError(try limited.parse(Self.flow(101), file: "f"))
    }
}
