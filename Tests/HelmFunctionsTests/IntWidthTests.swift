import HelmFunctions
import TemplateEngine
import XCTest
import GoValues

/// Go `int` and `int64` as templates observe them. Every expectation was produced by Helm v4.1.4
/// rendering the same template with `--set w=3 --set zero=0 --set 'ports={80,443}'` (the data
/// below: `--set` integers are Go `int64`).
final class IntWidthTests: XCTestCase {
    static let data: Value = .map([
        "Values": .map([
            "w": .int64(3), "zero": .int64(0), "ports": .list([.int64(80), .int64(443)]), "file": .float(3),
        ]),
    ])

    static let cases: [(template: String, expected: String)] = [
        // Where each width comes from.
        ("{{ typeOf 1 }} {{ typeOf (len \"ab\") }} {{ typeOf (atoi \"3\") }} {{ typeOf (int 4) }}", "int int int int"),
        ("{{ typeOf (index (until 3) 1) }} {{ typeOf (first (untilStep 0 3 1)) }} {{ typeOf (default 7 nil) }}", "int int int"),
        ("{{ typeOf .Values.w }} {{ typeOf (index .Values.ports 0) }} {{ typeOf .Values.file }}", "int64 int64 float64"),
        ("{{ typeOf (int64 5) }} {{ typeOf (toDecimal \"17\") }} {{ typeOf (add) }} {{ typeOf (add1 1) }}", "int64 int64 int64 int64"),
        ("{{ typeOf (sub 3 1) }} {{ typeOf (mul 2 2) }} {{ typeOf (div 4 2) }} {{ typeOf (mod 5 2) }}", "int64 int64 int64 int64"),
        ("{{ typeOf (max 1 2) }} {{ typeOf (min 1 2) }} {{ typeOf (biggest 1 2) }} {{ typeOf (mul 1.5 2) }}", "int64 int64 int64 int64"),
        ("{{ typeOf (round 1.5 0) }} {{ typeOf (floor 1.5) }} {{ typeOf (ceil 1.5) }} {{ typeOf (float64 (int64 1)) }}", "float64 float64 float64 float64"),
        ("{{ kindOf .Values.w }} {{ kindOf 1 }} {{ printf \"%T %T\" (add 1 1) 2 }}", "int64 int int64 int"),
        ("{{ typeIs \"int64\" .Values.w }} {{ kindIs \"int\" .Values.w }} {{ typeIsLike \"int64\" (add 1 1) }}", "true false true"),
        ("{{ typeOf (ternary (int64 1) 2 true) }} {{ typeOf (tpl \"{{ .Values.w }}\" .) }}", "int64 string"),
        // Ranges: indexes are ints; over an integer, the values have its type.
        ("{{ range $i := .Values.w }}{{ typeOf $i }}:{{ $i }} {{ end }}", "int64:0 int64:1 int64:2 "),
        ("{{ range $i := 2 }}{{ typeOf $i }} {{ end }}", "int int "),
        ("{{ range $i, $e := .Values.ports }}{{ typeOf $i }}/{{ typeOf $e }} {{ end }}", "int/int64 int/int64 "),
        // reflect.DeepEqual tells the widths apart.
        ("{{ deepEqual 1 (int64 1) }} {{ deepEqual (add 1 0) (int64 1) }} {{ deepEqual .Values.w 3 }} {{ deepEqual .Values.w (add 1 2) }}", "false true false true"),
        ("{{ deepEqual (list 1) (list (int64 1)) }} {{ deepEqual (dict \"a\" .Values.w) (dict \"a\" (int64 3)) }}", "false true"),
        ("{{ has 80 .Values.ports }} {{ has (int64 80) .Values.ports }} {{ mustHas 3 (list .Values.w) }}", "false true false"),
        ("{{ without .Values.ports 80 | toJson }} {{ without .Values.ports (int64 80) | toJson }} {{ without (list 1 (int64 1) 2) 1 | toJson }}", "[80,443] [443] [1,2]"),
        ("{{ uniq (list 1 (int64 1) 1 .Values.w 3 (add 2 1)) | toJson }}", "[1,1,3,3]"),
        // Comparison, truth and printing do not.
        ("{{ eq 1 (int64 1) }} {{ eq .Values.w 3 }} {{ ne (add 1 1) 2 }} {{ lt .Values.w 4 }} {{ le 3 .Values.w }} {{ gt (len \"ab\") (int64 1) }}", "true true false true true true"),
        ("{{ empty .Values.zero }} {{ default \"d\" .Values.zero }} {{ if .Values.zero }}y{{ else }}n{{ end }}", "true d n"),
        ("{{ .Values.w }} {{ add 1 1 }} {{ list 1 (int64 1) .Values.w | toJson }} {{ dict \"a\" .Values.w | toYaml | trim }}", "3 2 [1,1,3] a: 3"),
        ("{{ quote .Values.w }} {{ toString (add 1 1) }} {{ print .Values.w 2 }} {{ join \",\" .Values.ports }}", "\"3\" 2 3 2 80,443"),
        ("{{ printf \"%d|%5d|%x|%v|%s|%e\" .Values.w .Values.w (int64 255) (add 1 1) (int64 6) (int64 7) }}", "3|    3|ff|2|%!s(int64=6)|%!e(int64=7)"),
        ("{{ printf \"%*d|%.*f|%c|%q|%U\" .Values.w 1 (add 1 1) 1.0 (int64 65) (int64 65) (int64 65) }}", "  1|1.00|A|'A'|U+0041"),
        // Indexes of either width.
        ("{{ index (list \"a\" \"b\" \"c\" \"d\") .Values.w }} {{ index .Values.ports (sub 2 1) }} {{ slice (list 1 2 3) (int64 1) (add 1 1) }}", "d 443 [2]"),
    ]

