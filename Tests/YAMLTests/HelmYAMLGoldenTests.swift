import XCTest
import GoValues
import YAML

/// `toYaml` outputs verified against Helm v4.1.4; `HelmParityTests` re-checks every one of
/// them against the real binary when it is installed.
final class HelmYAMLGoldenTests: XCTestCase {
    static let long = (0..<24).map { "word\($0)" }.joined(separator: " ")

    static let cases: [(value: Value, yaml: String)] = [
        // Strings that would read back as another type are double-quoted.
        (.string("yes"), #""yes""#), (.string("on"), #""on""#), (.string("N"), #""N""#), (.string("True"), #""True""#),
        (.string("tRue"), "tRue"), (.string("1.0"), #""1.0""#), (.string("012"), #""012""#), (.string(""), #""""#),
        (.string("~"), #""~""#), (.string("null"), #""null""#), (.string("0x1F"), #""0x1F""#), (.string("1e3"), #""1e3""#),
        (.string(".5"), #"".5""#), (.string("+1"), #""+1""#), (.string("-.inf"), #""-.inf""#), (.string("1_000"), #""1_000""#),
        (.string("2024-01-01"), #""2024-01-01""#), (.string("2024-02-30"), "2024-02-30"),
        (.string("2001-12-14t21:59:43.10-05:00"), #""2001-12-14t21:59:43.10-05:00""#),
        (.string("1:20"), #""1:20""#), (.string("190:20:30.15"), #""190:20:30.15""#), (.string("<<"), "<<"),
        (.string("NaN"), "NaN"), (.string("1e999"), "1e999"), (.string("99999999999999999999"), #""99999999999999999999""#),
        // Indicators and blanks: single quotes.
        (.string("a: b"), "'a: b'"), (.string("a #b"), "'a #b'"), (.string("a#b"), "a#b"), (.string("a:b"), "a:b"),
        (.string("a:"), "'a:'"), (.string(" lead"), "' lead'"), (.string("trail "), "'trail '"), (.string("-x"), "-x"),
        (.string("- x"), "'- x'"), (.string("-"), "'-'"), (.string("@x"), "'@x'"), (.string("%x"), "'%x'"),
        (.string("#x"), "'#x'"), (.string("[x"), "'[x'"), (.string("x]"), "x]"), (.string("?x"), "?x"), (.string("? x"), "'? x'"),
        (.string("---"), "'---'"), (.string("...x"), "'...x'"), (.string("it's"), "it's"), (.string("'q'"), "'''q'''"),
        (.string("*ref"), "'*ref'"), (.string("&a"), "'&a'"), (.string("!tag"), "'!tag'"), (.string("|"), "'|'"),
        // Unicode and control characters.
        (.string("é"), "é"), (.string("日本"), "日本"), (.string("emoji😀"), #""emoji\U0001F600""#),
        (.string("tab\tx"), #""tab\tx""#), (.string("\r"), #""\r""#), (.string("\u{7}"), #""\a""#), (.string("\u{1B}x"), #""\ex""#),
        (.string("\u{FEFF}ab"), #""\uFEFF\x61\x62""#), (.string("a\u{2028}b"), "'a\u{2028}  b'"), (.string("\u{A0}x"), "\u{A0}x"),
        // Multi-line strings: literal blocks with chomping and indentation hints.
        (.string("a\nb"), "|-\n  a\n  b"), (.string("a\nb\n"), "|\n  a\n  b"), (.string("a\nb\n\n"), "|+\n  a\n  b\n"),
        (.string("\na"), "|2-\n\n  a"), (.string(" a\nb"), "|2-\n   a\n  b"), (.string("a\n b"), "|-\n  a\n   b"),
        (.string("a \nb"), #""a \nb""#), (.string("a\tb\nc"), #""a\tb\nc""#), (.string("null\n"), "|\n  null"),
        (.map(["k": .string("line1\nline2\n")]), "k: |\n  line1\n  line2"),
        (.map(["k": .list([.string("x\ny")])]), "k:\n- |-\n  x\n  y"),
        // Long strings fold at column 80 (plain, single- and double-quoted).
        (.string(long), "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13\n  word14 word15 word16 word17 word18 word19 word20 word21 word22 word23"),
        (.map(["key": .string(long)]), "key: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23"),
        (.map(["k": .string("a: " + long)]), "k: 'a: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23'"),
        (.map(["k": .string("tab\t" + long)]), "k: \"tab\\tword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\""),
        (.string(String(repeating: "x", count: 100) + " y"), String(repeating: "x", count: 100) + "\n  y"),
        (.map(["k": .string(long + "\nsecond")]), "k: |-\n  " + long + "\n  second"),
        // Numbers: floats from values files and ints from code print alike.
        (.float(1e6), "1000000"), (.float(1.5), "1.5"), (.float(3), "3"), (.float(1e20), "1e+20"), (.float(1e21), "1e+21"),
        (.float(1e19), "10000000000000000000"), (.float(9.3e18), "9300000000000000000"), (.float(-1e20), "-1e+20"),
        (.float(0.000001), "1e-06"), (.float(1e-7), "1e-07"), (.float(-0.0), "0"), (.float(0.1), "0.1"),
        (.float(123456789), "123456789"), (.float(1.7976931348623157e308), "1.7976931348623157e+308"),
        (.int(1_000_000), "1000000"), (.int(-5), "-5"),
        // Other scalars and empty collections.
        (.null, "null"), (.bool(true), "true"), (.bool(false), "false"), (.map([:]), "{}"), (.list([]), "[]"),
        // Structure: sorted keys, sequences at their key's indent, nested sequences.
        (.map(["b": .int(1), "a": .map(["y": .null, "x": .list([])])]), "a:\n  x: []\n  \"y\": null\nb: 1"),
        (.list([.list([.int(1), .list([.int(2), .list([])])]), .map([:]), .list([.map([:])]), .map(["a": .list([])])]),
         "- - 1\n  - - 2\n    - []\n- {}\n- - {}\n- a: []"),
        (.map(["a": .list([.map(["b": .int(1), "c": .list([.int(1), .int(2)])]), .list([.int(3)])])]),
         "a:\n- b: 1\n  c:\n  - 1\n  - 2\n- - 3"),
        (.list([.null, .map(["a": .null])]), "- null\n- a: null"),
        (.map(["a10": .int(1), "a2": .int(2), "a1": .int(3), "B": .int(1), "b": .int(2), "_x": .int(1), "1": .int(1),
               "10": .int(1), "9": .int(1), "a01": .int(1), "a001": .int(1), "é": .int(1), "z": .int(1)]),
         "_x: 1\n\"1\": 1\n\"9\": 1\n\"10\": 1\nB: 1\na1: 3\na01: 1\na001: 1\na2: 2\na10: 1\nb: 2\nz: 1\né: 1"),
        // Keys: quoted like values; long or multi-line keys use `? `.
        (.map(["": .int(1)]), "\"\": 1"), (.map(["yes": .int(1)]), "\"yes\": 1"), (.map(["a b": .int(1)]), "a b: 1"),
        (.map([String(repeating: "k", count: 130): .int(1)]), "? " + String(repeating: "k", count: 130) + "\n: 1"),
        (.map(["a\nb": .int(1)]), "? |-\n  a\n  b\n: 1"),
        (.map(["a\u{2028}b": .int(1)]), "? 'a\u{2028}  b'\n: 1"),
        // What go-yaml cannot read back from the JSON text: Helm prints nothing.
        (.float(.nan), ""), (.map(["a": .float(.infinity)]), ""), (.string("a\u{7F}"), ""), (.string("\u{9F}"), ""),
        (.map([String(repeating: "k", count: 1023): .int(1)]), ""), (.map(["a\u{85}b": .int(1)]), ""),
        (.string("x\u{85}--- y"), ""),
        // U+0085 in values folds like a line break.
        (.string("a\u{85}b"), "a b"), (.string("x\u{85}---"), "x ---"), (.string("a \u{85}\u{85}  b"), "|-\n  a\n  b"),
    ]

    func testGoldenCases() {
        for (value, expected) in Self.cases {
            XCTAssertEqual(HelmYAML.toYaml(value), expected, "\(value)")
        }
    }

    /// `toYamlPretty` (go-yaml v3, indent 2) outputs verified against Helm v4.1.4; the parity
    /// test compares it on every random case as well.
    static let prettyCases: [(value: Value, yaml: String)] = [
            (.map(["a": .list([.float(1), .float(2), .map(["b": .list([.float(3)])])]), "c": .map(["d": .float(1e6)])]),
             "a:\n  - 1\n  - 2\n  - b:\n      - 3\nc:\n  d: 1e+06"),
            (.string(HelmYAMLGoldenTests.long), HelmYAMLGoldenTests.long), (.map(["k": .string(HelmYAMLGoldenTests.long)]), "k: " + HelmYAMLGoldenTests.long),
            (.string("yes"), #""yes""#), (.string("y"), #""y""#), (.string("a\nb"), "|-\n  a\n  b"),
            (.string("a\tb\nc"), "|-\n  a\tb\n  c"), (.string("tab\tx"), #""tab\tx""#), (.string("a\u{85}b"), #""a\Nb""#),
            (.map(["a10": .int(1), "a2": .int(1), "1e3": .int(1), "10": .int(1)]), "\"1e3\": 1\n\"10\": 1\na2: 1\na10: 1"),
            (.float(3), "3"), (.list([.list([.int(1), .list([.int(2)])])]), "- - 1\n  - - 2"),
            (.map(["x": .list([])]), "x: []"), (.string("<<"), "<<"), (.string("2024-01-01"), #""2024-01-01""#),
        ]

    func testToYamlPrettyGolden() {
        for (value, expected) in Self.prettyCases {
            XCTAssertEqual(HelmYAML.toYamlPretty(value), expected, "\(value)")
        }
        XCTAssertEqual(HelmYAML.toYamlPretty(.list([.float(.nan), .float(-.infinity)])), "- .nan\n- -.inf")
    }

    func testMarshalKeepsFinalNewline() {
        XCTAssertEqual(HelmYAML.marshal(.map(["a": .int(1)])), "a: 1\n")
        XCTAssertEqual(HelmYAML.marshal(.string("a\n\n")), "|+\n  a\n\n")
        XCTAssertEqual(HelmYAML.marshal(.float(.nan)), "")
    }

    func testMarshalErrorsDescribeTheProblem() {
        XCTAssertThrowsError(try HelmYAML.marshalChecked(.list([.float(.infinity)]))) { error in
            XCTAssertEqual("\(error)", "error marshaling into JSON: json: unsupported value: +Inf")
        }
        XCTAssertThrowsError(try HelmYAML.marshalChecked(.string("\u{7F}"))) { error in
            XCTAssertEqual("\(error)", "yaml: control characters are not allowed (U+007f)")
        }
    }
}
