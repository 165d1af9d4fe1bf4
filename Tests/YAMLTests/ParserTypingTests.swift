import XCTest
import GoValues
import YAML

/// How plain scalars and keys are typed (go-yaml v2 as Helm uses it), checked against Helm.
final class ParserTypingTests: XCTestCase {
    /// Plain scalars and the value Helm gives them in a values file (after YAML → JSON).
    static let scalars: [(text: String, value: Value)] = [
        ("yes", .bool(true)), ("No", .bool(false)), ("ON", .bool(true)), ("off", .bool(false)), ("y", .bool(true)),
        ("n", .bool(false)), ("true", .bool(true)), ("tRue", .string("tRue")), ("~", .null), ("null", .null),
        ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")), ("12", .int(12)), ("+12", .int(12)),
        ("-12", .int(-12)), ("012", .int(10)), ("08", .float(8)), ("0x1F", .int(31)), ("-0x10", .int(-16)),
        ("0o17", .int(15)), ("0b101", .int(5)), ("-0b11", .int(-3)), ("1_000", .int(1000)), ("1.5", .float(1.5)),
        ("1.", .float(1)), (".5", .float(0.5)), (".5_0", .float(0.5)), ("1e3", .float(1000)), ("1E-2", .float(0.01)),
        ("-1.5e+3", .float(-1500)), ("1e400", .string("1e400")), ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)), ("9223372036854775808", .float(9223372036854775808)),
        ("18446744073709551615", .float(18446744073709551615)), ("99999999999999999999", .float(1e20)),
        ("1:20", .string("1:20")), ("2024-01-01", .string("2024-01-01")),
        ("2001-12-14t21:59:43.10-05:00", .string("2001-12-14t21:59:43.10-05:00")), ("0x", .string("0x")),
        ("1.2.3", .string("1.2.3")), ("+", .string("+")), ("-a", .string("-a")), (".", .string(".")),
        ("1e", .string("1e")), ("0xG", .string("0xG")), ("1__0", .int(10)), ("._5", .string("._5")),
        ("abc", .string("abc")), ("a b c", .string("a b c")), ("é", .string("é")), ("<<x", .string("<<x")),
        ("!!str 12", .string("12")), ("!!int \"12\"", .int(12)), ("!!float 1", .float(1)), ("!foo 12", .string("12")),
        ("! 12", .string("12")), ("!!binary aGVsbG8=", .string("hello")), ("!!timestamp 2024-01-01", .string("2024-01-01")),
        ("!!null ''", .null), ("!!bool yes", .bool(true)), ("\"12\"", .string("12")), ("'yes'", .string("yes")),
        ("''", .string("")), ("", .null), ("[]", .list([])), ("{}", .map([:])), ("[1, a, ~]", .list([.int(1), .string("a"), .null])),
        ("|\n    a\n    b", .string("a\nb\n")), (">-\n    a\n    b", .string("a b")),
    ]

    func testScalarTable() throws {
        for (text, expected) in Self.scalars {
            let node = try YAMLParser().parse("k: \(text)\n", file: "t.yaml")
            XCTAssertEqual(node["k"]?.toValue(), expected, text)
        }
    }

    /// Keys and the strings Helm turns them into.
    static let keys: [(text: String, key: String)] = [
        ("1.5", "1.5"), ("0.1", "0.1"), ("3.14159265358979", "3.1415927"), ("1e3", "1000"), ("1e7", "1e+07"),
        ("0x10", "16"), ("012", "10"), ("true", "true"), ("y", "true"), ("off", "false"), (".inf", ".inf"),
        ("-.inf", "-.inf"), ("'1.5'", "1.5"), ("2024-01-01", "2024-01-01"), ("\"\"", ""), ("!!str 1", "1"),
        ("? |\n  a\n", "a\n"),
    ]

    func testKeyTable() throws {
        for (text, key) in Self.keys {
            let source = text.hasPrefix("?") ? text + ": 1\n" : "\(text): 1\n"
            let node = try YAMLParser().parse(source, file: "t.yaml")
            XCTAssertEqual(node.mapping?.keys.elements, [key], text)
        }
    }

    func testUnsupportedKeysAreErrorsAsInHelm() {
        let cases: [(String, String)] = [
            ("null: a\n", "t.yaml:1:1: yaml: unsupported map key: null (keys must be strings, numbers or booleans)"),
            ("a: 1\n~: a\n", "t.yaml:2:1: yaml: unsupported map key: null (keys must be strings, numbers or booleans)"),
            ("18446744073709551615: a\n", "t.yaml:1:1: yaml: unsupported map key: uint64 18446744073709551615 (keys must be strings, numbers or booleans)"),
            ("[1, 2]: a\n", "t.yaml:1:1: yaml: unsupported map key: a list (keys must be strings, numbers or booleans)"),
            ("{a: 1}: b\n", "t.yaml:1:1: yaml: unsupported map key: a map (keys must be strings, numbers or booleans)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try YAMLParser().parse(text, file: "t.yaml"), text) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    /// go-yaml v2 merge keys (as Helm reads them): a merge overwrites keys written before it,
    /// keys written after it win, and among several merged maps the earlier wins.
    static let merges: [(text: String, json: String)] = [
        ("a: 1\n<<: {a: 2, b: 2}\n", #"{"a":2,"b":2}"#),
        ("<<: {a: 2, b: 2}\na: 1\n", #"{"a":1,"b":2}"#),
        ("<<: [{a: 1}, {a: 2, c: 3}]\n", #"{"a":1,"c":3}"#),
        ("x: &x {p: 1, q: 2}\nw:\n  <<: *x\n  q: 3\n", #"{"w":{"p":1,"q":3},"x":{"p":1,"q":2}}"#),
        ("x: &x {p: 1}\nz: &z {p: 2, r: 1}\nw:\n  <<: [*x, *z]\n", #"{"w":{"p":1,"r":1},"x":{"p":1},"z":{"p":2,"r":1}}"#),
    ]

    func testMergeTable() throws {
        for (text, json) in Self.merges {
            let node = try YAMLParser().parse(text, file: "m.yaml")
            XCTAssertEqual(GoJSON.encode(node.toValue()), json, text)
        }
    }

    func testMergeNeedsMaps() {
        XCTAssertThrowsError(try YAMLParser().parse("a:\n  <<: [1]\n", file: "m.yaml")) { error in
            XCTAssertEqual("\(error)", "m.yaml:2:8: yaml: merge key '<<' needs a map or a list of maps")
        }
    }

    /// The same scalars, keys and merges read by Helm from a values file.
    func testTypingMatchesHelm() throws {
        let probe = try HelmProbe.locate()
        var files: [(text: String, ours: Value)] = []
        var text = ""
        var expected: [String: Value] = [:]
        for (i, c) in Self.scalars.enumerated() {
            let body = c.text.replacingOccurrences(of: "\n", with: "\n  ")
            text += "s\(i): \(body)\n"
            expected["s\(i)"] = c.value
        }
        for (i, c) in Self.keys.enumerated() {
            let key = c.text.replacingOccurrences(of: "\n", with: "\n  ")
            text += "k\(i):\n  \(key): 1\n"
            expected["k\(i)"] = .map([c.key: .int(1)])
        }
        files.append((text, .map(expected).withHelmNumbers()))
        for m in Self.merges {
            files.append((m.text, try GoJSON.decode(m.json)))
        }
        for (text, ours) in files {
            let helm = try probe.valuesAsJSON(text)
            XCTAssertEqual(GoJSON.encode(ours), helm, text)
            let parsed = try YAMLParser().parse(text, file: "v.yaml").withHelmNumbers().toValue()
            XCTAssertEqual(GoJSON.encode(parsed), helm, text)
        }
    }
}
