import HelmFunctions
import TemplateEngine
import XCTest
import GoValues
import YAML

/// Go's nil `[]interface{}` as templates observe it. Every expectation was produced by Helm
/// v4.1.4 rendering the same template (`.Values.empty` is `[]` from a values file).
final class NilListTests: XCTestCase {
    static let data: Value = .map(["Values": .map(["empty": .list([]), "one": .list([.float(1)])])])

    static let cases: [(template: String, expected: String)] = [
        // What returns a nil slice (toJson null), and what an empty one.
        ("{{ rest list | toJson }} {{ initial list | toJson }} {{ mustRest list | toJson }} {{ mustInitial list | toJson }}", "null null null null"),
        ("{{ rest (list 1) | toJson }} {{ initial .Values.one | toJson }} {{ rest .Values.empty | toJson }}", "[] [] null"),
        ("{{ concat | toJson }} {{ concat list list | toJson }} {{ concat .Values.empty | toJson }} {{ concat list (list 1) | toJson }}", "null null null [1]"),
        ("{{ regexSplit \"a\" \"bab\" 0 | toJson }} {{ regexFindAll \"a\" \"bab\" 0 | toJson }} {{ regexFindAll \"z\" \"bab\" -1 | toJson }}", "null null null"),
        ("{{ regexSplit \"x\" \"\" -1 | toJson }} {{ regexFindAll \"a\" \"bab\" 5 | toJson }} {{ mustRegexFindAll \"z\" \"\" -1 | toJson }}", "[\"\"] [\"a\"] null"),
        ("{{ compact list | toJson }} {{ without (list 1) 1 | toJson }} {{ uniq list | toJson }} {{ reverse list | toJson }}", "[] [] [] []"),
        ("{{ append (rest list) 1 | toJson }} {{ prepend (concat) 2 | toJson }} {{ sortAlpha (concat) | toJson }} {{ chunk 2 (concat) | toJson }}", "[1] [2] [] []"),
        // Nested: kept through dicts, lists and the functions that hand values on.
        ("{{ dict \"a\" (rest list) \"b\" list | toJson }} {{ list (concat) (list) | toJson }}", "{\"a\":null,\"b\":[]} [null,[]]"),
        ("{{ $d := dict }}{{ $_ := set $d \"x\" (rest list) }}{{ toJson $d }} {{ get $d \"x\" | toJson }} {{ pluck \"x\" $d | toJson }}", "{\"x\":null} null [null]"),
        ("{{ deepCopy (dict \"a\" (rest list)) | toJson }} {{ mergeOverwrite (dict \"a\" (list 1)) (dict \"a\" (rest list)) | toJson }}", "{\"a\":null} {\"a\":null}"),
        ("{{ merge (dict \"a\" (rest list)) (dict \"a\" (list 1)) | toJson }} {{ default (rest list) nil | toJson }} {{ ternary (concat) 1 true | toJson }}", "{\"a\":[1]} null null"),
        ("{{ dict \"a\" (rest list) \"c\" list | toYaml | trim }}|{{ list (rest list) | toYaml | trim }}", "a: null\nc: []|- null"),
        ("{{ toPrettyJson (dict \"a\" (concat)) }} {{ toRawJson (rest list) }} {{ mustToJson (list (rest list)) }}", "{\n  \"a\": null\n} null [null]"),
        // Everything else sees an empty list.
        ("{{ typeOf (rest list) }} {{ kindOf (concat) }} {{ len (concat) }} {{ empty (rest list) }} {{ empty (list (rest list)) }}", "[]interface {} slice 0 true false"),
        ("{{ rest list }} {{ print (concat) (concat) }} {{ printf \"%v|%s|%d|%T\" (list (rest list)) (rest list) (rest list) (rest list) }} {{ toString (concat) }}", "[] [] [] [[]]|[]|[]|[]interface {} []"),
        ("{{ range rest list }}x{{ else }}none{{ end }} {{ if concat }}t{{ else }}f{{ end }} {{ with rest list }}w{{ else }}nw{{ end }}", "none f nw"),
        ("{{ first (concat) | toJson }} {{ join \"-\" (concat) }}|{{ coalesce (rest list) 1 }} {{ slice (concat) 0 0 | toJson }}", "null |1 null"),
        // Equality: DeepEqual and eq tell nil from empty; nil equals nothing.
        ("{{ deepEqual (rest list) list }} {{ deepEqual (rest list) (concat) }} {{ has (rest list) (list (rest list)) }} {{ has list (list (rest list)) }}", "false true true false"),
        ("{{ uniq (list (rest list) (list) (rest list)) | toJson }} {{ without (list (rest list) (list)) (list) | toJson }}", "[null,[]] [null]"),
        ("{{ eq (rest list) (concat) }} {{ eq (rest list) list }} {{ eq list (rest list) }} {{ eq (rest list) nil }} {{ eq nil (concat) }} {{ eq list nil }} {{ ne (concat) nil }}", "true false false true true false false"),
    ]

    static let errors: [(template: String, expected: String)] = [
        ("{{ index (concat) 0 }}",
         "template: t:1:3: executing \"t\" at <index (concat) 0>: error calling index: reflect: slice index out of range"),
        ("{{ eq (rest list) (dict) }}",
         "template: t:1:3: executing \"t\" at <eq (rest list) (dict)>: error calling eq: non-comparable types []: []interface {}, map[string]interface {}: map[]"),
    ]

    func testNilListsAsHelmSeesThem() {
        TemplateTable.assertOutputs(Self.cases, data: Self.data)
        TemplateTable.assertErrors(Self.errors, data: Self.data)
    }

    /// The writers: encoding/json and sigs.k8s.io/yaml write null, go-yaml (`toYamlPretty`) and
    /// fmt write `[]`.
    func testWriters() {
        XCTAssertEqual(GoJSON.encode(.nilList), "null")
        XCTAssertEqual(GoJSON.encode(.map(["a": .nilList, "b": .list([])])), "{\"a\":null,\"b\":[]}")
        XCTAssertEqual(HelmYAML.toYaml(.map(["a": .nilList, "b": .list([])])), "a: null\nb: []")
        XCTAssertEqual(HelmYAML.toYaml(.list([.nilList])), "- null")
        XCTAssertEqual(HelmYAML.toYamlPretty(.map(["a": .nilList])), "a: []")
        XCTAssertEqual(GoFormat.value(.list([.nilList, .list([])])), "[[] []]")
        XCTAssertNotEqual(Value.nilList, Value.list([]))
        XCTAssertEqual(Value.nilList.listElements, [])
        XCTAssertNil(Value.null.listElements)
        XCTAssertEqual(GoTypes.kindName(.nilList), "slice")
        XCTAssertEqual(GoTypes.typeName(.nilList), "[]interface {}")
        XCTAssertTrue(GoTypes.isEmpty(.nilList))
    }
}
