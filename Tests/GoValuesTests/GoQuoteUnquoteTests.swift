import XCTest
import GoValues

/// `strconv.Unquote` as template literals need it: literals without escapes are their text, raw
/// strings drop carriage returns, escapes decode, malformed literals fail.
final class GoQuoteUnquoteTests: XCTestCase {
    func testLiterals() throws {
        XCTAssertEqual(try GoQuote.unquote("\"plain é 日本\""), "plain é 日本")
        XCTAssertEqual(try GoQuote.unquote("\"\""), "")
        XCTAssertEqual(try GoQuote.unquote("`raw \\n \"q\"`"), "raw \\n \"q\"")
        XCTAssertEqual(try GoQuote.unquote("`a\r\nb`"), "a\nb")
        XCTAssertEqual(try GoQuote.unquote("\"tab\\there \\\"q\\\" \\u00e9 \\x41 \\101 \\\\\""), "tab\there \"q\" é A A \\")
        XCTAssertEqual(try GoQuote.unquoteCharConstant("'\\n'"), "\n")
    }

    func testMalformedLiteralsFail() {
        for literal in ["\"", "\"a", "'a'", "\"a\"b\"", "\"a\nb\"", "`a`b`", "\"\\q\"", "\"\\u12\"", "x"] {
            XCTAssertThrowsError(try GoQuote.unquote(literal), literal)
        }
    }
}
