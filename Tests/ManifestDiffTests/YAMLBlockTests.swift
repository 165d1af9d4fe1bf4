import XCTest
import GoValues
import YAML

@testable import ManifestDiff

/// The normalised YAML shown in human and unified output reads back as the same value.
final class YAMLBlockTests: XCTestCase {
    func testScalarsQuoteWhenPlainTextWouldReadBackDifferently() {
        let table: [(String, String)] = [
            ("plain", "plain"), ("true", "'true'"), ("yes", "'yes'"), ("null", "'null'"), ("", "''"), ("8080", "'8080'"),
            ("1.5", "'1.5'"), ("0x1F", "'0x1F'"), ("v1.7.0", "v1.7.0"), ("a: b", "'a: b'"), ("a #b", "'a #b'"),
            ("- x", "'- x'"), ("*", "'*'"), (" lead", "' lead'"), ("it's", "it's"), ("'q", "'''q'"), ("tab\there", "\"tab\\there\""),
            ("key:", "'key:'"), ("app.kubernetes.io/name", "app.kubernetes.io/name"), ("nope", "nope"), ("on", "'on'"),
        ]
        for (input, expected) in table {
            XCTAssertEqual(YAMLBlock.scalar(.string(input)), expected, input)
        }
    }

    func testBlocksRoundTrip() throws {
        let values: [Value] = [
            .map(["b": .list([.map(["x": .int(1), "y": .list([])]), .string("s")]), "a": .map([:]), "c": .null]),
            .map(["config.yaml": .string("server:\n  port: 8081\n"), "two": .string("a\n\n"), "none": .string("x\ny")]),
            .list([.list([.int(1), .int(2)]), .map(["k": .bool(true)]), .float(1.5)]),
            .map(["odd keys": .map(["a: b": .string("c"), "true": .string("yes"), "": .string("empty")])]),
        ]
        for value in values {
            for lines in [YAMLBlock.lines(value), YAMLBlock.fallbackLines(value)] {
                let text = lines.joined(separator: "\n") + "\n"
                let parsed = try YAMLParser().parse(text, file: "block").toValue()
                XCTAssertEqual(parsed, value, text)
            }
        }
    }

    func testValuesToYamlRefusesUseTheFallback() {
        XCTAssertEqual(YAMLBlock.lines(.map(["x": .float(.nan), "y": .list([.float(.infinity)])])), ["x: .nan", "'y':", "- .inf"])
    }
}
