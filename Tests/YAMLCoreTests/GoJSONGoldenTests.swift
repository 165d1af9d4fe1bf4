import XCTest
import YAMLCore

/// `toJson` outputs verified against Helm v4.1.4.
final class GoJSONGoldenTests: XCTestCase {
    static let cases: [(value: Value, json: String)] = [
        (.string("<a&b>"), "\"\\u003ca\\u0026b\\u003e\""),
    ]

    func testGoldenCases() {
        for (value, expected) in Self.cases {
            XCTAssertEqual(GoJSON.encode(value), expected, "\(value)")
        }
    }
}
