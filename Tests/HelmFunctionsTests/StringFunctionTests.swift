import HelmFunctions
import TemplateEngine
import XCTest
import GoValues

/// String functions, table-driven. Every expectation was produced by Helm v4.1.4 rendering
/// `{{ $r := FN ARGS }}{{ kindOf $r }}:{{ $r | toString }}` (Go's `int` and `int64`: see
/// `IntWidthTests`).
final class StringFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases(StringFunctionTests.cases)
    }

    static let cases: [FunctionCase] = [
        ("trim", [.string("  a b \n\t")], .ok("string:a b")),
        ("trim", [.string("  x ")], .ok("string:x")),
        ("upper", [.string("abcÄöß")], .ok("string:ABCÄÖß")),
        ("lower", [.string("ABC ÄÖ")], .ok("string:abc äö")),
        ("title", [.string("hello wOrld foo_bar a-b 1st")], .ok("string:Hello WOrld Foo_bar A-B 1st")),
        ("untitle", [.string("Hello World")], .ok("string:hello world")),
        ("nospace", [.string(" a b\tc\nd ")], .ok("string:abcd")),
        // Go's simple case mappings (one scalar for one), and goutils' byte-wise space removal.
        ("upper", [.string("ᾀ ᾳ ῃ ῳ ß ﬀ ǰ ΐ և ŉ ᾈ")], .ok("string:ᾈ ᾼ ῌ ῼ ß ﬀ ǰ ΐ և ŉ ᾈ")),
        ("lower", [.string("İ ᾈ ᾼ Ϊ́ K Å")], .ok("string:i ᾀ ᾳ ΐ k å")),
        ("title", [.string("ᾀa ßa ﬀa ǰa և")], .ok("string:ᾈa ßa ﬀa ǰa և")),
        ("nospace", [.string("é x")], .ok("string:Ã©x")),
        ("nospace", [.string("é")], .ok("string:é")),
        ("nospace", [.string("a\u{00A0}b")], .ok("string:aÂb")),
        ("trimAll", [.string("$"), .string("$$5.00$")], .ok("string:5.00")),
        ("trimAll", [.string("ab"), .string("abcba")], .ok("string:c")),
        ("trimPrefix", [.string("a-"), .string("a-a-b")], .ok("string:a-b")),
        ("trimSuffix", [.string("-b"), .string("a-b-b")], .ok("string:a-b")),
        ("trimPrefix", [.string(""), .string("abc")], .ok("string:abc")),
        ("contains", [.string("cat"), .string("catch")], .ok("bool:true")),
        ("contains", [.string(""), .string("x")], .ok("bool:true")),
        ("hasPrefix", [.string("ca"), .string("cat")], .ok("bool:true")),
        ("hasSuffix", [.string("at"), .string("cat")], .ok("bool:true")),
        ("hasSuffix", [.string("cat"), .string("at")], .ok("bool:false")),
        ("replace", [.string(" "), .string("-"), .string("a b  c")], .ok("string:a-b--c")),
        ("replace", [.string(""), .string("-"), .string("abc")], .ok("string:-a-b-c-")),
        ("quote", [.string("a\"b"), .int(1), .null, .float(1.5), .bool(true)], .ok("string:\"a\\\"b\" \"1\" \"1.5\" \"true\"")),
        ("quote", [.null], .ok("string:")),
        ("quote", [.string("tab\there"), .string("é"), .string(" "), .string("\u{1}")], .ok("string:\"tab\\there\" \"é\" \"\\u00a0\" \"\\x01\"")),
        ("quote", [.list([.int(1), .string("a")]), .map(["k": .string("v")])], .ok("string:\"[1 a]\" \"map[k:v]\"")),
        ("squote", [.string("a'b"), .int(2), .null], .ok("string:'a'b' '2'")),
        ("squote", [], .ok("string:")),
        ("cat", [.string("a"), .int(1), .null, .string("b"), .list([.int(1), .int(2)])], .ok("string:a 1 b [1 2]")),
        ("cat", [], .ok("string:")),
        ("indent", [.int(2), .string("a\nb\n")], .ok("string:  a\n  b\n  ")),
        ("indent", [.int(0), .string("x")], .ok("string:x")),
        ("nindent", [.int(4), .string("a\nb")], .ok("string:\n    a\n    b")),
        ("indent", [.int(-1), .string("x")], .call("strings: negative Repeat count")),
        ("trunc", [.int(3), .string("abcdef")], .ok("string:abc")),
        ("trunc", [.int(-2), .string("abcdef")], .ok("string:ef")),
        ("trunc", [.int(10), .string("abc")], .ok("string:abc")),
        ("trunc", [.int(-10), .string("abc")], .ok("string:abc")),
        ("trunc", [.int(0), .string("abc")], .ok("string:")),
        ("repeat", [.int(3), .string("ab")], .ok("string:ababab")),
        ("repeat", [.int(0), .string("ab")], .ok("string:")),
        ("repeat", [.int(-1), .string("ab")], .call("strings: negative Repeat count")),
        ("join", [.string(","), .list([.string("a"), .int(1), .null, .float(2.5), .bool(true)])], .ok("string:a,1,2.5,true")),
        ("join", [.string("-"), .string("abc")], .ok("string:abc")),
        ("join", [.string(","), .null], .ok("string:")),
        ("join", [.string(", "), .list([])], .ok("string:")),
        ("splitList", [.string(","), .string("a,b,,c")], .ok("slice:[a b  c]")),
        ("splitList", [.string(""), .string("abc")], .ok("slice:[a b c]")),
        ("splitList", [.string(","), .string("")], .ok("slice:[]")),
        ("split", [.string("."), .string("a.b.c")], .ok("map:map[_0:a _1:b _2:c]")),
        ("splitn", [.string("."), .int(2), .string("a.b.c")], .ok("map:map[_0:a _1:b.c]")),
        ("toString", [.int(12)], .ok("string:12")),
        ("toString", [.float(1.5)], .ok("string:1.5")),
        ("toString", [.null], .ok("string:<nil>")),
        ("toString", [.list([.int(1), .string("a")])], .ok("string:[1 a]")),
        ("toString", [.float(1000000.0)], .ok("string:1e+06")),
        ("toString", [.float(0.0001)], .ok("string:0.0001")),
        ("toStrings", [.list([.int(1), .null, .string("a"), .float(2.5)])], .ok("slice:[1 a 2.5]")),
        ("toStrings", [.string("x")], .ok("slice:[x]")),
        ("substr", [.int(1), .int(3), .string("abcdef")], .ok("string:bc")),
        ("substr", [.int(-1), .int(2), .string("abcdef")], .ok("string:ab")),
        ("substr", [.int(2), .int(-1), .string("abcdef")], .ok("string:cdef")),
        ("substr", [.int(-1), .int(12), .string("abcdefg")], .call("runtime error: slice bounds out of range [:12] with length 7")),
        ("substr", [.int(-1), .int(-2), .string("abcdefg")], .call("runtime error: slice bounds out of range [:-2]")),
        ("substr", [.int(5), .int(3), .string("abcdefg")], .call("runtime error: slice bounds out of range [5:3]")),
        ("substr", [.int(2), .int(99), .string("abcdef")], .ok("string:cdef")),
        ("abbrev", [.int(5), .string("hello world")], .ok("string:he...")),
        ("abbrev", [.int(3), .string("hello")], .ok("string:hello")),
        ("plural", [.string("one"), .string("many"), .int(1)], .ok("string:one")),
        ("plural", [.string("one"), .string("many"), .int(2)], .ok("string:many")),
        ("initials", [.string("hello big world")], .ok("string:hbw")),
        ("upper", [.string("a"), .string("b")], .argument("wrong number of args for upper: want 1 got 2")),
        ("contains", [.string("a")], .argument("wrong number of args for contains: want 2 got 1")),
        ("trim", [.list([])], .argument("wrong type for value; expected string; got []interface {}")),
    ]
}

