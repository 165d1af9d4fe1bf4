import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// `camelcase`, `snakecase`, `kebabcase`, `swapcase`, `wrap`, `wrapWith` and the small extras
/// (`hello`, `randInt`, `shuffle`), table-driven. Expectations are Helm v4.1.4's output.
final class CaseConversionFunctionTests: XCTestCase {
    func testCaseFunctions() {
        var cases: [FunctionCase] = []
        // input, camelcase, snakecase, kebabcase
        let rows: [(String, String, String, String)] = [
            ("", "", "", ""),
            ("a", "A", "a", "a"),
            ("_", "__", "_", "-"),
            ("FirstName", "FirstName", "first_name", "first-name"),
            ("HTTPServer", "Httpserver", "http_server", "http-server"),
            ("NoHTTPS", "NoHTTPS", "no_https", "no-https"),
            ("GO_PATH", "GoPath", "go_path", "go-path"),
            ("GO PATH", "GoPath", "go_path", "go-path"),
            ("http2xx", "Http2xx", "http_2xx", "http-2xx"),
            ("HTTP20xOK", "Http20xOK", "http_20x_ok", "http-20x-ok"),
            ("Bld4Floor3rd", "Bld4Floor3rd", "bld4_floor_3rd", "bld4-floor-3rd"),
            ("_complex__case_", "_Complex_Case_", "_complex__case_", "-complex--case-"),
            ("XMLHttpRequest", "XmlhttpRequest", "xml_http_request", "xml-http-request"),
            ("aB_cD", "ABCD", "a_b_c_d", "a-b-c-d"),
            ("foo.Bar-baz_qux", "Foo.BarBazQux", "foo.bar_baz_qux", "foo.bar-baz-qux"),
            ("日本語Text", "日本語Text", "日本語_text", "日本語-text"),
        ]
        for (input, camel, snake, kebab) in rows {
            cases.append(("camelcase", [.string(input)], .ok("string:" + camel)))
            cases.append(("snakecase", [.string(input)], .ok("string:" + snake)))
            cases.append(("kebabcase", [.string(input)], .ok("string:" + kebab)))
        }
        cases += [
            ("swapcase", [.string("Hello wORLD ǆ")], .ok("string:hELLO World ǅ")),
            ("swapcase", [.string("ⅫX")], .ok("string:Ⅻx")),
            // goutils reads `initials` byte by byte (U+0085 and U+00A0 bytes count as spaces).
            ("initials", [.string("9\tß2.0\t:")], .ok("string:9Ã:")),
            ("initials", [.string("vZ\nST2ǅ_P")], .ok("string:vS_")),
            ("camelcase", [.int(1)], .argument("wrong type for value; expected string; got int")),
            ("snakecase", [], .argument("wrong number of args for snakecase: want 1 got 0")),
        ]
        assertFunctionCases(cases)
    }

    func testWrap() {
        assertFunctionCases([
            ("wrap", [.int(5), .string("The quick brown fox jumps")], .ok("string:The\nquick\nbrown\nfox\njumps")),
            ("wrap", [.int(0), .string("ab cd")], .ok("string:ab\ncd")),
            ("wrap", [.int(3), .string("abcdefgh ij klmnop")], .ok("string:abcdefgh\nij\nklmnop")),
            ("wrap", [.int(4), .string("  lead  spaces   here ")], .ok("string:lead\nspaces\nhere\n")),
            ("wrap", [.int(10), .string("")], .ok("string:")),
            ("wrapWith", [.int(5), .string("\t"), .string("Hello World")], .ok("string:Hello\tWorld")),
            ("wrapWith", [.int(3), .string("<br>"), .string("abcdefgh ij")], .ok("string:abc<br>def<br>gh<br>ij")),
            ("wrapWith", [.int(-2), .string(""), .string("ab cd")], .ok("string:a\nb\nc\nd")),
            ("wrap", [.string("a"), .string("b")], .argument("wrong type for value; expected int; got string")),
            ("wrapWith", [.int(5), .string("x")], .argument("wrong number of args for wrapWith: want 3 got 2")),
        ])
    }

    func testExtras() {
        assertFunctionCases([
            ("hello", [], .ok("string:Hello!")),
            ("randInt", [.int(5), .int(6)], .ok("int:5")),
            ("randInt", [.int(5), .int(5)], .call("invalid argument to Intn")),
            ("randInt", [.int(6), .int(5)], .call("invalid argument to Intn")),
            ("shuffle", [.string("a")], .ok("string:a")),
        ])
        // A shuffle is a permutation of the runes.
        let shuffled = outcome(of: "shuffle", [.string("héllo wörld")])
        guard case .ok(let text)? = shuffled else { return XCTFail("shuffle failed: \(String(describing: shuffled))") }
        XCTAssertEqual(text.dropFirst("string:".count).unicodeScalars.sorted(), "héllo wörld".unicodeScalars.sorted())
        // randInt stays in [min, max).
        for _ in 0..<200 {
            guard case .ok(let n)? = outcome(of: "randInt", [.int(-3), .int(4)]), let v = Int(n.dropFirst("int:".count)) else {
                return XCTFail("randInt failed")
            }
            XCTAssertTrue((-3..<4).contains(v), "\(v)")
        }
    }
}
