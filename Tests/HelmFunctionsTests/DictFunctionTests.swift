import HelmFunctions
import TemplateEngine
import XCTest
import GoValues

/// Dict functions, table-driven. Every expectation was produced by Helm v4.1.4 rendering
/// `{{ $r := FN ARGS }}{{ kindOf $r }}:{{ $r | toString }}` (Go's `int` and `int64`: see
/// `IntWidthTests`).
final class DictFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases(DictFunctionTests.cases)
    }

    static let cases: [FunctionCase] = [
        ("dict", [.string("a"), .int(1), .string("b"), .string("x")], .ok("map:map[a:1 b:x]")),
        ("dict", [.string("a")], .ok("map:map[a:]")),
        ("dict", [], .ok("map:map[]")),
        ("dict", [.int(1), .int(2), .null, .int(3), .bool(true), .int(4)], .ok("map:map[1:2 <nil>:3 true:4]")),
        ("get", [.map(["a": .int(1)]), .string("a")], .ok("int:1")),
        ("get", [.map(["a": .int(1)]), .string("b")], .ok("string:")),
        ("get", [.map(["a": .null]), .string("a")], .ok("invalid:<nil>")),
        ("get", [.null, .string("a")], .ok("string:")),
        ("set", [.map(["a": .int(1)]), .string("b"), .int(2)], .ok("map:map[a:1 b:2]")),
        ("set", [.map(["a": .int(1)]), .string("a"), .null], .ok("map:map[a:<nil>]")),
        ("unset", [.map(["a": .int(1), "b": .int(2)]), .string("a")], .ok("map:map[b:2]")),
        ("unset", [.map(["a": .int(1)]), .string("zz")], .ok("map:map[a:1]")),
        ("hasKey", [.map(["a": .null]), .string("a")], .ok("bool:true")),
        ("hasKey", [.map(["a": .int(1)]), .string("b")], .ok("bool:false")),
        ("pluck", [.string("a"), .map(["a": .int(1)]), .map(["b": .int(2)]), .map(["a": .int(3)])], .ok("slice:[1 3]")),
        ("pluck", [.string("a")], .ok("slice:[]")),
        ("keys", [.map(["b": .int(1), "a": .int(2), "c": .int(3)])], .ok("slice:[a b c]")),  // Go: random order; sorted here
        ("keys", [.map(["b": .int(1)]), .map(["a": .int(2), "b": .int(3)])], .ok("slice:[a b b]")),  // Go: random order; sorted here
        ("keys", [], .ok("slice:[]")),
        ("values", [.map(["b": .int(1), "a": .int(2)])], .ok("slice:[2 1]")),  // Go: random order; by sorted key here
        ("pick", [.map(["a": .int(1), "b": .int(2), "c": .int(3)]), .string("a"), .string("c"), .string("z")], .ok("map:map[a:1 c:3]")),
        ("omit", [.map(["a": .int(1), "b": .int(2), "c": .int(3)]), .string("a"), .string("z")], .ok("map:map[b:2 c:3]")),
        ("merge", [.map(["a": .string(""), "b": .int(0), "c": .bool(false), "d": .null, "e": .list([]), "f": .string("keep"), "g": .map(["x": .int(1)]), "h": .string("s")]), .map(["a": .string("x"), "b": .int(1), "c": .bool(true), "d": .int(2), "e": .list([.int(1)]), "f": .string("new"), "g": .map(["x": .int(2), "y": .int(3)]), "h": .map(["z": .int(1)]), "i": .null, "j": .int(5)])], .ok("map:map[a:x b:1 c:true d:2 e:[1] f:keep g:map[x:1 y:3] h:s j:5]")),
        ("merge", [.map(["a": .int(1)]), .map(["b": .int(2)]), .map(["a": .int(3), "c": .int(4)])], .ok("map:map[a:1 b:2 c:4]")),
        ("merge", [.map([:])], .ok("map:map[]")),
        ("mergeOverwrite", [.map(["a": .int(1), "b": .string("x"), "c": .bool(true), "d": .int(5), "e": .list([.int(1)]), "f": .map(["x": .int(1)]), "g": .string("s"), "h": .map(["q": .int(1)])]), .map(["a": .int(0), "b": .string(""), "c": .bool(false), "d": .null, "e": .list([]), "f": .map(["y": .int(2)]), "g": .map(["z": .int(1)]), "h": .string("str")])], .ok("map:map[a:0 b: c:false d:<nil> e:[] f:map[x:1 y:2] g:map[z:1] h:str]")),
        ("mergeOverwrite", [.map(["a": .map(["b": .map(["c": .int(1), "d": .int(2)])])]), .map(["a": .map(["b": .map(["c": .int(9)])])])], .ok("map:map[a:map[b:map[c:9 d:2]]]")),
        ("deepCopy", [.map(["a": .list([.int(1), .map(["b": .int(2)])])])], .ok("map:map[a:[1 map[b:2]]]")),
        ("deepCopy", [.null], .call("reflect: call of reflect.Value.Type on zero Value")),
        ("dig", [.string("a"), .string("b"), .string("def"), .map(["a": .map(["b": .int(1)])])], .ok("int:1")),
        ("dig", [.string("a"), .string("c"), .string("def"), .map(["a": .map(["b": .int(1)])])], .ok("string:def")),
        ("dig", [.string("x"), .string("def"), .map(["a": .int(1)])], .ok("string:def")),
        ("dig", [.string("a"), .string("b"), .string("def"), .map(["a": .int(1)])], .call("interface conversion: interface {} is int, not map[string]interface {}")),
        ("dig", [.string("a"), .string("def"), .list([])], .call("interface conversion: interface {} is []interface {}, not map[string]interface {}")),
        ("dig", [.string("a"), .map([:])], .call("dig needs at least three arguments")),
        ("dig", [.int(1), .string("def"), .map([:])], .call("interface conversion: interface {} is int, not string")),
        ("get", [.list([]), .string("a")], .argument("wrong type for value; expected map[string]interface {}; got []interface {}")),
    ]
}
