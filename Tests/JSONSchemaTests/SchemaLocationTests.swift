import JSONSchema
import XCTest

/// Schema locations reached by walking subschemas and by `$ref` JSON pointers are the same
/// locations; pointers in messages read as written.
final class SchemaLocationTests: XCTestCase {
    private func report(_ schema: String, _ instance: String) throws -> String {
        let compiled = try JSONSchema(bytes: Array(schema.utf8))
        return SchemaViolation.report(compiled.validate(try JSONSchema.parse(Array(instance.utf8))))
    }

    func testPointerWithEscapedTokensReachesTheWalkedSubschema() throws {
        let schema = ##"{"properties":{"a/b~c":{"type":"string"}},"additionalProperties":{"$ref":"#/properties/a~1b~0c"}}"##
        XCTAssertEqual(try report(schema, #"{"x":1}"#), "- at '/x': got number, want string")
        XCTAssertEqual(try report(schema, #"{"a/b~c":true}"#), "- at '/a~1b~0c': got boolean, want string")
    }

    func testReferenceToTheRootValidatesEveryLevel() throws {
        let schema = ##"{"type":"object","properties":{"next":{"$ref":"#"},"n":{"type":"integer"}}}"##
        XCTAssertEqual(try report(schema, #"{"next":{"next":{"n":"one"}}}"#), "- at '/next/next/n': got string, want integer")
    }

    func testMissingPointerIsReportedAsWritten() {
        XCTAssertThrowsError(try JSONSchema(bytes: Array(##"{"$defs":{"a":{}},"$ref":"#/$defs/a~2b"}"##.utf8))) { error in
            XCTAssertEqual((error as? SchemaError)?.message, #"json-pointer in "file:///values.schema.json#/$defs/a~2b" not found"#)
        }
    }
}