    /// Go `int` parameters refuse an `int64` (and Go reports where the argument's evaluation ended).
    static let errors: [(template: String, expected: String)] = [
        ("{{ until (add 1 2) }}",
         "template: t:1:16: executing \"t\" at <2>: wrong type for value; expected int; got int64"),
        ("{{ until .Values.w }}",
         "template: t:1:16: executing \"t\" at <.Values.w>: wrong type for value; expected int; got int64"),
        ("{{ trunc (int64 2) \"abc\" }}",
         "template: t:1:16: executing \"t\" at <2>: wrong type for value; expected int; got int64"),
        ("{{ until (len \"ab\" | float64) }}",
         "template: t:1:21: executing \"t\" at <float64>: wrong type for value; expected int; got float64"),
        ("{{ add 1 2 | until }}",
         "template: t:1:13: executing \"t\" at <until>: wrong type for value; expected int; got int64"),
        ("{{ eq .Values.w 3.0 }}",
         "template: t:1:3: executing \"t\" at <eq .Values.w 3.0>: error calling eq: incompatible types for comparison: int64 and float64"),
        ("{{ eq (list 1) (list 1) }}",
         "template: t:1:3: executing \"t\" at <eq (list 1) (list 1)>: error calling eq: non-comparable type [%!s(int=1)]: []interface {}"),
    ]

    func testWidthsAsHelmSeesThem() {
        TemplateTable.assertOutputs(Self.cases, data: Self.data)
    }

    func testIntParametersRefuseInt64() {
        TemplateTable.assertErrors(Self.errors, data: Self.data)
    }

    /// The two widths are different values (Go's `reflect.DeepEqual`) with one printed form.
    func testValueEqualityAndPrinting() {
        XCTAssertNotEqual(Value.int(1), Value.int64(1))
        XCTAssertEqual(Value.int64(1), Value.int64(1))
        XCTAssertEqual(Value.int64(-7).integer, -7)
        XCTAssertEqual(Value.int(7).integer, 7)
        XCTAssertNil(Value.float(7).integer)
        XCTAssertEqual(GoTypes.typeName(.int64(1)), "int64")
        XCTAssertEqual(GoTypes.kindName(.int64(1)), "int64")
        XCTAssertEqual(GoFormat.value(.list([.int(1), .int64(1)])), "[1 1]")
        XCTAssertEqual(GoJSON.encode(.list([.int(1), .int64(-1)])), "[1,-1]")
        XCTAssertTrue(GoTypes.isEmpty(.int64(0)))
        XCTAssertFalse(GoTypes.isEmpty(.int64(2)))
    }
}
