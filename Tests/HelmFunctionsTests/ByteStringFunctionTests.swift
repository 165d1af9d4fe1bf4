import GoValues
import HelmFunctions
import TemplateEngine
import XCTest

/// Strings holding bytes that are not UTF-8 (a binary file read by `.Files.Get`, `"\\xff"` literals) through
/// every kind of string function: byte-wise ones (`len`, `substr`, `contains`, `replace`, comparisons)
/// see the bytes, rune-wise ones (`upper`, `title`, `toJson`, `toYaml`) read each such byte as U+FFFD,
/// `quote` escapes it as `\\xHH`. Every expectation was printed by Helm v4.1.4 for the same
/// expression with `$s` = `ab\\xff\\xfecd\\xc3\\xa9\\x80z` and `$a` = `AbC\\xffx y` (text that would not
/// be YAML printed through `b64enc`).
final class ByteStringFunctionTests: XCTestCase {
    static let data: Value = .map([
        "s": .string(ByteString.string([0x61, 0x62, 0xFF, 0xFE, 0x63, 0x64, 0xC3, 0xA9, 0x80, 0x7A])),
        "a": .string(ByteString.string([0x41, 0x62, 0x43, 0xFF, 0x78, 0x20, 0x79])),
    ])

    func testFunctionsOverBytesMatchHelm() {
        TemplateTable.assertOutputs(Self.cases.map { ("{{ $s := .s }}{{ $a := .a }}" + $0.0, $0.1) }, data: Self.data)
    }

    func testTextWithoutBytesIsUnchanged() {
        TemplateTable.assertOutputs([
            ("{{ len \"é\" }} {{ quote \"é\\n\" }} {{ upper \"é\" }} {{ toJson \"é<\" }} {{ substr 0 1 \"é\" | b64enc }}", "2 \"é\\n\" É \"é\\u003c\" ww=="),
        ], data: .map([:]))
    }

