import XCTest
import GoValues
@testable import TemplateEngine

/// Go's fmt verbs over template values (expected strings as Go prints them).
final class PrintfTests: XCTestCase {
    static let list: Value = .list([.float(1), .string("x"), .null, .float(2.5)])
    static let map: Value = .map(["b": .list([.string("x")]), "a": .float(1)])

    static let cases: [(String, [Value], String)] = [
        ("%v %v %v %v", [.int(1), .float(1.5), .string("s"), .bool(true)], "1 1.5 s true"),
        ("%v", [.null], "<nil>"),
        ("%v|%s|%d", [list, list, list], "[1 x <nil> 2.5]|[%!s(float64=1) x <nil> %!s(float64=2.5)]|[%!d(float64=1) %!d(string=x) <nil> %!d(float64=2.5)]"),
        ("%v", [map], "map[a:1 b:[x]]"),
        ("%q", [.list([.string("a"), .string("b")])], "[\"a\" \"b\"]"),
        ("%5.2f|%-5d|%05d|%x|%X|%o|%b", [.float(3.14159), .int(42), .int(42), .int(255), .int(255), .int(8), .int(5)],
         " 3.14|42   |00042|ff|FF|10|101"),
        ("%e|%E|%g|%.3g|%8.3e", [.float(1234.5678), .float(1234.5678), .float(0.00001234), .float(1234.5678), .float(1234.5)],
         "1.234568e+03|1.234568E+03|1.234e-05|1.23e+03|1.234e+03"),
        ("%q|%c|%U|%#U|%+d|% d|%#x|%#o", [.string("hi\n"), .int(65), .int(65), .int(65), .int(5), .int(5), .int(255), .int(8)],
         "\"hi\\n\"|A|U+0041|U+0041 'A'|+5| 5|0xff|010"),
        ("%t|%t", [.bool(false), .int(1)], "false|%!t(int=1)"),
        // `%+v` means field names: no sign on numbers (`%+d` keeps it); int64 prints as int.
        ("%+v|%+v|%+v|%+v|%+d|%+v", [.int(1), .float(1.5), .list([.int64(1), .int(-1)]), .map(["a": .int64(1)]), .int64(1), .nilList],
         "1|1.5|[1 -1]|map[a:1]|+1|[]"),
        ("%s %d %T %v", [.int64(1), .int64(-2), .int64(3), .list([.nilList, .list([])])], "%!s(int64=1) -2 int64 [[] []]"),
        // `%#v`: Go syntax for strings, lists, maps and nil elements; numbers as for `%v`.
        ("%#v|%#v|%#v|%#v|%#v|%#v", [.int(1), .string("s"), .int64(2), .float(1.5), .bool(true), .nilList],
         "1|\"s\"|2|1.5|true|[]interface {}(nil)"),
        ("%#v", [.list([.int(1), .string("a"), .null, .list([]), .nilList, .map(["b": .int(2), "a": .null]), .float(1e6), .float(1)])],
         "[]interface {}{1, \"a\", interface {}(nil), []interface {}{}, []interface {}(nil), map[string]interface {}{\"a\":interface {}(nil), \"b\":2}, 1e+06, 1}"),
        ("%#v|%#8v|%-#6v|%#v", [.map(["k": .list([.string("x")])]), .string("ab"), .int(12), .null],
         "map[string]interface {}{\"k\":[]interface {}{\"x\"}}|    \"ab\"|12    |<nil>"),
        ("%s %d", [.int(1), .string("x")], "%!s(int=1) %!d(string=x)"),
        ("%d %s", [], "%!d(MISSING) %!s(MISSING)"),
        ("%z", [.int(1)], "%!z(int=1)"),
        ("%!", [], "%!!(MISSING)"),
        ("%", [], "%!(NOVERB)"),
        ("%d", [.int(1), .int(2), .null], "1%!(EXTRA int=2, <nil>)"),
        ("%s", [.null], "%!s(<nil>)"),
        ("%.2f", [.int(1)], "%!f(int=01)"),
        // Explicit argument indexes (expectations printed by Helm v4.1.4).
        ("%[2]d %[1]s", [.string("a"), .int(2)], "2 a"),
        ("%[3]d|%[0]d|%[x]d|%[2]*[1]d|%[1]*d|%[2]d %d|%.[2]d|%[1]2d|%[1].2f|%[2]|%[1", [.int(5), .int(7)],
         "%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)|      5|    7|7 %!d(MISSING)|7|%!d(BADINDEX)|%!f(BADINDEX)|%!|(int=7)%!(NOVERB)"),
        ("%d %d %[1]d %d", [.int(1), .int(2)], "1 2 1 2"),
        ("%[5]d %d", [.int(1), .int(2)], "%!d(BADINDEX) 1"),
        ("%[1]*.[2]*[3]f|", [.int(8), .int(2), .float(3.14159)], "    3.14|"),
        ("%3.[2]d", [.int(1), .int(2)], "  2"),
        ("%[]d %[-1]d %[1]", [.int(1)], "%!d(BADINDEX) %!d(BADINDEX) %!(NOVERB)"),
        ("%6.2v|", [.float(3.14159)], "   3.1|"),
        ("%x %b", [.float(3.5), .float(1)], "0x1.cp+01 4503599627370496p-52"),
        ("%g %v %v %v", [.float(100000000), .float(1e21), .float(123456789), .float(0.0001)], "1e+08 1e+21 1.23456789e+08 0.0001"),
        ("[%8s][%-8s][%.2s][%08.3f][%-8.2f][%+.1e]", [.string("abc"), .string("abc"), .string("abc"), .float(3.14159), .float(2.5), .float(12345.678)],
         "[     abc][abc     ][ab][0003.142][2.50    ][+1.2e+04]"),
        ("%x|% x|%X|%#x", [.string("hi"), .string("hi"), .string("hi"), .string("hi")], "6869|68 69|6869|0x6869"),
        ("%*d|%-*d|%.*f", [.int(5), .int(1), .int(4), .int(2), .int(2), .float(3.14159)], "    1|2   |3.14"),
        ("%T %T %T %T %T %T", [.int(1), .float(1), .string(""), .bool(true), list, map], "int float64 string bool []interface {} map[string]interface {}"),
        ("%T", [.null], "<nil>"),
        ("%%|%5%", [], "%|%"),
        ("%+q %q", [.string("é"), .string("✓\u{a0}")], "\"\\u00e9\" \"✓\\u00a0\""),
        ("%05s|%-05d|%+.2f|% .2f", [.string("ab"), .int(3), .float(-1.005), .float(2)], "000ab|3    |-1.00| 2.00"),
        ("%d|%x", [.int(-255), .int(-255)], "-255|-ff"),
        ("%v %v", [.float(.infinity), .float(-.infinity)], "+Inf -Inf"),
        ("%.0f %.1f %.3e", [.float(2.5), .float(0.05), .float(0)], "2 0.1 0.000e+00"),
    ]

    func testSprintfTable() {
        for (format, args, expected) in Self.cases {
            XCTAssertEqual(GoPrintf.sprintf(format, args), expected, format)
        }
    }

    func testSprintAndSprintln() {
        XCTAssertEqual(GoPrintf.sprint([.int(1), .int(2), .string("a"), .string("b"), .int(3), .null]), "1 2ab3 <nil>")
        XCTAssertEqual(GoPrintf.sprint([.string("a"), .int(1), .string("b")]), "a1b")
        XCTAssertEqual(GoPrintf.sprintln([.int(1), .string("a")]), "1 a\n")
        XCTAssertEqual(GoPrintf.sprint([]), "")
    }
}
