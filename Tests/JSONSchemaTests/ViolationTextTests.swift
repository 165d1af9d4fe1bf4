import JSONSchema
import XCTest

/// The violation report, word for word as Helm prints it (each expectation was taken from
/// `helm template` 4.1.4 on the same schema and values).
final class ViolationTextTests: XCTestCase {
    func report(_ schema: String, _ instance: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let compiled = try JSONSchema(bytes: Array(schema.utf8))
        return SchemaViolation.report(compiled.validate(try JSONSchema.parse(Array(instance.utf8))))
    }

    func testNullAgainstStringAndMissingProperty() throws {
        XCTAssertEqual(
            try report(#"{"type":"object","required":["zz","policy"],"properties":{"policy":{"type":"string"}}}"#, #"{"policy":null}"#),
            "- at '': missing property 'zz'\n- at '/policy': got null, want string")
    }

    func testSeveralKeywordsOfOneValueAreGrouped() throws {
        XCTAssertEqual(
            try report(#"{"properties":{"m":{"minimum":100000,"multipleOf":7},"s":{"maxLength":1}}}"#, #"{"m":12345.5,"s":"abc"}"#),
            "- at '/m': validation failed\n  - at '/m': minimum: got 12,345.5, want 100,000\n  - at '/m': multipleOf: got 12,345.5, want 7\n- at '/s': maxLength: got 3, want 1")
    }

    func testNumbersPrintAsGosMessagePrinter() throws {
        XCTAssertEqual(
            try report(#"{"properties":{"a":{"minimum":1e21,"maximum":0.00001}}}"#, #"{"a":123456789012345678}"#),
            // One failing value: its group is the whole report, shown without a heading line.
            "- at '/a': minimum: got 1.2345678901234568×10¹⁷, want 1×10²¹\n- at '/a': maximum: got 1.2345678901234568×10¹⁷, want 1×10⁻⁰⁵")
        XCTAssertEqual(try report(#"{"maximum":-1234567.25}"#, "1"), "- at '': maximum: got 1, want -1.23456725×10⁰⁶")
    }

    func testEnumAndConstShowSchemaLiterals() throws {
        XCTAssertEqual(try report(#"{"const":1.50}"#, "2"), "- at '': value must be 1.50")
        XCTAssertEqual(
            try report(#"{"enum":[1,"x",null,true,2.50]}"#, "3"), "- at '': value must be one of 1, 'x', <nil>, true, 2.50")
    }

    func testRefWithOneCauseShowsOnlyTheCause() throws {
        XCTAssertEqual(
            try report(##"{"$defs":{"p":{"type":"integer","maximum":65535}},"properties":{"port":{"$ref":"#/$defs/p"}}}"##, ##"{"port":70001}"##),
            "- at '/port': maximum: got 70,001, want 65,535")
    }

    func testStringAndArrayKeywords() throws {
        XCTAssertEqual(try report(#"{"pattern":"^[a-z.]+$"}"#, #""Web Host""#), "- at '': 'Web Host' does not match pattern '^[a-z.]+$'")
        XCTAssertEqual(
            try report(#"{"items":{"type":"string"},"uniqueItems":true,"maxItems":5}"#, #"["a","b","a",3,"c","d"]"#),
            "- at '': maxItems: got 6, want 5\n- at '': items at 0 and 2 are equal\n- at '/3': got number, want string")
        XCTAssertEqual(
            try report(#"{"additionalProperties":false,"properties":{"a":{}}}"#, #"{"a":1,"b":2,"c":3}"#),
            "- at '': additional properties 'b', 'c' not allowed")
    }

    func testApplicators() throws {
        XCTAssertEqual(
            try report(#"{"anyOf":[{"type":"string"},{"minimum":5}]}"#, "1"),
            "- at '': 'anyOf' failed\n  - at '': got number, want string\n  - at '': minimum: got 1, want 5")
        XCTAssertEqual(try report(#"{"oneOf":[{"type":"number"},{"minimum":0}]}"#, "1"), "- at '': 'oneOf' failed, subschemas 0, 1 matched")
        XCTAssertEqual(try report(#"{"not":{"type":"number"}}"#, "1"), "- at '': 'not' failed")
    }

    func testKeywordFailuresAndTupleTails() throws {
        XCTAssertEqual(try report(##"{"allOf":[{"type":"string"}]}"##, "1"), "- at '': 'allOf' failed\n  - at '': got number, want string")
        XCTAssertEqual(try report(##"{"oneOf":[{"type":"string"}]}"##, "1"), "- at '': 'oneOf' failed, none matched\n  - at '': got number, want string")
        XCTAssertEqual(try report(##"{"const":[1]}"##, "1"), "- at '': 'const' failed")
        XCTAssertEqual(try report(##"{"enum":[[1]]}"##, "1"), "- at '': 'enum' failed")
        // Items after `prefixItems` are reported at their index among the rest, as Helm's validator does.
        XCTAssertEqual(try report(##"{"prefixItems":[{}],"items":false}"##, "[1,2,3]"), "- at '/0': false schema\n- at '/1': false schema")
        XCTAssertEqual(
            try report(##"{"propertyNames":{"pattern":"^x","maxLength":2}}"##, ##"{"xxx":1}"##),
            "- at '': invalid propertyName 'xxx'\n  - at '': maxLength: got 3, want 2")
        XCTAssertEqual(
            try report(##"{"$schema":"http://json-schema.org/draft-07/schema#","items":[{}],"additionalItems":false}"##, "[1,2,3]"),
            "- at '': last 2 additionalItem(s) not allowed")
        XCTAssertEqual(
            try report(##"{"$schema":"http://json-schema.org/draft-07/schema#","format":"date"}"##, ##""2020-13-01""##),
            "- at '': '2020-13-01' is not valid date: parsing time \"2020-13-01\": month out of range")
    }

    func testDraftSevenAssertsFormatAndIgnoresRefSiblings() throws {
        let draft7 = ##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"e":{"format":"email"},"r":{"$ref":"#/definitions/s","maxLength":1}},"definitions":{"s":{"type":"string"}}}"##
        XCTAssertEqual(try report(draft7, #"{"e":"nobody","r":"long"}"#), "- at '/e': 'nobody' is not valid email: missing @")
        XCTAssertEqual(try report(#"{"format":"email"}"#, #""nobody""#), "", "2020-12 only annotates formats")
    }

    func testUnknownReferenceIsASchemaError() {
        XCTAssertThrowsError(try JSONSchema(bytes: Array(##"{"$ref":"#/definitions/x"}"##.utf8))) { error in
            XCTAssertEqual((error as? SchemaError)?.message, #"json-pointer in "file:///values.schema.json#/definitions/x" not found"#)
        }
        XCTAssertThrowsError(try JSONSchema(bytes: Array(#"{"type":"object","#.utf8))) { error in
            XCTAssertEqual((error as? SchemaError)?.message, "unexpected EOF")
        }
    }

    func testNumbersCompareAndDivideExactly() throws {
        XCTAssertEqual(try report(#"{"multipleOf":0.0001}"#, "0.0075"), "")
        XCTAssertEqual(try report(#"{"type":"integer"}"#, "1.0"), "")
        XCTAssertEqual(try report(#"{"maximum":9007199254740993}"#, "9007199254740992"), "")
    }
}
