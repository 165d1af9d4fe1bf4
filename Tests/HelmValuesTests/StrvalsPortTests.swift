import HelmValues
import XCTest
import YAML

/// Helm's `pkg/strvals/parser_test.go`, case by case. Where Helm's table only says "error",
/// the expected error text and column are given as well (checked against the real binary
/// by `HelmParityTests`).
final class StrvalsPortTests: XCTestCase {
    typealias Case = SetCase

    func check(_ cases: [Case], kind: SetParser.Kind, initial: String = "{}") {
        checkSetCases(cases, kind: kind, initial: initial)
    }

    // TestParseSet, first table (ParseString).
    static let parseSetString: [Case] = [
        Case("long_int_string=1234567890", "{long_int_string: '1234567890'}"),
        Case("boolean=true", "{boolean: 'true'}"),
        Case("is_null=null", "{is_null: 'null'}"),
        Case("zero=0", "{zero: '0'}"),
    ]

    func testParseSetString() {
        check(Self.parseSetString, kind: .string)
    }

    // TestParseSet, second table (Parse).
    static let parseSet: [Case] = [
        Case("name1=null,f=false,t=true", "{name1: null, f: false, t: true}"),
        Case("name1=value1", "{name1: value1}"),
        Case("name1=value1,name2=value2", "{name1: value1, name2: value2}"),
        Case("name1=value1,name2=value2,", "{name1: value1, name2: value2}"),
        Case("name1=value1,,,,name2=value2,", error: #"--set:1:14: key "" has no value (cannot end with ,)"#),
        Case("name1=,name2=value2", "{name1: '', name2: value2}"),
        Case("leading_zeros=00009", "{leading_zeros: '00009'}"),
        Case("zero_int=0", "{zero_int: 0}"),
        Case("long_int=1234567890", "{long_int: 1234567890}"),
        Case("boolean=true", "{boolean: true}"),
        Case("is_null=null", "{is_null: null}"),
        Case("name1,name2=", error: #"--set:1:1: key "name1" has no value (cannot end with ,)"#),
        Case("name1,name2=value2", error: #"--set:1:1: key "name1" has no value (cannot end with ,)"#),
        Case("name1,name2=value2\\", error: #"--set:1:1: key "name1" has no value (cannot end with ,)"#),
        Case("name1,name2", error: #"--set:1:1: key "name1" has no value (cannot end with ,)"#),
        Case("name1=one\\,two,name2=three\\,four", "{name1: 'one,two', name2: 'three,four'}"),
        Case("name1=one\\=two,name2=three\\=four", "{name1: 'one=two', name2: 'three=four'}"),
        Case("name1=one two three,name2=three two one", "{name1: one two three, name2: three two one}"),
        Case("outer.inner=value", "{outer: {inner: value}}"),
        Case("outer.middle.inner=value", "{outer: {middle: {inner: value}}}"),
        Case("outer.inner1=value,outer.inner2=value2", "{outer: {inner1: value, inner2: value2}}"),
        Case("outer.inner1=value,outer.middle.inner=value", "{outer: {inner1: value, middle: {inner: value}}}"),
        Case("name1.name2", error: #"--set:1:7: key "name2" has no value"#),
        Case("name1.name2,name1.name3", error: #"--set:1:7: key "name2" has no value (cannot end with ,)"#),
        Case("name1.name2=", "{name1: {name2: ''}}"),
        Case("name1.=name2", error: #"--set:1:1: key map "name1" has no value"#),
        Case("name1.,name2", error: #"--set:1:7: key "" has no value (cannot end with ,)"#),
        Case("name1={value1,value2}", "{name1: [value1, value2]}"),
        Case("name1={value1,value2},name2={value1,value2}", "{name1: [value1, value2], name2: [value1, value2]}"),
        Case("name1={1021,902}", "{name1: [1021, 902]}"),
        Case("name1.name2={value1,value2}", "{name1: {name2: [value1, value2]}}"),
        Case("name1={1021,902", error: "--set:1:7: list must terminate with '}'"),
        // List support
        Case("list[0]=foo", "{list: [foo]}"),
        Case("list[0].foo=bar", "{list: [{foo: bar}]}"),
        Case("list[0].foo=bar,list[0].hello=world", "{list: [{foo: bar, hello: world}]}"),
        Case("list[0].foo=bar,list[-30].hello=world", error: "--set:1:22: negative -30 index not allowed"),
        Case("list[0]=foo,list[1]=bar", "{list: [foo, bar]}"),
        Case("list[0]=foo,list[1]=bar,", "{list: [foo, bar]}"),
        Case("list[0]=foo,list[3]=bar", "{list: [foo, null, null, bar]}"),
        Case("list[0]=foo,list[-20]=bar", error: "--set:1:18: negative -20 index not allowed"),
        Case("illegal[0]name.foo=bar",
             error: "--set:1:11: unexpected data at end of array index: ['n' 'a' 'm' 'e']"),
        Case("noval[0]", "{noval: []}"),
        Case("noval[0]=", "{noval: ['']}"),
        Case("nested[0][0]=1", "{nested: [[1]]}"),
        Case("nested[1][1]=1", "{nested: [null, [null, 1]]}"),
        Case("name1.name2[0].foo=bar,name1.name2[1].foo=bar", "{name1: {name2: [{foo: bar}, {foo: bar}]}}"),
        Case("name1.name2[1].foo=bar,name1.name2[0].foo=bar", "{name1: {name2: [{foo: bar}, {foo: bar}]}}"),
        Case("name1.name2[1].foo=bar", "{name1: {name2: [null, {foo: bar}]}}"),
        Case("]={}].", error: "--set:1:5: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}"),
    ]

    func testParseSet() {
        check(Self.parseSet, kind: .set)
    }

    // TestSetIndex, through the parser (Helm tests its internal setIndex directly).
    func testSetIndex() {
        check([
            Case("list[2]=2", "{list: [0, 1, 2]}"),  // short
        ], kind: .set, initial: "{list: [0, 1]}")
        check([
            Case("list[1]=2", "{list: [0, 2]}"),  // equal
        ], kind: .set, initial: "{list: [0, 1]}")
        check([
            Case("list[3]=4", "{list: [0, 1, 2, 4, 4, 5]}"),  // long
            Case("list[-1]=4", error: "--set:1:6: negative -1 index not allowed"),  // negative
            Case("list[65537]=4", error: "--set:1:6: index of 65537 is greater than maximum supported index of 65536"),  // large
        ], kind: .set, initial: "{list: [0, 1, 2, 3, 4, 5]}")
    }

    // TestParseInto
    func testParseInto() {
        let cases: [(input: String, input2: String, got: String, expect: String, line: UInt)] = [
            ("outer.inner1=value1,outer.inner3=value3,outer.inner4=4", "",
             "{outer: {inner1: overwrite, inner2: value2}}",
             "{outer: {inner1: value1, inner2: value2, inner3: value3, inner4: 4}}", #line),
            ("listOuter[0][0].type=listValue", "listOuter[0][0].status=alive", "{}",
             "{listOuter: [[{type: listValue, status: alive}]]}", #line),
            ("listOuter[0][0].type=listValue", "listOuter[1][0].status=alive", "{}",
             "{listOuter: [[{type: listValue}], [{status: alive}]]}", #line),
            ("listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive",
             "{listOuter: [[[{exited: old}]]]}",
             "{listOuter: [[[{exited: old}, {status: alive}], [{type: listValue}]]]}", #line),
        ]
        for c in cases {
            var node = yamlNode(c.got)
            XCTAssertNoThrow(try SetParser.parse(c.input, into: &node), line: c.line)
            if !c.input2.isEmpty { XCTAssertNoThrow(try SetParser.parse(c.input2, into: &node), line: c.line) }
            XCTAssertEqual(node.toValue(), yamlValue(c.expect), c.input, line: c.line)
        }
    }

    // TestParseIntoString
    func testParseIntoString() {
        check([Case("outer.inner1=1,outer.inner3=3", "{outer: {inner1: '1', inner2: value2, inner3: '3'}}")],
              kind: .string, initial: "{outer: {inner1: overwrite, inner2: value2}}")
    }

    // TestParseJSON
    func testParseJSON() {
        let cases: [(input: String, got: String, expect: String?, line: UInt)] = [
            (#"outer.inner1="1",outer.inner3=3,outer.inner4=true,outer.inner5="true""#,
             "{outer: {inner1: overwrite, inner2: value2}}",
             "{outer: {inner1: '1', inner2: value2, inner3: 3, inner4: true, inner5: 'true'}}", #line),
            (#"outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5=[{"A":"1","B":2,"C":[1,2,3]}]"#,
             "{outer: {inner1: {x: overwrite}, inner2: value2, inner3: [overwrite]}}",
             """
             {outer: {inner1: {a: '1', b: 2, c: [1, 2, 3]}, inner2: value2, inner3: [new value 1, new value 2],
                      inner4: {aa: '1', bb: 2, cc: [1, 2, 3]}, inner5: [{A: '1', B: 2, C: [1, 2, 3]}]}}
             """, #line),
            (#"outer.inner1=,outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner3.cc[1]=null"#,
             "{outer: {inner1: {x: overwrite}, inner2: value2}}",
             "{outer: {inner1: null, inner2: value2, inner3: {aa: '1', bb: 2, cc: [1, null, 3]}}}", #line),
            (#"outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5={"A":"1","B":2,"C":[1,2,3]}]"#,
             "{}", nil, #line),
        ]
        for c in cases {
            switch applySet(c.input, kind: .json, initial: c.got) {
            case .success(let got):
                guard let expect = c.expect else { XCTFail("expected an error, got \(got)", line: c.line); continue }
                XCTAssertEqual(got, floatNumbers(yamlValue(expect)), line: c.line)
            case .failure(let error):
                guard c.expect == nil else { XCTFail("unexpected error \(error)", line: c.line); continue }
                let column = c.input.unicodeScalars.count
                XCTAssertEqual(error.description, #"--set-json:1:\#(column): key "]" has no value"#, line: c.line)
            }
        }
    }

    // TestParseFile and TestParseIntoFile
    func testParseFile() {
        for initial in ["{}", "{name1: old}"] {
            var requested: [String] = []
            let result = applySet("name1=path1", kind: .file, initial: initial) { path in
                requested.append(path)
                return Array("value1".utf8)
            }
            XCTAssertEqual(try result.get(), yamlValue("{name1: value1}"))
            XCTAssertEqual(requested, ["path1"])
        }
    }

    // TestToYAML: Helm checks its YAML rendering of `name=value`; here, the parsed shape.
    func testToYAMLShape() {
        XCTAssertEqual(try applySet("name=value").get(), .map(["name": .string("value")]))
    }

    // TestParseSetNestedLevels
    func testParseSetNestedLevels() {
        let deep = (1...(SetParser.maxNestedNameLevel + 2)).map { "name\($0)" }.joined(separator: ".")
        let column = deep.range(of: "name31.")!.lowerBound.utf16Offset(in: deep) + 1
        check([
            Case("outer.middle.inner=value", "{outer: {middle: {inner: value}}}"),
            Case(deep + "=value",
                 error: "--set:1:\(column): value name nested level is greater than maximum supported nested level of 30"),
        ], kind: .set)
    }
}