/// What a function call should give: `kind:value` (Go's `kindOf` and `toString` of the
/// result), or an error of the engine's two kinds with its message.
enum FunctionOutcome: Equatable, CustomStringConvertible {
    case ok(String)
    case call(String)
    case argument(String)

    var description: String {
        switch self {
        case .ok(let s): return "ok(\(s.debugDescription))"
        case .call(let s): return "call(\(s.debugDescription))"
        case .argument(let s): return "argument(\(s.debugDescription))"
        }
    }
}

typealias FunctionCase = (name: String, args: [Value], expected: FunctionOutcome)

/// Calls `SprigFunctions.table[name]` (or Helm's table) with the arguments and compares.
func outcome(of name: String, _ args: [Value]) -> FunctionOutcome? {
    guard let fn = SprigFunctions.table[name] ?? HelmTemplateFunctions.table[name] else { return nil }
    do {
        let v = try fn(args)
        return .ok(GoTypes.kindName(v) + ":" + GoTypes.stringValue(v))
    } catch let e as FunctionError {
        return e.kind == .call ? .call(e.message) : .argument(e.message)
    } catch {
        return .call("unexpected error \(error)")
    }
}

func assertFunctionCases(_ cases: [FunctionCase], file: StaticString = #filePath, line: UInt = #line) {
    for c in cases {
        guard let got = outcome(of: c.name, c.args) else {
            XCTFail("function \(c.name) is not in the table", file: file, line: line)
            continue
        }
        XCTAssertEqual(got, c.expected, "\(c.name) \(c.args)", file: file, line: line)
    }
}

