import TestSupport
import XCTest

@testable import Diagnostics
@testable import YAML

/// Excerpts of a stream parse as the whole stream does (marks and errors on the whole file's lines),
/// and mappings built from pending entries behave as ones built entry by entry.
final class ParseStreamTests: XCTestCase {
    func marks(_ node: Node) -> [String] { nodeMarks(node) }

    static let documents = [
        "a: 1\nb: [x, {c: d}]\n",
        "# comment\nlist:\n- 1\n- two: 2\n",
        "k: &anchor {x: 1}\nl: *anchor\nm: {<<: *anchor, y: 2}\n",
        "",
    ]

    func testAnExcerptIsMarkedOnTheWholeFilesLines() throws {
        let text = Self.documents.map { "---\n" + $0 }.joined()
        let whole = try YAMLParser().parseStream(bytes: Array(text.utf8), file: "s.yaml")
        XCTAssertEqual(whole.documents.count, Self.documents.count)
        XCTAssertEqual(whole.expandedNodes.count, Self.documents.count)
        var line = 1
        for (i, document) in Self.documents.enumerated() {
            let excerpt = "---\n" + document
            let part = try YAMLParser().parseStream(bytes: Array(excerpt.utf8), file: "s.yaml", firstLine: line)
            XCTAssertEqual(part.documents.map(marks), [marks(whole.documents[i])], "document \(i)")
            XCTAssertEqual(part.expandedNodes, [whole.expandedNodes[i]], "document \(i)")
            line += excerpt.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
    }

    func testErrorsInAnExcerptNameTheWholeFilesLines() {
        let cases: [(String, String, String)] = [
            ("a: [1, 2\n", "e.yaml:11:1: yaml: did not find expected ',' or ']'", "yaml: line 10: did not find expected ',' or ']'"),
            ("a: 1\na: 2\n", "e.yaml:11:1: yaml: duplicate key \"a\" in mapping", "yaml: line 11: duplicate key \"a\" in mapping"),
            ("a: b\u{1}\n", "e.yaml:10:5: yaml: control characters are not allowed", "yaml: control characters are not allowed"),
            ("a:\n\tb: 1\n", "e.yaml:11:1: yaml: found character that cannot start any token (tabs cannot indent YAML)",
             "yaml: line 11: found character that cannot start any token"),
        ]
        for (text, message, goMessage) in cases {
            let padded = String(repeating: "\n", count: 9) + text
            XCTAssertThrowsError(try YAMLParser().parseAll(padded, file: "e.yaml"), text) { error in
                XCTAssertEqual("\(error)", message, text)
                XCTAssertEqual((error as? YAMLError)?.goDescription, goMessage, text)
            }
            XCTAssertThrowsError(try YAMLParser().parseStream(bytes: Array(text.utf8), file: "e.yaml", firstLine: 10), text) { error in
                XCTAssertEqual("\(error)", message, text)
                XCTAssertEqual((error as? YAMLError)?.goDescription, goMessage, text)
            }
        }
    }

    func testPrunedStreamAgreesOrGivesUp() throws {
        let keep = YAMLPrune.keys(["kind": .all, "metadata": .keys(["name": .all])])
        // (stream, whether the fast path must answer)
        let cases: [(String, Bool)] = [
            ("kind: A\nmetadata: {name: a, x: [1]}\n---\nkind: B\nspec: {a: 1, b: 2}\n", true),
            ("---\n---\nkind: A\n", true),
            ("kind: A\nspec: {a: 1, a: 2}\n", false),
            ("kind: A\nspec: {yes: 1, \"true\": 2}\n", false),
            ("kind: A\nspec: {on: 1, \"on\": 2}\n", true),
            ("kind: A\nspec: {é: 1}\n", false),
            ("kind: A\nspec: {a: *x}\n", false),
            ("kind: A\n---\nkind: [\n", false),
        ]
        for strict in [true, false] {
            let parser = YAMLParser(duplicateKeys: strict ? .error : .lastWins)
            for (text, mustAnswer) in cases {
                let pruned = parser.parsePrunedStream(bytes: Array(text.utf8), file: "p.yaml", firstLine: 3, keep: keep)
                if strict { XCTAssertEqual(pruned != nil, mustAnswer, text) }
                guard let pruned else { continue }
                let full = try parser.parseStream(bytes: Array(text.utf8), file: "p.yaml", firstLine: 3)
                XCTAssertEqual(pruned.expandedNodes, full.expandedNodes, text)
                XCTAssertEqual(pruned.documents.count, full.documents.count, text)
                for (p, f) in zip(pruned.documents, full.documents) {
                    XCTAssertEqual(p.mark, f.mark, text)
                    XCTAssertEqual(p["kind"]?.toValue(), f["kind"]?.toValue(), text)
                    XCTAssertEqual(p["metadata"]?["name"]?.mark, f["metadata"]?["name"]?.mark, text)
                    XCTAssertNil(p["spec"], text)
                }
            }
        }
    }

    func testPrunedStreamCanLeaveKeyMarksOut() throws {
        let keep = YAMLPrune.keys(["metadata": .all])
        let text = "metadata: {name: a, labels: {x: y}}\n"
        let with = YAMLParser().parsePrunedStream(bytes: Array(text.utf8), file: "k.yaml", keep: keep)?.documents.first
        let without = YAMLParser().parsePrunedStream(bytes: Array(text.utf8), file: "k.yaml", keep: keep, keyMarks: false)?.documents.first
        XCTAssertEqual(with?["metadata"]?.mapping?.keyMarks["name"], Mark(file: "k.yaml", line: 1, column: 12))
        XCTAssertEqual(without?["metadata"]?.mapping?.keyMarks.isEmpty, true)
        XCTAssertEqual(without?["metadata"]?["name"]?.mark, with?["metadata"]?["name"]?.mark)
        XCTAssertEqual(without?.toValue(), with?.toValue())
    }

    func testWideMappingsAndRepeatedKeys() throws {
        let keys = (0..<40).map { "k\($0)" }
        let wide = keys.map { "\($0): 1\n" }.joined()
        let node = try YAMLParser().parse(wide, file: "w.yaml")
        XCTAssertEqual(node.mapping?.keys.elements, keys)
        XCTAssertEqual(node.mapping?.keyMarks["k39"], Mark(file: "w.yaml", line: 40, column: 1))
        // A repeat past the pending entries, and one among them.
        for (text, line) in [(wide + "k3: 2\n", 41), ("a: 1\nb: 2\na: 3\n", 3)] {
            XCTAssertThrowsError(try YAMLParser().parse(text, file: "w.yaml")) { error in
                XCTAssertEqual("\(error)", "w.yaml:\(line):1: yaml: duplicate key \"\(text.hasPrefix("a") ? "a" : "k3")\" in mapping")
            }
            let last = try YAMLParser(duplicateKeys: .lastWins).parse(text, file: "w.yaml")
            XCTAssertEqual(last.mapping?.keys.first, text.hasPrefix("a") ? "a" : "k0")
            let key = text.hasPrefix("a") ? "a" : "k3"
            XCTAssertEqual(last[key]?.toValue(), .int(text.hasPrefix("a") ? 3 : 2))
            XCTAssertEqual(last.mapping?.keyMarks[key], Mark(file: "w.yaml", line: line, column: 1))
        }
        // Keys that read as the same string are the same key.
        XCTAssertThrowsError(try YAMLParser().parse("yes: 1\n\"true\": 2\n", file: "w.yaml")) { error in
            XCTAssertEqual("\(error)", "w.yaml:2:1: yaml: duplicate key \"true\" in mapping")
        }
        // An error inside a value comes before its key's own error.
        XCTAssertThrowsError(try YAMLParser().parse("~: {a: 1, a: 2}\n", file: "w.yaml")) { error in
            XCTAssertEqual("\(error)", "w.yaml:1:11: yaml: duplicate key \"a\" in mapping")
        }
        XCTAssertThrowsError(try YAMLParser().parse("~: 1\n", file: "w.yaml")) { error in
            XCTAssertEqual("\(error)", "w.yaml:1:1: yaml: unsupported map key: null (keys must be strings, numbers or booleans)")
        }
        // Merge keys after pending entries.
        let merged = try YAMLParser().parse("base: &b {p: 1, q: 2}\nm: {a: 0, <<: *b, q: 3}\n", file: "w.yaml")
        XCTAssertEqual(merged["m"]?.mapping?.keys.elements, ["a", "p", "q"])
        XCTAssertEqual(merged["m"]?["q"]?.toValue(), .int(3))
    }

    func testMarksStayCompactAndRoundTrip() {
        var mark = Mark(file: "values/a-rather-long-file-name.yaml", line: 12, column: 7)
        XCTAssertEqual(mark.description, "values/a-rather-long-file-name.yaml:12:7")
        XCTAssertEqual(mark, Mark(file: "values/a-rather-long-file-name.yaml", line: 12, column: 7))
        XCTAssertNotEqual(mark, Mark(file: "values/other.yaml", line: 12, column: 7))
        mark.file = "b.yaml"
        mark.line += 3
        mark.column = 1
        XCTAssertEqual(mark, Mark(file: "b.yaml", line: 15, column: 1))
        XCTAssertEqual(Mark(file: "x", line: Int.max, column: -5).line, Int(Int32.max))
        XCTAssertLessThanOrEqual(MemoryLayout<Mark>.size, 12)
    }

    func testNodesStayCompact() {
        // A values file of 10 million scalars is 10 million nodes: 32 bytes each (a mapping is boxed, a missing mark
        // is a sentinel), so that it parses and renders within 1 GB (bench/run scale).
        XCTAssertEqual(MemoryLayout<Node>.stride, 32)
        var node = Node(.int(1))
        XCTAssertNil(node.mark)
        node.mark = Mark(file: "a.yaml", line: 1, column: 2)
        XCTAssertEqual(node.mark, Mark(file: "a.yaml", line: 1, column: 2))
        node.mark = nil
        XCTAssertNil(node.mark)
        let mapping = Node(.mapping(Mapping(entries: ["k": node])), mark: Mark(file: "a.yaml", line: 3, column: 1))
        XCTAssertNotNil(mapping["k"].map { if case .int(1) = $0.kind { true } else { nil } } ?? nil)
        XCTAssertEqual(mapping.mark?.line, 3)
    }
}
