import GoValues
import XCTest

@testable import HelmFunctions

/// `fromYaml`'s memo: a text made once is not made again, whether it comes back as the same string or as another
/// string of the same bytes; texts that differ (even in one byte, or only in length) are each made.
final class ParsedTextMemoTests: XCTestCase {
    private func text(_ fill: Character, count: Int, last: Character = "z") -> String {
        String(repeating: fill, count: count - 1) + String(last)
    }

    func testTheSameTextIsMadeOnce() {
        let memo = ParsedTextMemo()
        var made = 0
        let make: (String) -> Value = { made += 1; return .string(String($0.utf8.count)) }
        let a = text("a", count: 4096)
        XCTAssertEqual(memo.value(for: a, make), .string("4096"))
        XCTAssertEqual(memo.value(for: a, make), .string("4096"))
        // Another string with the same bytes, built apart.
        let copy = String(decoding: Array(a.utf8), as: UTF8.self)
        XCTAssertEqual(memo.value(for: copy, make), .string("4096"))
        XCTAssertEqual(made, 1)
    }

    func testTextsThatDifferAreEachMade() {
        let memo = ParsedTextMemo()
        var seen: [String] = []
        let make: (String) -> Value = { seen.append(String($0.suffix(1))); return .string($0) }
        let texts = [text("a", count: 1000), text("a", count: 1000, last: "y"), text("a", count: 1001), text("a", count: 1007)]
        for t in texts { XCTAssertEqual(memo.value(for: t, make), .string(t)) }
        for t in texts.reversed() { XCTAssertEqual(memo.value(for: t, make), .string(t)) }
        XCTAssertEqual(seen, ["z", "y", "z", "z"])
    }

    func testShortTextsAreNotKept() {
        let memo = ParsedTextMemo()
        var made = 0
        let short = text("b", count: ParsedTextMemo.minimumBytes - 1)
        for _ in 0..<3 { _ = memo.value(for: short) { made += 1; return .string($0) } }
        XCTAssertEqual(made, 3)
    }
}
