import HelmValues
import XCTest
import Diagnostics
import GoValues
import YAML

/// The Go types templates see in a merged values tree (`toHelmValue()`): `--set` integers are
/// `int64` (Helm's `strvals`), numbers from files and `--set-json` are `float64`, `--set-string`
/// keeps text. `toValue()` (go-yaml's view of a document) gives Go `int`s instead.
final class SetIntegerWidthTests: XCTestCase {
    let files: [String: String] = ["v.yaml": "port: 8080\nlist: [1, 2]\n"]

    func merged(_ options: ValuesOptions) throws -> Node {
        try options.merged(readFile: { path in
            guard let text = self.files[path] else { throw InputError("open \(path): no such file", at: nil) }
            return Array(text.utf8)
        }, readStdin: { [] })
    }

    func testSetIntegersAreInt64() throws {
        let cases: [(options: ValuesOptions, expect: Value, line: UInt)] = [
            (ValuesOptions(setValues: ["a=1,b=-5,c=0,d=+7"]),
             .map(["a": .int64(1), "b": .int64(-5), "c": .int64(0), "d": .int64(7)]), #line),
            (ValuesOptions(setValues: ["a=01,b=1.5,c=9223372036854775808,d=1e3"]),
             .map(["a": .string("01"), "b": .string("1.5"), "c": .string("9223372036854775808"), "d": .string("1e3")]), #line),
            (ValuesOptions(setValues: ["l={1,x,2}", "m[1]=3"]),
             .map(["l": .list([.int64(1), .string("x"), .int64(2)]), "m": .list([.null, .int64(3)])]), #line),
            (ValuesOptions(valueFiles: ["v.yaml"]), .map(["port": .float(8080), "list": .list([.float(1), .float(2)])]), #line),
            (ValuesOptions(valueFiles: ["v.yaml"], setValues: ["port=9090"]),
             .map(["port": .int64(9090), "list": .list([.float(1), .float(2)])]), #line),
            (ValuesOptions(jsonValues: ["j=1"], stringValues: ["s=2"]), .map(["j": .float(1), "s": .string("2")]), #line),
        ]
        for c in cases {
            XCTAssertEqual(try merged(c.options).toHelmValue(), c.expect, line: c.line)
        }
    }

    func testDocumentIntegersAreInt() throws {
        let node = try merged(ValuesOptions(setValues: ["a=1", "l={2}"]))
        XCTAssertEqual(node.toValue(), .map(["a": .int(1), "l": .list([.int(2)])]))
        XCTAssertNotEqual(node.toValue(), node.toHelmValue())
    }
}
