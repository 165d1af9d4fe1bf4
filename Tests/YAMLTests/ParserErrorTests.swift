import XCTest
import Diagnostics
import GoValues
import YAML

/// Malformed input fails with go-yaml's problem text at a 1-based `file:line:col`.
final class ParserErrorTests: XCTestCase {
    static let cases: [(text: String, error: String)] = [
        ("{x: 1\n", "e.yaml:2:1: yaml: did not find expected ',' or '}'"),
        ("a: 1\n b: 2\n", "e.yaml:2:3: yaml: mapping values are not allowed in this context"),
        ("a:\n\tb: 1\n", "e.yaml:2:1: yaml: found character that cannot start any token (tabs cannot indent YAML)"),
        ("a: [1, 2\n", "e.yaml:2:1: yaml: did not find expected ',' or ']'"),
        ("é: 1\né:\n\tb: 1\n", "e.yaml:3:1: yaml: found character that cannot start any token (tabs cannot indent YAML)"),
        ("a: 'x\n", "e.yaml:2:1: yaml: found unexpected end of stream"),
        ("a: *nope\n", "e.yaml:1:4: yaml: unknown anchor \"nope\" referenced"),
        ("a: 1\nb: 2\na: 3\n", "e.yaml:3:1: yaml: duplicate key \"a\" in mapping"),
        ("a: !!int x\n", "e.yaml:1:4: yaml: cannot decode \"x\" as !!int"),
        ("a: !!binary \"%%%\"\n", "e.yaml:1:4: yaml: cannot decode \"%%%\" as !!binary"),
        ("a: 1\n---\nb: 2\n", "e.yaml:3:1: yaml: expected a single document, found 2"),
        ("a: b\u{1}\n", "e.yaml:1:5: yaml: control characters are not allowed"),
        ("- a\nb: 1\n", "e.yaml:2:1: yaml: did not find expected '-' indicator"),
        ("key: - a\n", "e.yaml:1:6: yaml: block sequence entries are not allowed in this context"),
        ("a: &x 1\nb: *x\nc: d: e\n", "e.yaml:3:5: yaml: mapping values are not allowed in this context"),
    ]

    func testErrorTable() {
        for (text, message) in Self.cases {
            XCTAssertThrowsError(try YAMLParser().parse(text, file: "e.yaml"), text) { error in
                XCTAssertEqual("\(error)", message, text)
            }
        }
    }

    func testDuplicateKeysCanFollowHelm() throws {
        let helmLike = YAMLParser(duplicateKeys: .lastWins)
        let node = try helmLike.parse("a: 1\nb: 2\na: 3\n", file: "d.yaml")
        XCTAssertEqual(node.toValue(), .map(["a": .int(3), "b": .int(2)]))
        XCTAssertEqual(node.mapping?.keys.elements, ["a", "b"])
        XCTAssertEqual(node.mapping?.keyMarks["a"], Mark(file: "d.yaml", line: 3, column: 1))
    }

    func testInvalidUTF8IsLocated() {
        let bytes = Array("a: 1\nbé: x".utf8) + [0xFF, 0x41, 0x0A]
        XCTAssertThrowsError(try YAMLParser().parse(bytes: bytes, file: "u.yaml")) { error in
            XCTAssertEqual("\(error)", "u.yaml:2:6: yaml: invalid leading UTF-8 octet")
        }
        XCTAssertThrowsError(try YAMLParser().parse(bytes: [0x61, 0x3A, 0x20, 0xC3], file: "u.yaml")) { error in
            XCTAssertEqual("\(error)", "u.yaml:1:4: yaml: incomplete UTF-8 octet sequence")
        }
    }

    func testLibyamlContextIsKeptApart() {
        XCTAssertThrowsError(try YAMLParser().parse("a: [1, 2\n", file: "c.yaml")) { error in
            XCTAssertEqual((error as? YAMLError)?.context, "while parsing a flow sequence")
        }
    }

