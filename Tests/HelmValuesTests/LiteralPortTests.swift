import HelmValues
import XCTest
import YAML

/// Helm's `pkg/strvals/literal_parser_test.go`, case by case (`--set-literal`).
final class LiteralPortTests: XCTestCase {
    typealias Case = SetCase

    func check(_ cases: [Case], initial: String = "{}") {
        checkSetCases(cases, kind: .literal, initial: initial)
    }

    // TestParseLiteral
    static let parseLiteral: [Case] = [
        Case("name", error: #"--set-literal:1:1: key "name" has no value"#),
        Case("name=", "{name: ''}"),
        Case("name=value", "{name: value}"),
        Case("long_int_string=1234567890", "{long_int_string: '1234567890'}"),
        Case("boolean=true", "{boolean: 'true'}"),
        Case("is_null=null", "{is_null: 'null'}"),
        Case("zero=0", "{zero: '0'}"),
        Case("name1=null,name2=value2", "{name1: 'null,name2=value2'}"),
        Case("name1=value,,,tail", "{name1: 'value,,,tail'}"),
        Case("leading_zeros=00009", "{leading_zeros: '00009'}"),
        Case("name=one two three", "{name: one two three}"),
        Case("outer.inner=value", "{outer: {inner: value}}"),
        Case("outer.middle.inner=value", "{outer: {middle: {inner: value}}}"),
        Case("name1.name2", error: #"--set-literal:1:7: key "name2" has no value"#),
        Case("name1.name2=", "{name1: {name2: ''}}"),
        Case("name1.=name2", error: #"--set-literal:1:1: key map "name1" has no value"#),
        Case("name1.,name2", error: #"--set-literal:1:7: key ",name2" has no value"#),
        Case("name1={value1,value2}", "{name1: '{value1,value2}'}"),
        // List support
        Case("list[0]=foo", "{list: [foo]}"),
        Case("list[0].foo=bar", "{list: [{foo: bar}]}"),
        Case("list[-30].hello=world", error: "--set-literal:1:6: negative -30 index not allowed"),
        Case("list[3]=bar", "{list: [null, null, null, bar]}"),
        Case("illegal[0]name.foo=bar",
             error: "--set-literal:1:11: unexpected data at end of array index: ['n' 'a' 'm' 'e']"),
        Case("noval[0]", "{noval: []}"),
        Case("noval[0]=", "{noval: ['']}"),
        Case("nested[0][0]=1", "{nested: [['1']]}"),
        Case("nested[1][1]=1", "{nested: [null, [null, '1']]}"),
        Case("name1.name2[0].foo=bar", "{name1: {name2: [{foo: bar}]}}"),
        Case("name1.name2[1].foo=bar", "{name1: {name2: [null, {foo: bar}]}}"),
        Case("name1.name2[1].foo=bar", "{name1: {name2: [null, {foo: bar}]}}"),
        Case("]={}].", #"{"]": "{}]."}"#),
        // issue test cases: , = $ ( ) { } . \ \\
        Case("name=val,val", "{name: 'val,val'}"),
        Case("name=val.val", "{name: val.val}"),
        Case("name=val=val", "{name: val=val}"),
        Case("name=val$val", "{name: val$val}"),
        Case("name=(value", "{name: (value}"),
        Case("name=value)", "{name: value)}"),
        Case("name=(value)", "{name: (value)}"),
        Case("name={value", "{name: '{value'}"),
        Case("name=value}", "{name: 'value}'}"),
        Case("name={value}", "{name: '{value}'}"),
        Case("name={value1,value2}", "{name: '{value1,value2}'}"),
        Case(#"name=val\val"#, #"{name: 'val\val'}"#),
        Case(#"name=val\\val"#, #"{name: 'val\\val'}"#),
        Case(#"name=val\\\val"#, #"{name: 'val\\\val'}"#),
        Case(#"name={val,.?*v\0a!l)some"#, #"{name: '{val,.?*v\0a!l)some'}"#),
        Case(#"name=em%GT)tqUDqz,i-\h+Mbqs-!:.m\\rE=mkbM#rR}@{-k@"#,
             #"{name: 'em%GT)tqUDqz,i-\h+Mbqs-!:.m\\rE=mkbM#rR}@{-k@'}"#),
    ]

    func testParseLiteral() {
        check(Self.parseLiteral)
    }

    // TestParseLiteralInto
    func testParseLiteralInto() {
        let cases: [(input: String, input2: String, got: String, expect: String, line: UInt)] = [
            ("outer.inner1=value1,outer.inner3=value3,outer.inner4=4", "",
             "{outer: {inner1: overwrite, inner2: value2}}",
             "{outer: {inner1: 'value1,outer.inner3=value3,outer.inner4=4', inner2: value2}}", #line),
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
            XCTAssertNoThrow(try SetParser.parse(c.input, into: &node, kind: .literal), line: c.line)
            if !c.input2.isEmpty {
                XCTAssertNoThrow(try SetParser.parse(c.input2, into: &node, kind: .literal), line: c.line)
            }
            XCTAssertEqual(node.toValue(), yamlValue(c.expect), c.input, line: c.line)
        }
    }

    // TestParseLiteralNestedLevels
    func testParseLiteralNestedLevels() {
        let deep = (1...(SetParser.maxNestedNameLevel + 2)).map { "name\($0)" }.joined(separator: ".")
        let column = deep.range(of: "name31.")!.lowerBound.utf16Offset(in: deep) + 1
        check([
            Case("outer.middle.inner=value", "{outer: {middle: {inner: value}}}"),
            Case(deep + "=value",
                 error: "--set-literal:1:\(column): value name nested level is greater than maximum supported nested level of 30"),
        ])
    }
}
