import XCTest
@testable import GoValues
@testable import YAML

/// `parsePruned` either gives up or agrees with the full parse on the kept parts.
final class PrunedParseTests: XCTestCase {
    static let head = YAMLPrune.keys(["kind": .all, "metadata": .keys(["name": .all, "annotations": .all])])

    /// The full parse's node restricted to `keep`, as a Value (marks dropped).
    func restrict(_ node: Node, _ keep: YAMLPrune) -> Value {
        switch (node.kind, keep) {
        case (_, .all): return node.toValue()
        case (.mapping(let m), .keys(let wanted)):
            var out: [String: Value] = [:]
            for (k, v) in m.entries { if let sub = wanted[k] { out[k] = restrict(v, sub) } }
            return .map(out)
        case (.sequence, .keys): return .list([])
        default: return node.toValue()
        }
    }

    func testAgreesOrGivesUp() throws {
        // (input, whether the fast path must answer)
        let cases: [(String, Bool)] = [
            ("kind: Pod\nmetadata:\n  name: a\n  annotations:\n    helm.sh/hook: pre-install\nspec: {x: [1, 2, {y: z}]}\n", true),
            ("kind: Pod\nkind: Service\n", true),
            ("metadata: [1, 2]\n", true),
            ("metadata:\n  annotations: {a: 1, b: ~, yes: true}\n", true),
            ("kind: 12\nmetadata: ~\n", true),
            ("\"kind\": 'Pod'\n", true),
            ("", true),
            ("# only a comment\n", true),
            ("just a string\n", true),
            ("kind: Pod\nspec:\n  1: x\n", false),
            ("kind: Pod\nspec:\n  ~: x\n", false),
            ("kind: Pod\nspec:\n  <<: {a: 1}\n", false),
            ("kind: &k Pod\n", false),
            ("kind: !!str 12\n", false),
            ("kind: Pod\nspec: [a, b\n", false),
            ("kind: Pod\n...\nkind: Service\n", false),
            ("kind: Pod\nspec: {[a]: b}\n", false),
        ]
        let parser = YAMLParser(duplicateKeys: .lastWins)
        for (text, mustAnswer) in cases {
            let pruned = parser.parsePruned(bytes: Array(text.utf8), file: "t", keep: Self.head)
            XCTAssertEqual(pruned != nil, mustAnswer, text)
            guard let pruned else { continue }
            let full = try parser.parse(text, file: "t")
            XCTAssertEqual(pruned.toValue(), restrict(full, Self.head), text)
        }
    }
}