    static let cases: [(String, String)] = [
        ("{{ len $s }}", "10"),
        ("{{ index $s 2 }}", "255"),
        ("{{ quote $s | b64enc }}", "ImFiXHhmZlx4ZmVjZMOpXHg4MHoi"),
        ("{{ squote $s | b64enc }}", "J2Fi//5jZMOpgHon"),
        ("{{ printf \"%q|%+q|%#q\" $s $s $s | b64enc }}", "ImFiXHhmZlx4ZmVjZMOpXHg4MHoifCJhYlx4ZmZceGZlY2RcdTAwZTlceDgweiJ8ImFiXHhmZlx4ZmVjZMOpXHg4MHoi"),
        ("{{ printf \"%x|% X|%.3x\" $s $s $s }}", "6162fffe6364c3a9807a|61 62 FF FE 63 64 C3 A9 80 7A|6162ff"),
        ("{{ printf \"%5.3s|%-12s|\" $s $s | b64enc }}", "ICBhYv98YWL//mNkw6mAeiAgIHw="),
        ("{{ toJson $s | b64enc }}", "ImFiXHVmZmZkXHVmZmZkY2TDqVx1ZmZmZHoi"),
        ("{{ toPrettyJson (list $s) | b64enc }}", "WwogICJhYlx1ZmZmZFx1ZmZmZGNkw6lcdWZmZmR6Igpd"),
        ("{{ toRawJson (dict $s 1) | b64enc }}", "eyJhYlx1ZmZmZFx1ZmZmZGNkw6lcdWZmZmR6IjoxfQ=="),
        ("{{ toYaml (dict \"a\" $s) | b64enc }}", "YTogYWLvv73vv71jZMOp77+9eg=="),
        ("{{ substr 1 4 $s | b64enc }}", "Yv/+"),
        ("{{ trunc 3 $s | b64enc }}", "YWL/"),
        ("{{ trunc -3 $s | b64enc }}", "qYB6"),
        ("{{ abbrev 6 $s | b64enc }}", "YWL/Li4u"),
        ("{{ abbrevboth 5 9 $s | b64enc }}", "YWL//mNkLi4u"),
        ("{{ upper $s | b64enc }}", "QULvv73vv71DRMOJ77+9Wg=="),
        ("{{ upper $a | b64enc }}", "QUJD77+9WCBZ"),
        ("{{ lower $a | b64enc }}", "YWJj77+9eCB5"),
        ("{{ title $s | b64enc }}", "QWLvv73vv71jZMOp77+9eg=="),
        ("{{ untitle $a | b64enc }}", "YWJD77+9eCB5"),
        ("{{ swapcase $a | b64enc }}", "YUJj77+9WCBZ"),
        ("{{ snakecase $s | b64enc }}", "YWL//mNkw6mAeg=="),
        ("{{ snakecase $a | b64enc }}", "YWJfY++/vXhfeQ=="),
        ("{{ kebabcase \"AB\\xffcD e\" | b64enc }}", "YS1i77+9Yy1kLWU="),
        ("{{ camelcase $a | b64enc }}", "QWJD77+9eFk="),
        ("{{ initials \"\\xffa b\" | b64enc }}", "w79i"),
        ("{{ nospace $a | b64enc }}", "QWJDw794eQ=="),
        ("{{ trimAll \"a\\xffz\" $s | b64enc }}", "Yv/+Y2TDqQ=="),
        ("{{ trimPrefix \"ab\\xff\" $s | b64enc }}", "/mNkw6mAeg=="),
        ("{{ trimSuffix \"\\x80z\" $s | b64enc }}", "YWL//mNkw6k="),
        ("{{ contains \"\\xff\" $s }}", "true"),
        ("{{ contains \"\\377\" $s }}", "true"),
        ("{{ contains `\\xff` $s }}", "false"),
        ("{{ hasPrefix \"ab\\xff\" $s }}", "true"),
        ("{{ hasSuffix \"\\x80z\" $s }}", "true"),
        ("{{ \"\\xff\" | b64enc }}", "/w=="),
        ("{{ \"\\377\" | b64enc }}", "/w=="),
        ("{{ `\\xff` | b64enc }}", "XHhmZg=="),
        ("{{ \"\\xc3\\xa9\" | b64enc }}", "w6k="),
        ("{{ replace \"\\xff\" \"X\" $s | b64enc }}", "YWJY/mNkw6mAeg=="),
        ("{{ splitList \"\\xff\" $s | toJson | b64enc }}", "WyJhYiIsIlx1ZmZmZGNkw6lcdWZmZmR6Il0="),
        ("{{ wrapWith 3 \"|\" $s | b64enc }}", "YWL/fP5jZHzDqYB8eg=="),
        ("{{ list $s \"x\" | join \"\\xff\" | b64enc }}", "YWL//mNkw6mAev94"),
        ("{{ eq (printf \"%s%s\" \"\\xc3\" \"\\xa9\") \"é\" }}", "true"),
        ("{{ lt \"\\xff\" \"\\u00ff\" }}", "false"),
        ("{{ gt \"\\xff\" \"\\uffff\" }}", "true"),
        ("{{ list \"\\xff\" \"\\u00ff\" \"\\xfe\" \"z\" | sortAlpha | toJson | b64enc }}", "WyJ6Iiwiw78iLCJcdWZmZmQiLCJcdWZmZmQiXQ=="),
        ("{{ js $s | b64enc }}", "YWL//mNkw6mAeg=="),
        ("{{ urlquery $s | b64enc }}", "YWIlRkYlRkVjZCVDMyVBOSU4MHo="),
        ("{{ regexMatch \"\\xff\" $s }}", "false"),
        ("{{ regexReplaceAll \"[^a-z]\" $s \".\" }}", "ab..cd..z"),
        ("{{ sha512sum $s | trunc 8 }}", "29ddd456"),
        ("{{ b32enc $s }}", "MFRP77TDMTB2TAD2"),
        ("{{ printf \"{\\\"a\\\":\\\"%s\\\"}\" $s | fromJson | toJson | b64enc }}", "eyJhIjoiYWLvv73vv71jZMOp77+9eiJ9"),
        ("{{ printf \"a: %s\" $s | fromYaml | toJson | b64enc }}", "eyJFcnJvciI6ImVycm9yIGNvbnZlcnRpbmcgWUFNTCB0byBKU09OOiB5YW1sOiBpbnZhbGlkIGxlYWRpbmcgVVRGLTggb2N0ZXQifQ=="),
        ("{{ printf \"a: \\xc3x\" | fromYaml | toJson | b64enc }}", "eyJFcnJvciI6ImVycm9yIGNvbnZlcnRpbmcgWUFNTCB0byBKU09OOiB5YW1sOiBpbnZhbGlkIHRyYWlsaW5nIFVURi04IG9jdGV0In0="),
        ("{{ printf \"%s%s\" \"\\xc3\" \"\\xa9\" | toJson }}", "\"é\""),
    ]
}
