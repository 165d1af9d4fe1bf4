import JSONSchema
import XCTest

/// A schema object with hundreds of members (annotations, extensions) reads its keywords wherever they are written.
final class LargeSchemaObjectTests: XCTestCase {
    private func report(_ schema: String, _ instance: String) throws -> String {
        let compiled = try JSONSchema(bytes: Array(schema.utf8))
        return SchemaViolation.report(compiled.validate(try JSONSchema.parse(Array(instance.utf8))))
    }

    /// `n` extension members `"x-0": 0, "x-1": 1, ...`, then `tail`.
    private func object(extensions n: Int, then tail: String) -> String {
        "{" + (0..<n).map { "\"x-\($0)\": \($0)" }.joined(separator: ", ") + ", " + tail + "}"
    }

    func testKeywordsPastTheTwoHundredFiftyFifthMemberCount() throws {
        let schema = object(extensions: 300, then: #""type": "object", "required": ["name"], "properties": {"port": {"type": "integer"}}"#)
        XCTAssertEqual(try report(schema, #"{"name": "a", "port": 1}"#), "")
        XCTAssertEqual(try report(schema, #"{"name": "a", "port": "x"}"#), "- at '/port': got string, want integer")
        XCTAssertEqual(try report(schema, "[]"), "- at '': got array, want object")
    }

    func testKeywordsOnEitherSideOfTheBoundaryCount() throws {
        let schema = "{\"minimum\": 3, " + object(extensions: 260, then: #""maximum": 5"#).dropFirst()
        XCTAssertEqual(try report(schema, "4"), "")
        XCTAssertEqual(try report(schema, "2"), "- at '': minimum: got 2, want 3")
        XCTAssertEqual(try report(schema, "6"), "- at '': maximum: got 6, want 5")
    }
}
