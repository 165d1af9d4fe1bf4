import XCTest
import GoValues

/// `toJson` outputs verified against Helm v4.1.4 (re-checked by `HelmParityTests`, which also
/// compares `toPrettyJson` for each of them).
final class GoJSONGoldenTests: XCTestCase {
    static let cases: [(value: Value, json: String)] = [
        (.string("<a&b>"), #""\u003ca\u0026b\u003e""#),
        (.string("line\nbreak\ttab\r\u{8}\u{C}\u{1}\u{1F}"), #""line\nbreak\ttab\r\b\f\u0001\u001f""#),
        (.string("q\"b\\s/"), #""q\"b\\s/""#),
        (.string("\u{2028}\u{2029}\u{85}\u{7F}é😀"), "\"\\u2028\\u2029\u{85}\u{7F}é😀\""),
        (.float(1e21), "1e+21"), (.float(1e20), "100000000000000000000"), (.float(1e-7), "1e-7"),
        (.float(0.000001), "0.000001"), (.float(1.5e-10), "1.5e-10"), (.float(-0.0), "-0"), (.float(1.5), "1.5"),
        (.float(123456789012), "123456789012"), (.float(1.7976931348623157e308), "1.7976931348623157e+308"),
        (.float(5e-324), "5e-324"), (.int(-42), "-42"), (.null, "null"), (.bool(true), "true"),
        (.map([:]), "{}"), (.list([]), "[]"),
        (.map(["b": .int(1), "a10": .int(2), "a2": .int(3), "B": .int(4), "é": .int(5), "_": .int(6)]),
         #"{"B":4,"_":6,"a10":2,"a2":3,"b":1,"é":5}"#),
        (.map(["k": .list([.int(1), .map(["x": .list([]), "y": .map([:])])])]), #"{"k":[1,{"x":[],"y":{}}]}"#),
    ]

    func testGoldenCases() {
        for (value, expected) in Self.cases {
            XCTAssertEqual(GoJSON.encode(value), expected, "\(value)")
        }
    }

    func testIndentedLikeMarshalIndent() {
        let v: Value = .map(["k": .list([.int(1), .map(["x": .list([]), "y": .map([:])])]), "a": .string("<")])
        XCTAssertEqual(GoJSON.encodeIndented(v), """
            {
              "a": "\\u003c",
              "k": [
                1,
                {
                  "x": [],
                  "y": {}
                }
              ]
            }
            """)
        XCTAssertEqual(GoJSON.encodeIndented(.list([.float(-0.0)])), "[\n  -0\n]")
    }

    func testRawJsonKeepsHTMLCharacters() {
        XCTAssertEqual(GoJSON.encode(.string("<a&b>"), escapeHTML: false), #""<a&b>""#)
    }

    func testUnsupportedFloats() {
        XCTAssertEqual(GoJSON.encode(.float(.nan)), "")
        XCTAssertThrowsError(try GoJSON.encodeChecked(.map(["a": .float(-.infinity)]))) { error in
            XCTAssertEqual("\(error)", "json: unsupported value: -Inf")
        }
    }
}
