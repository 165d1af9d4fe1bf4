import HelmValues
import XCTest
import Diagnostics
import YAML

final class ValuesFileTests: XCTestCase {
    func load(_ text: String, file: String = "v.yaml") -> Result<Node, InputError> {
        Result { () throws(InputError) in try ValuesFile.load(Array(text.utf8), file: file) }
    }

    func testShapes() throws {
        let cases: [(text: String, expect: String, line: UInt)] = [
            ("", "{}", #line),
            ("# only a comment\n", "{}", #line),
            ("null\n", "{}", #line),
            ("a: 1\nb: {c: [1, x, null]}\n", "{a: 1.0, b: {c: [1.0, x, null]}}", #line),
            // Every document merges over the previous ones; empty and null documents add nothing.
            ("a: 1\nb: {x: 1}\n---\nb: {'y': 2}\nc: 3\n---\n---\nnull\n", "{a: 1.0, b: {x: 1.0, 'y': 2.0}, c: 3.0}", #line),
            ("a: {x: 1}\n---\na: [1]\n", "{a: [1.0]}", #line),
            // Keys become strings as after Helm's YAML → JSON step.
            ("y: 1\n2: two\n", "{'true': 1.0, '2': two}", #line),
        ]
        for c in cases {
            let got = try load(c.text).get()
            XCTAssertEqual(got.toValue(), yamlValue(c.expect), c.text, line: c.line)
        }
    }

    func testIntegersBecomeFloats() throws {
        let got = try load("a: 1\nb: [0x10, 1_000]\nc: 9007199254740993\nd: 1.5\n").get().toValue()
        XCTAssertEqual(got, .map([
            "a": .float(1), "b": .list([.float(16), .float(1000)]), "c": .float(9007199254740992), "d": .float(1.5),
        ]))
    }

    func testErrors() {
        let cases: [(text: String, error: String, line: UInt)] = [
            ("- 1\n- 2\n", "v.yaml:1:1: values must be a map at the top level, but this document is a list", #line),
            ("hello\n", "v.yaml:1:1: values must be a map at the top level, but this document is a string", #line),
            ("a: 1\n---\ntrue\n", "v.yaml:3:1: values must be a map at the top level, but this document is a boolean", #line),
            ("12\n", "v.yaml:1:1: values must be a map at the top level, but this document is a number", #line),
            ("a:\n  b: .inf\n", "v.yaml:2:6: unsupported value: +Inf (values must be representable in JSON)", #line),
            ("a: [-.inf]\n", "v.yaml:1:5: unsupported value: -Inf (values must be representable in JSON)", #line),
            ("a: .nan\n", "v.yaml:1:4: unsupported value: NaN (values must be representable in JSON)", #line),
            // The first non-finite float in document order; a document that is no map is refused
            // before a later one's float is looked at, and the map documents before it merge first.
            ("a: [1, .inf, .nan]\nb: -.inf\n", "v.yaml:1:8: unsupported value: +Inf (values must be representable in JSON)", #line),
            ("- .inf\n---\na: .nan\n", "v.yaml:1:1: values must be a map at the top level, but this document is a list", #line),
            ("a: 1\n---\nb: &x .inf\nc: *x\n", "v.yaml:3:4: unsupported value: +Inf (values must be representable in JSON)", #line),
            // Helm cannot turn a null key into a JSON key ("unsupported map key of type: <nil>").
            ("y: 1\nnull: n\n", "v.yaml:2:1: yaml: unsupported map key: null (keys must be strings, numbers or booleans)", #line),
        ]
        for c in cases {
            guard case .failure(let error) = load(c.text) else { XCTFail("accepted: \(c.text)", line: c.line); continue }
            XCTAssertEqual(error.description, c.error, line: c.line)
        }
    }

    func testSyntaxErrorsCarryFilePosition() {
        guard case .failure(let error) = load("a: 1\nb: [1\n", file: "bad.yaml") else { return XCTFail("accepted") }
        XCTAssertEqual(error.mark?.file, "bad.yaml")
        XCTAssertGreaterThanOrEqual(error.mark?.line ?? 0, 2)
        XCTAssertTrue(error.description.hasPrefix("bad.yaml:"), error.description)
    }

    func testMarksAreKept() throws {
        let node = try load("top:\n  list:\n    - name: x\n", file: "marks.yaml").get()
        XCTAssertEqual(ValuesPath.lookup("top.list[0].name", in: node)?.mark, Mark(file: "marks.yaml", line: 3, column: 13))
        XCTAssertEqual(ValuesPath.lookup("top.list[0]", in: node)?.mapping?.keyMarks["name"],
                       Mark(file: "marks.yaml", line: 3, column: 7))
        XCTAssertEqual(node.mapping?.keyMarks["top"], Mark(file: "marks.yaml", line: 1, column: 1))
    }

    func testEmptyFileIsAnEmptyMapWithAMark() throws {
        let node = try load("", file: "empty.yaml").get()
        XCTAssertEqual(node.mapping?.count, 0)
        XCTAssertEqual(node.mark, Mark(file: "empty.yaml", line: 1, column: 1))
    }
}

final class ValuesMergeTests: XCTestCase {
    func testTable() {
        let cases: [(a: String, b: String, expect: String, line: UInt)] = [
            ("{}", "{a: 1}", "{a: 1}", #line),
            ("{a: {b: {c: 1, d: 2}}}", "{a: {b: {d: 3, e: 4}}}", "{a: {b: {c: 1, d: 3, e: 4}}}", #line),
            ("{a: [1, 2, 3]}", "{a: [4]}", "{a: [4]}", #line),
            ("{a: {b: 1}}", "{a: null}", "{a: null}", #line),
            ("{a: null}", "{a: {b: 1}}", "{a: {b: 1}}", #line),
            ("{a: 1}", "{a: {b: 1}}", "{a: {b: 1}}", #line),
            ("{a: {b: 1}}", "{a: x}", "{a: x}", #line),
            ("{a: {b: 1}}", "{a: [x]}", "{a: [x]}", #line),
            ("{a: [{b: 1}]}", "{a: [{c: 2}]}", "{a: [{c: 2}]}", #line),
            ("{a: {b: 1}, z: 0}", "{a: {}}", "{a: {b: 1}, z: 0}", #line),
        ]
        for c in cases {
            let a = yamlNode(c.a), b = yamlNode(c.b)
            let merged = ValuesMerge.mergeMaps(a, b)
            XCTAssertEqual(merged.toValue(), yamlValue(c.expect), "\(c.a) + \(c.b)", line: c.line)
            XCTAssertEqual(a.toValue(), yamlValue(c.a), "a changed", line: c.line)
            XCTAssertEqual(b.toValue(), yamlValue(c.b), "b changed", line: c.line)
        }
    }

    func testKeyOrderAndMarks() throws {
        let a = yamlNode("{x: 1, w: {p: 1}}", file: "a.yaml")
        let b = yamlNode("{z: 2, w: {q: 2}, x: 3}", file: "b.yaml")
        let merged = try XCTUnwrap(ValuesMerge.mergeMaps(a, b).mapping)
        XCTAssertEqual(Array(merged.keys), ["x", "w", "z"])
        XCTAssertEqual(merged.keyMarks["x"]?.file, "b.yaml")
        XCTAssertEqual(merged["x"]?.mark?.file, "b.yaml")
        XCTAssertEqual(merged["w"]?.mapping?["p"]?.mark?.file, "a.yaml")
        XCTAssertEqual(merged["w"]?.mapping?["q"]?.mark?.file, "b.yaml")
    }
}
