import HelmValues
import XCTest
import Diagnostics
import YAML

/// Helm's less obvious `--set` behaviors, as its binary shows them.
final class SetQuirksTests: XCTestCase {
    func testTypedArguments() {
        checkSetCases(SetScenarios.typed.filter { $0.expect != nil || $0.error != nil }, kind: .set)
    }

    func testArgumentsOverFileValues() throws {
        // Values files hold floats, so the file's values go through the loader.
        let file = try ValuesFile.load(Array(SetScenarios.fileValues.utf8), file: "values.yaml")
        for c in SetScenarios.overFile {
            var node = file
            do {
                try SetParser.parse(c.argument, into: &node)
                guard let expect = c.expect else { XCTFail("expected \(c.error!)", file: c.file, line: c.line); continue }
                XCTAssertEqual(floatNumbers(node.toValue()), floatNumbers(yamlValue(expect)), c.argument, file: c.file, line: c.line)
            } catch {
                XCTAssertEqual(error.description, c.error, c.argument, file: c.file, line: c.line)
            }
        }
    }

    func testJSONArguments() {
        for c in SetScenarios.json {
            switch applySet(c.argument, kind: .json) {
            case .success(let got):
                guard let expect = c.expect else { XCTFail("expected \(c.error!), got \(got)", file: c.file, line: c.line); continue }
                XCTAssertEqual(got, floatNumbers(yamlValue(expect)), c.argument, file: c.file, line: c.line)
            case .failure(let error):
                XCTAssertEqual(error.description, c.error, c.argument, file: c.file, line: c.line)
            }
        }
    }

    func testLargestIndexIsAccepted() throws {
        let got = try applySet("a[65536]=x,a[0]=y").get()
        guard case .map(let m) = got, case .list(let items)? = m["a"] else { return XCTFail("not a list: \(got)") }
        XCTAssertEqual(items.count, 65537)
        XCTAssertEqual(items.first, .string("y"))
        XCTAssertEqual(items.last, .string("x"))
        XCTAssertEqual(items[1], .null)
    }

    func testNestingIsBounded() {
        let deep = "a" + String(repeating: "[0]", count: 5000) + "=1"
        guard case .failure(let error) = applySet(deep) else { return XCTFail("deep nesting accepted") }
        XCTAssertTrue(error.message.contains("nested deeper than"), error.description)
    }

    func testErrorLeavesValuesUnchanged() {
        var node = yamlNode("{a: 1}")
        XCTAssertThrowsError(try SetParser.parse("b=2,c", into: &node))
        XCTAssertEqual(node.toValue(), yamlValue("{a: 1}"))
    }

    func testStringAndFileKinds() throws {
        XCTAssertEqual(try applySet("a={1,2},b=true", kind: .string).get(), yamlValue("{a: ['1', '2'], b: 'true'}"))
        let files = ["x.txt": "hello\n", "y.txt": "bye"]
        let read: (String) throws -> [UInt8] = { path in
            guard let text = files[path] else { throw InputError("open \(path): no such file or directory", at: nil) }
            return Array(text.utf8)
        }
        XCTAssertEqual(try applySet("a=x.txt,b={x.txt,y.txt}", kind: .file, readFile: read).get(),
                       yamlValue("{a: \"hello\\n\", b: [\"hello\\n\", bye]}"))
        guard case .failure(let error) = applySet("a=nope", kind: .file, readFile: read) else { return XCTFail() }
        XCTAssertEqual(error.description, "--set-file:1:3: open nope: no such file or directory")
        var node = yamlNode("{}")
        try SetParser.parse("a= - ", into: &node, kind: .file, readStdin: { Array("from stdin".utf8) })
        XCTAssertEqual(node.toValue(), yamlValue("{a: from stdin}"))
    }

    func testMarksPointIntoTheArgument() throws {
        let node = try SetParser.parse("x=1,outer.inner[2].name=v")
        let outer = try XCTUnwrap(node.mapping)
        XCTAssertEqual(outer.keyMarks["x"], Mark(file: "--set", line: 1, column: 1))
        XCTAssertEqual(outer["x"]?.mark, Mark(file: "--set", line: 1, column: 3))
        XCTAssertEqual(outer.keyMarks["outer"], Mark(file: "--set", line: 1, column: 5))
        let inner = try XCTUnwrap(outer["outer"]?.mapping)
        XCTAssertEqual(inner.keyMarks["inner"], Mark(file: "--set", line: 1, column: 11))
        let list = try XCTUnwrap(inner["inner"]?.sequence)
        XCTAssertEqual(list[0].mark, Mark(file: "--set", line: 1, column: 17), "gap")
        let element = try XCTUnwrap(list[2].mapping)
        XCTAssertEqual(element.keyMarks["name"], Mark(file: "--set", line: 1, column: 20))
        XCTAssertEqual(element["name"]?.mark, Mark(file: "--set", line: 1, column: 25))

        let json = try SetParser.parse(#"a={"b": [1, {"c": true}]}"#, kind: .json)
        let c = ValuesPath.lookup("a.b[1].c", in: json)
        XCTAssertEqual(c?.mark, Mark(file: "--set-json", line: 1, column: 19))
        XCTAssertEqual(ValuesPath.lookup("a.b[1]", in: json)?.mapping?.keyMarks["c"], Mark(file: "--set-json", line: 1, column: 14))
    }

    func testKeptKeysKeepTheirFileMarks() throws {
        var node = try ValuesFile.load(Array("a:\n  b: 1\n  c: 2\n".utf8), file: "v.yaml")
        try SetParser.parse("a.c=3", into: &node)
        XCTAssertEqual(ValuesPath.lookup("a.b", in: node)?.mark, Mark(file: "v.yaml", line: 2, column: 6))
        XCTAssertEqual(ValuesPath.lookup("a.c", in: node)?.mark, Mark(file: "--set", line: 1, column: 5))
        XCTAssertEqual(ValuesPath.lookup("a", in: node)?.mapping?.keyMarks["c"], Mark(file: "--set", line: 1, column: 3))
    }
}
