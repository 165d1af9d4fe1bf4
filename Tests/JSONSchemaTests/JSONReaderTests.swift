import GoValues
import XCTest

@testable import JSONSchema

/// The schema reader reads text in one pass and leaves text it doubts to the Go-compatible decoder: whatever the
/// text, it accepts exactly what that decoder accepts and reports its error where it rejects.
final class JSONReaderTests: XCTestCase {
    static let texts: [String] = [
        "{}", " [ ] ", "{\"a\": [1, -0, 0.5, 1e5, 1E-5, -1.25e+3]}", "{\"a\": \"\\u00e9\\n\\/\"}", "\"x\"", "true", "null",
        "", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[.5]", "[+1]", "[-]", "[1e]", "[1e400]",
        "[-1e400]", "[tru]", "[truex]", "[nul]", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"a\u{01}b\"", "\"open", "{} {}", "{}x",
        "[1 2]", "\u{FEFF}{}", "[\"\\ud800\"]", "{\"a\":1,\"a\":2}", String(repeating: "1", count: 400),
        String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000),
        String(repeating: "[", count: 1001) + String(repeating: "]", count: 1001),
    ]

    func testAcceptsAndRejectsAsTheGoDecoderDoes() {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            var goError: GoJSON.DecodeError?
            do { try GoJSON.validate(bytes) } catch { goError = error }
            do {
                _ = try JSONSchema.parse(bytes)
                XCTAssertNil(goError, "accepted what Go rejects: \(text.prefix(40))")
            } catch {
                XCTAssertNotNil(goError, "rejected what Go accepts: \(text.prefix(40))")
                XCTAssertEqual(error.line, goError?.line, text)
                XCTAssertEqual(error.column, goError?.column, text)
            }
        }
    }

    func testReadsMembersInOrderWithLaterDuplicatesReplacing() throws {
        let json = try JSONSchema.parse(Array("{\"b\": 1, \"a\": [true, null], \"b\": \"x\", \"c\": 1.50}".utf8))
        XCTAssertEqual(json.object?.keys, ["b", "a", "c"])
        XCTAssertEqual(json.object?["b"], .string("x"))
        XCTAssertEqual(json.object?["c"]?.number?.text, "1.50")
    }

    func testEveryKeywordIsRecognisedByItsName() {
        for keyword in Keyword.allCases where keyword != .other {
            XCTAssertEqual(Keyword(keyword.name), keyword)
        }
        XCTAssertEqual(Keyword.allCases.count, 64, "KeywordValues keeps one slot per keyword")
        for other in ["", "Type", "types", "$Ref", "x-go-type", "properties ", "id\u{0}"] { XCTAssertEqual(Keyword(other), .other) }
    }
}
