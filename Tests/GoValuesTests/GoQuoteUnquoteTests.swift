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

    /// `\x` and octal escapes are bytes: one that is not UTF-8 stays a byte, bytes that spell a
    /// character are that character; `strconv.Quote` writes such a byte back as `\xHH`.
    func testByteEscapes() throws {
        XCTAssertEqual(ByteString.bytes(try GoQuote.unquote("\"\\xff\"")), [0xFF])
        XCTAssertEqual(ByteString.bytes(try GoQuote.unquote("\"a\\377b\"")), [0x61, 0xFF, 0x62])
        XCTAssertEqual(try GoQuote.unquote("\"\\xc3\\xa9\""), "é")
        XCTAssertEqual(try GoQuote.unquote("`\\xff`"), "\\xff")
        XCTAssertEqual(try GoQuote.unquoteCharConstant("'\\xff'"), "\u{FF}")
        // A byte of the literal itself that is not UTF-8: U+FFFD in a quoted literal, kept in a raw one.
        let byte = ByteString.string([0xFE])
        XCTAssertEqual(try GoQuote.unquote("\"a" + byte + "b\""), "a\u{FFFD}b")
        XCTAssertEqual(try GoQuote.unquote("\"a" + byte + "\\x41\""), "a\u{FFFD}A")
        XCTAssertEqual(try GoQuote.unquote("`a" + byte + "`"), "a" + byte)
        let text = ByteString.string([0x61, 0xFF, 0xC3, 0xA9, 0x80])
        XCTAssertEqual(GoQuote.quote(text), "\"a\\xff\u{E9}\\x80\"")
        XCTAssertEqual(GoQuote.quote(text, asciiOnly: true), "\"a\\xff\\u00e9\\x80\"")
        XCTAssertEqual(GoQuote.quote(ByteString.string([0xC3]) + ByteString.string([0xA9])), "\"é\"")
    }

    /// `encoding/json` writes each byte that is not UTF-8 as `\ufffd`.
    func testJSONWritesReplacementCharacters() {
        XCTAssertEqual(GoJSON.encode(.string(ByteString.string([0x61, 0xFF, 0x62]))), "\"a\\ufffdb\"")
        XCTAssertEqual(GoJSON.encode(.map([ByteString.string([0xFE]): .int(1)])), "{\"\\ufffd\":1}")
        XCTAssertEqual(GoJSON.encode(.string(ByteString.string([0xC3]) + ByteString.string([0xA9, 0xFF]))), "\"é\\ufffd\"")
    }
}