/// Go's conversion of runtime values to typed parameters (values from files, results of other
/// functions); Helm prints these messages without `error calling`.
final class ArgumentConversionFunctionTests: XCTestCase {
    func testTypedParametersRefuseOtherTypes() {
        assertFunctionCases([
            ("upper", [.float(1.5)], .argument("wrong type for value; expected string; got float64")),
            ("upper", [.null], .argument("wrong type for value; expected string; got interface {}")),
            ("indent", [.float(3), .string("x")], .argument("wrong type for value; expected int; got float64")),
            ("get", [.list([]), .string("a")], .argument("wrong type for value; expected map[string]interface {}; got []interface {}")),
            ("ternary", [.string("a"), .string("b"), .string("true")], .argument("wrong type for value; expected bool; got string")),
            ("trunc", [.string("3"), .string("abc")], .argument("wrong type for value; expected int; got string")),
        ])
    }

    func testRegexCompileErrorsNameThePattern() {
        // Messages as helm 4.1.4 prints them.
        assertFunctionCases([
            ("regexFind", [.string("("), .string("a")], .call("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`")),
            ("regexFind", [.string("a)"), .string("a")], .call("regexp: Compile(`a)`): error parsing regexp: unexpected ): `a)`")),
            ("regexFind", [.string("x[a-"), .string("a")], .call("regexp: Compile(`x[a-`): error parsing regexp: missing closing ]: `[a-`")),
            ("regexFind", [.string("[)]"), .string(")")], .ok("string:)")),
            ("regexFind", [.string("\\("), .string("(")], .ok("string:(")),
        ])
        XCTAssertEqual(outcome(of: "regexMatch", [.string("("), .string("a")]), .ok("bool:false"))
    }

    func testEveryRequiredFunctionIsRegistered() {
        let required = """
            default empty coalesce ternary quote squote indent nindent trim trimAll trimPrefix trimSuffix upper lower \
            title replace contains hasPrefix hasSuffix trunc repeat nospace cat join splitList split list dict get set \
            unset hasKey keys values pick omit merge mergeOverwrite deepCopy append prepend concat first last rest \
            initial has without uniq compact sortAlpha reverse until untilStep add add1 sub mul div mod max min int \
            int64 float64 toString toStrings atoi b64enc b64dec sha256sum regexMatch regexFind regexReplaceAll \
            regexSplit kindIs kindOf typeOf dig semverCompare
            """
        for name in required.split(separator: " ") {
            XCTAssertNotNil(SprigFunctions.table[String(name)], String(name))
        }
        for name in ["toYaml", "fromYaml", "toJson", "fromJson", "toPrettyJson", "lookup"] {
            XCTAssertNotNil(HelmTemplateFunctions.table[name], name)
        }
        XCTAssertNil(SprigFunctions.table["env"], "Helm removes env")
        XCTAssertNil(SprigFunctions.table["expandenv"], "Helm removes expandenv")
    }
}
