import GoRegex
import XCTest

/// The engine on its own: submatches, iteration, replacement and syntax errors, with
/// expectations from Go's `regexp` package.
final class GoRegexpTests: XCTestCase {
    func submatch(_ pattern: String, _ s: String) throws -> [Int]? {
        try GoRegexp(pattern).firstMatch(in: s)
    }

    func testSubmatches() throws {
        XCTAssertEqual(try submatch("a(b*)c", "xabbc"), [1, 5, 2, 4])
        XCTAssertEqual(try submatch("(a|ab)(c|bcd)(d*)", "abcd"), [0, 4, 0, 1, 1, 4, 4, 4])
        XCTAssertEqual(try submatch("(a*)*", "b"), [0, 0, 0, 0])
        XCTAssertEqual(try submatch("(a*)+", "b"), [0, 0, 0, 0])
        XCTAssertEqual(try submatch("(a+|b+)*", "ab"), [0, 2, 1, 2])
        XCTAssertEqual(try submatch("(a)|b", "b"), [0, 1, -1, -1])
        XCTAssertEqual(try submatch("x*?", "xx"), [0, 0])
        XCTAssertEqual(try submatch("(?U)x*", "xx"), [0, 0])
        XCTAssertEqual(try submatch("(a){2}", "aa"), [0, 2, 1, 2])
        XCTAssertEqual(try submatch("(?i)k", "\u{212A}"), [0, 3])
        XCTAssertEqual(try submatch("\\bfoo\\b", "a foo b"), [2, 5])
        XCTAssertEqual(try submatch("(?m)^b$", "a\nb\nc"), [2, 3])
        XCTAssertEqual(try submatch("^b$", "a\nb\nc"), nil)
        XCTAssertEqual(try submatch("[\\w-\\.]+", "my-master.x!"), [0, 11])
        XCTAssertEqual(try submatch("[[:alpha:]]+", "12abC3"), [2, 5])
        XCTAssertEqual(try submatch("\\p{Greek}+", "abγδe"), [2, 6])
        XCTAssertEqual(try submatch("\\Qa.b\\E", "axb a.b"), [4, 7])
    }

    func testInvalidUTF8ReadsAsReplacementCharacter() throws {
        XCTAssertEqual(try GoRegexp(".").firstMatch(inBytes: [0xFF, 0x61]), [0, 1])
        XCTAssertEqual(try GoRegexp("\\x{FFFD}a").firstMatch(inBytes: [0x61, 0xE2, 0x82, 0x61]), [2, 4])
        XCTAssertEqual(try GoRegexp("^.$").firstMatch(inBytes: [0xF0, 0x9F, 0x98, 0x80]), [0, 4])
        XCTAssertEqual(try GoRegexp("a\\b").firstMatch(inBytes: [0x61, 0xC3]), [0, 1])
    }

    func testIterationAndReplacement() throws {
        let re = try GoRegexp("a*")
        XCTAssertEqual(re.allMatches(in: "baaac").map { [$0[0], $0[1]] }, [[0, 0], [1, 4], [5, 5]])
        XCTAssertEqual(re.replaceAll(in: "baaac", with: "-"), "-b-c-")
        XCTAssertEqual(try GoRegexp("a(x*)b").replaceAll(in: "-ab-axxb-", with: "${1}W"), "-W-xxW-")
        XCTAssertEqual(try GoRegexp("a(x*)b").replaceAll(in: "-ab-axxb-", with: "$1W"), "---")
        XCTAssertEqual(try GoRegexp("a").split("banana", limit: -1), ["b", "n", "n", ""])
        XCTAssertEqual(try GoRegexp("").split("abc", limit: -1), ["a", "b", "c"])
    }

    func testSyntaxErrors() {
        func message(_ pattern: String) -> String? {
            do {
                _ = try GoRegexp(pattern)
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(message("\\Z"), "error parsing regexp: invalid escape sequence: `\\Z`")
        XCTAssertEqual(message("(a)\\1"), "error parsing regexp: invalid escape sequence: `\\1`")
        XCTAssertEqual(message("(?=a)"), "error parsing regexp: invalid or unsupported Perl syntax: `(?=`")
        XCTAssertEqual(message("(?<=a)b"), "error parsing regexp: invalid named capture: `(?<=a)b`")
        XCTAssertEqual(message("a**"), "error parsing regexp: invalid nested repetition operator: `**`")
        XCTAssertEqual(message("a{1001}"), "error parsing regexp: invalid repeat count: `{1001}`")
        XCTAssertEqual(message("(a{100}){100}"), "error parsing regexp: invalid repeat count: `{100}`")
        XCTAssertEqual(message("[z-a]"), "error parsing regexp: invalid character class range: `z-a`")
        XCTAssertEqual(message("[a"), "error parsing regexp: missing closing ]: `[a`")
        XCTAssertEqual(message("a)"), "error parsing regexp: unexpected ): `a)`")
        XCTAssertEqual(message("(a"), "error parsing regexp: missing closing ): `(a`")
        XCTAssertEqual(message("a\\"), "error parsing regexp: trailing backslash at end of expression: ``")
        XCTAssertEqual(message("\\p{Foo}"), "error parsing regexp: invalid character class range: `\\p{Foo}`")
        XCTAssertEqual(message("[[:foo:]]"), "error parsing regexp: invalid character class range: `[:foo:]`")
    }

    /// A pattern nested deeper than Go's limit is refused as it is read, without deep recursion.
    func testDeepNestingIsRefused() {
        let pattern = String(repeating: "(?:", count: 200_000) + "a" + String(repeating: "|b)c", count: 200_000)
        XCTAssertThrowsError(try GoRegexp(pattern)) { error in
            XCTAssertEqual((error as? RegexSyntaxError)?.code, .nestingDepth)
        }
        XCTAssertNoThrow(try GoRegexp(String(repeating: "(?:", count: 100_000) + "a" + String(repeating: ")", count: 100_000)))
    }

    /// Patterns that take exponential time in a backtracking engine finish at once here.
    func testPathologicalPatternsFinish() throws {
        XCTAssertFalse(try GoRegexp("(a+)+$").matches(String(repeating: "a", count: 20) + "!"))
        XCTAssertFalse(try GoRegexp("^(\\w+\\s?)*$").matches(String(repeating: "word ", count: 2_000) + "!"))
        XCTAssertFalse(try GoRegexp("a.*b.*c").matches(String(repeating: "ab", count: 10_000)))
        XCTAssertNil(try GoRegexp("(x+x+)+y").firstMatch(in: String(repeating: "x", count: 5_000)))
    }
}
