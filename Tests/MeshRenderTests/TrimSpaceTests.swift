import XCTest
@testable import MeshRender

/// Go's `strings.TrimSpace`: the byte-level fast path agrees with the Unicode one.
final class TrimSpaceTests: XCTestCase {
    func testTable() {
        let cases: [(String, String)] = [
            ("", ""), ("  ", ""), ("\n\t x \r\n", "x"), ("a b", "a b"), ("\u{85}a\u{A0}", "a"),
            ("\u{2003}é\u{2003}", "é"), (" é ", "é"), ("---\nkind: A\n", "---\nkind: A"), ("\u{B}\u{C}x", "x"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(GoText.trimSpace(input), expected, input.debugDescription)
            XCTAssertEqual(GoText.trimUnicodeSpace(input), expected, input.debugDescription)
        }
    }
}
