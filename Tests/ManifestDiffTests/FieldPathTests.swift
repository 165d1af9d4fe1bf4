import XCTest

@testable import ManifestDiff

final class FieldPathTests: XCTestCase {
    func testPrintAndParseRoundTrip() {
        let table: [(String, [FieldPath.Component])] = [
            ("spec.ingress[0].from[2].podSelector.matchLabels.app",
             [.key("spec"), .key("ingress"), .index(0), .key("from"), .index(2), .key("podSelector"), .key("matchLabels"), .key("app")]),
            ("metadata.labels[\"helm.sh/chart\"]", [.key("metadata"), .key("labels"), .key("helm.sh/chart")]),
            ("[\"a.b\"].c", [.key("a.b"), .key("c")]),
            ("x[\"q\\\"uote.\"]", [.key("x"), .key("q\"uote.")]),
            ("[3]", [.index(3)]),
        ]
        for (text, components) in table {
            XCTAssertEqual(FieldPath(components).description, text)
            XCTAssertEqual(FieldPath(parsing: text)?.components, components, text)
        }
    }

    func testMalformedPathsAreRejected() {
        for text in ["a..b", "a.", ".a", "a[x]", "a[1", "a[\"b]"] {
            XCTAssertNil(FieldPath(parsing: text), text)
        }
    }

    func testPrefix() {
        let path = FieldPath([.key("spec"), .key("ingress"), .index(0)])
        XCTAssertTrue(path.hasPrefix(FieldPath([.key("spec")])))
        XCTAssertTrue(path.hasPrefix(path))
        XCTAssertFalse(path.hasPrefix(FieldPath([.key("spec"), .key("egress")])))
    }
}
