import JSONSchema
import XCTest

/// Schemas that break their draft's meta-schema are refused before use, in Helm's words (each
/// expectation taken from `helm template` 4.1.4).
final class MetaSchemaTests: XCTestCase {
    func refusal(_ schema: String) -> String? {
        do {
            _ = try JSONSchema(bytes: Array(schema.utf8))
            return nil
        } catch {
            return error.message
        }
    }

    func testDraftSevenNamesTheKeyword() {
        XCTAssertEqual(
            refusal(##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"a":{"required":true}}}"##),
            """
            "file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-07/schema#'
            - at '/properties/a/required': got boolean, want array
            """)
    }

    func testDraftSixGroupsTheFailuresOfOneSubschema() {
        XCTAssertEqual(
            refusal(##"{"$schema":"http://json-schema.org/draft-06/schema#","properties":{"a":{"minLength":-1,"items":5}}}"##),
            """
            "file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-06/schema#'
            - at '/properties/a': validation failed
              - at '/properties/a/minLength': 'allOf' failed
                - at '/properties/a/minLength': minimum: got -1, want 0
              - at '/properties/a/items': 'anyOf' failed
                - at '/properties/a/items': got number, want boolean or object
                - at '/properties/a/items': got number, want array
            """)
    }

    func testDraft2020NestsUnderItsVocabularies() {
        XCTAssertEqual(
            refusal(##"{"type":"obj"}"##),
            """
            "file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'
            - at '': 'allOf' failed
              - at '/type': 'anyOf' failed
                - at '/type': value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'
                - at '/type': got string, want array
            """)
    }

    func testValidSchemasPass() {
        XCTAssertNil(refusal(##"{"$schema":"http://json-schema.org/draft-04/schema#","additionalProperties":false,"items":[{}],"additionalItems":false}"##))
        XCTAssertNil(refusal(##"{"type":["string","null"],"required":[],"enum":[],"$defs":{"a":true},"x-custom":{"type":5}}"##))
    }
}
