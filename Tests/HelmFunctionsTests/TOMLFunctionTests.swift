import HelmFunctions
import TemplateEngine
import XCTest
import GoValues

/// `toToml`, table-driven. Expectations are Helm v4.1.4's output for the same values (numbers from
/// values files are float64 there, hence `.float`).
final class TOMLFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases([
            ("toToml", [.map([:])], .ok("string:")),
            ("toToml", [.string("str")], .ok("string:\"str\"")),
            ("toToml", [.list([.int(1), .int(2)])], .ok("string:[1, 2]")),
            ("toToml", [.map(["m": .map([:])])], .ok("string:[m]\n")),
            ("toToml", [.map(["port": .float(8080), "ratio": .float(0.5), "big": .float(1_234_567), "n": .int(3), "on": .bool(true)])],
             .ok("string:big = 1.234567e+06\nn = 3\non = true\nport = 8080.0\nratio = 0.5\n")),
            ("toToml", [.map(["s": .string("q\"\\\t\u{7F}é"), "weird key": .int(1), "": .string("e")])],
             .ok("string:\"\" = \"e\"\ns = \"q\\\"\\\\\\t\\u007fé\"\n\"weird key\" = 1\n")),
            ("toToml", [.map(["a": .int(1), "t": .map(["x": .int(1), "sub": .map(["y": .int(2)])]), "u": .map(["z": .null])])],
             .ok("string:a = 1\n\n[t]\n  x = 1\n  [t.sub]\n    y = 2\n\n[u]\n")),
            ("toToml", [.map(["l": .list([.map(["a": .int(1)]), .map([:])])])], .ok("string:[[l]]\n  a = 1\n\n[[l]]\n")),
            ("toToml", [.map(["arr": .list([.map(["x": .null, "y": .int(1), "z": .null]), .int(2)])])], .ok("string:arr = [{y = 1, }, 2]\n")),
            ("toToml", [.map(["x": .list([.int(1), .null])])], .ok("string:toml: cannot encode array with nil element")),
            ("toToml", [.list([.map(["a": .int(1)])])], .ok("string:toml: top-level values must be Go maps or structs")),
            ("toToml", [.list([.map(["a": .list([.null])])])], .ok("string:toml: top-level values must be Go maps or structs")),
            ("toToml", [.list([.int(1), .map(["a": .list([.null])])])], .ok("string:toml: cannot encode array with nil element")),
            ("toToml", [.null], .call("reflect: call of reflect.Value.Type on zero Value")),
            ("toToml", [], .argument("wrong number of args for toToml: want 1 got 0")),
        ])
    }

    /// `fromToml`: Helm v4.1.4's results for the same documents.
    func testFromToml() throws {
        let cases: [(String, String)] = [
            (#"{{ fromToml "a = 1\nb.c = 'x'\n[t]\nf = 1.5\n[[l]]\nn = 1\n[[l]]" | toJson }}"#,
             #"{"a":1,"b":{"c":"x"},"l":[{"n":1},{}],"t":{"f":1.5}}"#),
            (#"{{ typeOf (fromToml "a = 1").a }} {{ (fromToml "d = 1979-05-27").d }}"#, "int64 1979-05-27T00:00:00Z"),
            (#"{{ fromToml "a = 1\na = 2" | toJson }}"#, #"{"Error":"toml: line 2 (last key \"a\"): Key 'a' has already been defined."}"#),
            (#"{{ fromToml "x = 01" | toJson }}"#, #"{"Error":"toml: line 1 (last key \"x\"): Invalid integer \"01\": cannot have leading zeroes"}"#),
            // Bytes that are not UTF-8 and control characters, named with the key being read, or in a
            // comment outside a value with the current table.
            (#"{{ fromToml "a = 1 # c\xfe" | toJson }}"#, #"{"Error":"toml: line 1: invalid UTF-8 byte: 0xfe"}"#),
            (#"{{ fromToml "[t]\n# c\xfe" | toJson }}"#, #"{"Error":"toml: line 2 (last key \"t\"): invalid UTF-8 byte: 0xfe"}"#),
            (#"{{ fromToml "a = 'é\xc3'" | toJson }}"#, #"{"Error":"toml: line 1 (last key \"a\"): invalid UTF-8 byte: 0xc3"}"#),
            (#"{{ fromToml "a = {b = \xfe}" | toJson }}"#, #"{"Error":"toml: line 1 (last key \"a.b\"): invalid UTF-8 byte: 0xfe"}"#),
            (#"{{ fromToml "[t]\nk = \"a\xe2\x82\"" | toJson }}"#, #"{"Error":"toml: line 2 (last key \"t.k\"): invalid UTF-8 byte: 0xe2"}"#),
            (#"{{ fromToml "a = 1 # c\x01" | toJson }}"#, #"{"Error":"toml: line 1: TOML files cannot contain control characters: '0x01'"}"#),
            (#"{{ fromToml "a = \"é\"" | toJson }}"#, #"{"a":"é"}"#),
        ]
        for (template, expected) in cases {
            let set = TemplateSet()
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: .map([:])), expected, template)
        }
    }
}
