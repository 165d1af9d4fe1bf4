import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// List functions, table-driven. Every expectation was produced by Helm v4.1.4 rendering
/// `{{ $r := FN ARGS }}{{ kindOf $r }}:{{ $r | toString }}` (Go's `int` and `int64`: see
/// `IntWidthTests`).
final class ListFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases(ListFunctionTests.cases)
    }

    static let cases: [FunctionCase] = [
        ("list", [.int(1), .string("a"), .null], .ok("slice:[1 a <nil>]")),
        ("list", [], .ok("slice:[]")),
        ("append", [.list([.int(1), .int(2)]), .int(3)], .ok("slice:[1 2 3]")),
        ("append", [.list([]), .null], .ok("slice:[<nil>]")),
        ("append", [.string("abc"), .int(1)], .call("Cannot push on type string")),
        ("prepend", [.list([.int(1), .int(2)]), .int(0)], .ok("slice:[0 1 2]")),
        ("prepend", [.int(5), .int(1)], .call("Cannot prepend on type int")),
        ("first", [.list([.int(1), .int(2), .int(3)])], .ok("int:1")),
        ("first", [.list([])], .ok("invalid:<nil>")),
        ("first", [.string("abc")], .call("Cannot find first on type string")),
        ("first", [.null], .call("runtime error: invalid memory address or nil pointer dereference")),
        ("last", [.list([.int(1), .int(2), .int(3)])], .ok("int:3")),
        ("last", [.list([])], .ok("invalid:<nil>")),
        ("rest", [.list([.int(1), .int(2), .int(3)])], .ok("slice:[2 3]")),
        ("rest", [.list([])], .ok("slice:[]")),
        ("rest", [.list([.int(1)])], .ok("slice:[]")),
        ("initial", [.list([.int(1), .int(2), .int(3)])], .ok("slice:[1 2]")),
        ("initial", [.list([])], .ok("slice:[]")),
        ("reverse", [.list([.int(1), .int(2), .int(3)])], .ok("slice:[3 2 1]")),
        ("reverse", [.list([])], .ok("slice:[]")),
        ("reverse", [.string("abc")], .call("Cannot find reverse on type string")),
        ("compact", [.list([.int(1), .int(0), .string(""), .null, .bool(false), .string("a"), .list([]), .map([:]), .float(2.5), .float(0.0)])], .ok("slice:[1 a 2.5]")),
        ("uniq", [.list([.int(1), .int(2), .int(1), .string("1"), .float(1.0), .int(2), .list([.int(1)]), .list([.int(1)])])], .ok("slice:[1 2 1 1 [1]]")),
        ("without", [.list([.int(1), .int(2), .int(3), .int(2), .int(1)]), .int(1), .int(2)], .ok("slice:[3]")),
        ("without", [.list([.int(1), .int(2)])], .ok("slice:[1 2]")),
        ("has", [.int(2), .list([.int(1), .int(2), .int(3)])], .ok("bool:true")),
        ("has", [.string("2"), .list([.int(1), .int(2), .int(3)])], .ok("bool:false")),
        ("has", [.float(1.0), .list([.int(1), .int(2)])], .ok("bool:false")),
        ("has", [.int(1), .null], .ok("bool:false")),
        ("has", [.int(1), .string("abc")], .call("Cannot find has on type string")),
        ("concat", [.list([.int(1), .int(2)]), .list([.int(3)]), .list([])], .ok("slice:[1 2 3]")),
        ("concat", [], .ok("slice:[]")),
        ("concat", [.list([]), .list([])], .ok("slice:[]")),
        ("concat", [.list([.int(1)]), .int(2)], .call("Cannot concat type int as list")),
        ("sortAlpha", [.list([.string("b"), .string("a"), .string("C"), .int(10), .int(2), .string("é")])], .ok("slice:[10 2 C a b é]")),
        ("sortAlpha", [.string("x")], .ok("slice:[x]")),
        ("sortAlpha", [.int(5)], .ok("slice:[5]")),
        ("until", [.int(3)], .ok("slice:[0 1 2]")),
        ("until", [.int(0)], .ok("slice:[]")),
        ("until", [.int(-3)], .ok("slice:[0 -1 -2]")),
        ("untilStep", [.int(0), .int(10), .int(3)], .ok("slice:[0 3 6 9]")),
        ("untilStep", [.int(10), .int(0), .int(-3)], .ok("slice:[10 7 4 1]")),
        ("untilStep", [.int(0), .int(10), .int(-1)], .ok("slice:[]")),
        ("untilStep", [.int(10), .int(0), .int(2)], .ok("slice:[]")),
        ("untilStep", [.int(0), .int(10), .int(0)], .ok("slice:[]")),
        ("seq", [.int(3)], .ok("string:1 2 3")),
        ("seq", [.int(0)], .ok("string:1 0")),
        ("seq", [.int(2), .int(5)], .ok("string:2 3 4 5")),
        ("seq", [.int(5), .int(2)], .ok("string:5 4 3 2")),
        ("seq", [.int(1), .int(2), .int(7)], .ok("string:1 3 5 7")),
        ("seq", [.int(7), .int(-2), .int(1)], .ok("string:7 5 3 1")),
        ("seq", [.int(7), .int(2), .int(1)], .ok("string:")),
        ("seq", [], .ok("string:")),
        ("chunk", [.int(2), .list([.int(1), .int(2), .int(3), .int(4), .int(5)])], .ok("slice:[[1 2] [3 4] [5]]")),
        ("chunk", [.int(2), .list([])], .ok("slice:[]")),
        ("chunk", [.int(3), .list([.int(1), .int(2), .int(3)])], .ok("slice:[[1 2 3]]")),
        ("slice", [.list([.int(1), .int(2), .int(3), .int(4)]), .int(1), .int(3)], .ok("slice:[2 3]")),
        ("slice", [.list([.int(1), .int(2), .int(3), .int(4)]), .int(2)], .ok("slice:[3 4]")),
        ("slice", [.list([.int(1), .int(2), .int(3), .int(4)])], .ok("slice:[1 2 3 4]")),
        ("slice", [.list([])], .ok("invalid:<nil>")),
        ("tuple", [.int(1), .int(2)], .ok("slice:[1 2]")),
    ]
}
