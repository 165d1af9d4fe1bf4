import XCTest
import YAMLCore

/// `toYaml` outputs verified against Helm v4.1.4 (the parity test re-checks them when Helm is present).
final class HelmYAMLGoldenTests: XCTestCase {
    static let cases: [(value: Value, yaml: String)] = [
        (.string("yes"), "\"yes\""),
    ]

    func testGoldenCases() {
        for (value, expected) in Self.cases {
            XCTAssertEqual(HelmYAML.toYaml(value), expected, "\(value)")
        }
    }
}
