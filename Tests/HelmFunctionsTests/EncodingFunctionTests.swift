import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// Encoding functions, table-driven. Every expectation was produced by Helm v4.1.4 rendering
/// `{{ $r := FN ARGS }}{{ kindOf $r }}:{{ $r | toString }}` (Go's `int` and `int64`: see
/// `IntWidthTests`).
final class EncodingFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases(EncodingFunctionTests.cases)
    }

    static let cases: [FunctionCase] = [
        ("b64enc", [.string("hello world")], .ok("string:aGVsbG8gd29ybGQ=")),
        ("b64enc", [.string("")], .ok("string:")),
        ("b64enc", [.string("a")], .ok("string:YQ==")),
        ("b64enc", [.string("ab")], .ok("string:YWI=")),
        ("b64enc", [.string("é✓")], .ok("string:w6ninJM=")),
        ("b64dec", [.string("aGVsbG8gd29ybGQ=")], .ok("string:hello world")),
        ("b64dec", [.string("YQ==")], .ok("string:a")),
        ("b64dec", [.string("YWI=")], .ok("string:ab")),
        ("b64dec", [.string("YQ")], .ok("string:illegal base64 data at input byte 0")),
        ("b64dec", [.string("Y")], .ok("string:illegal base64 data at input byte 0")),
        ("b64dec", [.string("!!!!")], .ok("string:illegal base64 data at input byte 0")),
        ("b64dec", [.string("YQ==YQ==")], .ok("string:illegal base64 data at input byte 4")),
        ("b64dec", [.string("aGVs\nbG8=")], .ok("string:hello")),
        ("b64dec", [.string("YQ=a")], .ok("string:illegal base64 data at input byte 2")),
        ("b64dec", [.string("")], .ok("string:")),
        ("sha256sum", [.string("")], .ok("string:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")),
        ("sha256sum", [.string("hello")], .ok("string:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")),
        ("sha256sum", [.string("The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog!")], .ok("string:ee9d1ee89dab1c00e42f2544b2469835cc181b31efb891dc6cbd470980402f99")),
        ("sha1sum", [.string("hello")], .ok("string:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")),
        ("adler32sum", [.string("hello")], .ok("string:103547413")),
        ("base", [.string("/a/b/c.txt")], .ok("string:c.txt")),
        ("base", [.string("a/b/")], .ok("string:b")),
        ("base", [.string("")], .ok("string:.")),
        ("base", [.string("/")], .ok("string:/")),
        ("dir", [.string("/a/b/c.txt")], .ok("string:/a/b")),
        ("dir", [.string("c.txt")], .ok("string:.")),
        ("dir", [.string("/a")], .ok("string:/")),
        ("ext", [.string("a/b.tar.gz")], .ok("string:.gz")),
        ("ext", [.string("a.b/c")], .ok("string:")),
        ("clean", [.string("a//b/../c/./d/")], .ok("string:a/c/d")),
        ("clean", [.string("/../a")], .ok("string:/a")),
        ("clean", [.string("../../a")], .ok("string:../../a")),
        ("clean", [.string("")], .ok("string:.")),
        ("isAbs", [.string("/a")], .ok("bool:true")),
        ("isAbs", [.string("a")], .ok("bool:false")),
    ]
}