    func testErrorConvertsToInputError() {
        XCTAssertThrowsError(try YAMLParser().parse("a: [\n", file: "v.yaml")) { error in
            guard let e = error as? YAMLError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.inputError.description, "v.yaml:2:1: yaml: did not find expected node content")
        }
    }

    func testStreamsAndEmptyDocuments() throws {
        let parser = YAMLParser()
        XCTAssertEqual(try parser.parseAll("", file: "s").count, 0)
        XCTAssertEqual(try parser.parseAll("# only a comment\n", file: "s").count, 0)
        XCTAssertEqual(try parser.parseAll("---\n", file: "s").map { $0.toValue() }, [.null])
        XCTAssertEqual(try parser.parseAll("a: 1\n---\n---\nb: 2\n...\n", file: "s").map { $0.toValue() },
                       [.map(["a": .int(1)]), .null, .map(["b": .int(2)])])
        XCTAssertEqual(try parser.parse("", file: "s").toValue(), .null)
        // Anchors are per document.
        XCTAssertThrowsError(try parser.parseAll("a: &x 1\n---\nb: *x\n", file: "s"))
    }

    func testMarksAreOneBasedAndPointAtNodes() throws {
        let text = """
            top:
              list:
              - name: é
                port: 80
              - {name: x, port: 81}
            """
        let node = try YAMLParser().parse(text, file: "m.yaml")
        let list = try XCTUnwrap(node["top"]?["list"]?.sequence)
        XCTAssertEqual(node.mapping?.keyMarks["top"], Mark(file: "m.yaml", line: 1, column: 1))
        XCTAssertEqual(list[0].mark, Mark(file: "m.yaml", line: 3, column: 5))
        XCTAssertEqual(list[0]["port"]?.mark, Mark(file: "m.yaml", line: 4, column: 11))
        XCTAssertEqual(list[0].mapping?.keyMarks["port"], Mark(file: "m.yaml", line: 4, column: 5))
        XCTAssertEqual(list[1]["port"]?.mark, Mark(file: "m.yaml", line: 5, column: 21))
        // Columns count characters, not bytes.
        let wide = try YAMLParser().parse("é: [x, y]\n", file: "w.yaml")
        XCTAssertEqual(wide["é"]?.sequence?[1].mark, Mark(file: "w.yaml", line: 1, column: 8))
    }

    func testAliasNestingCountsTowardsDepth() {
        var text = "a0: &a0 " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        text += "a1: &a1 " + String(repeating: "[", count: 300) + "*a0" + String(repeating: "]", count: 300) + "\n"
        XCTAssertThrowsError(try YAMLParser(limits: .init(maxDepth: 512)).parse(text, file: "d.yaml")) { error in
            XCTAssertEqual("\(error)", "d.yaml:2:309: yaml: nesting deeper than 512 levels")
        }
    }

    func testAliasesShareStorageWithinBounds() throws {
        // 10 × 10 × 10 × 10 = 10,000 leaves through aliases: well inside the bound, and cheap.
        var text = "l0: &l0 [a, b, c, d, e, f, g, h, i, j]\n"
        for i in 1...3 {
            text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let node = try YAMLParser().parse(text, file: "a.yaml")
        guard case .list(let outer) = node["l3"]!.toValue() else { return XCTFail() }
        XCTAssertEqual(outer.count, 10)
        let tight = YAMLParser(limits: .init(maxExpandedNodes: 5_000))
        XCTAssertThrowsError(try tight.parse(text, file: "a.yaml")) { error in
            XCTAssertTrue("\(error)".contains("aliases expand to more than 5000 nodes"), "\(error)")
        }
    }

    func testSizeLimit() {
        let small = YAMLParser(limits: .init(maxBytes: 10))
        XCTAssertThrowsError(try small.parse("a: 12345678901\n", file: "big.yaml")) { error in
            XCTAssertEqual("\(error)", "big.yaml:1:1: yaml: input larger than 10 bytes")
        }
    }
}

/// go-yaml's own error lines (what Helm prints in `fromYaml` errors), checked against Helm.
final class GoErrorTextTests: XCTestCase {
    static let cases: [String] = [
        "{x: 1\n", "a: 1\n b: 2\n", "a:\n\tb: 1\n", "a: [1, 2\n", "a: 'x\n", "- a\nb: 1\n", "key: - a\n",
        "a: &x 1\nb: *x\nc: d: e\n", "a: b\u{1}\n", "x: 1\ny: [\n", "\"unterminated\n",
    ]

    func testGoDescriptionsMatchHelm() throws {
        let probe = try HelmProbe.locate()
        let helm = try probe.apply("fromYaml | toJson", to: Self.cases)
        for (text, h) in zip(Self.cases, helm) {
            XCTAssertThrowsError(try YAMLParser().parse(text, file: "f.yaml"), text) { error in
                guard let e = error as? YAMLError else { return XCTFail("\(error)") }
                let expected = GoJSON.encode(.map(["Error": .string("error converting YAML to JSON: " + e.goDescription)]))
                XCTAssertEqual(expected, h, text)
            }
        }
    }
}
