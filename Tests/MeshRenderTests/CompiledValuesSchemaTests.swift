import JSONSchema
import XCTest

@testable import Charts

/// A chart's schema compiled ahead on another core is the schema compiled when the check asks, errors included.
final class CompiledValuesSchemaTests: XCTestCase {
    private let schema = Array(#"{"type": "object", "required": ["name"], "properties": {"port": {"type": "integer", "minimum": 1}}}"#.utf8)

    private func violations(_ schema: JSONSchema, _ json: String) throws -> [String] {
        schema.validate(try JSONSchema.parse(Array(json.utf8))).map { "\($0)" }
    }

    func testAheadAndOnDemandAgree() throws {
        let ahead = CompiledValuesSchema(bytes: schema)
        ahead.startCompiling()
        ahead.startCompiling()  // once only
        let onDemand = CompiledValuesSchema(bytes: schema)
        for json in [#"{"name": "a", "port": 0}"#, #"{"port": "x"}"#, #"{"name": "a"}"#] {
            XCTAssertEqual(try violations(try ahead.schema(), json), try violations(try onDemand.schema(), json), json)
        }
        XCTAssertEqual(try violations(try ahead.schema(), #"{"port": 0}"#).count, 2)
    }

    func testABrokenSchemaFailsAlikeEitherWay() {
        let broken = Array("{\n  \"type\": \"object\",\n}".utf8)
        let ahead = CompiledValuesSchema(bytes: broken)
        ahead.startCompiling()
        func message(_ compiled: CompiledValuesSchema) -> String {
            do throws(SchemaError) {
                _ = try compiled.schema()
                return "compiled"
            } catch {
                return "\(error.message) \(error.line ?? 0):\(error.column ?? 0)"
            }
        }
        let expected = message(CompiledValuesSchema(bytes: broken))
        XCTAssertNotEqual(expected, "compiled")
        XCTAssertEqual(message(ahead), expected)
        XCTAssertEqual(message(ahead), expected, "kept")
    }

    func testAChartKeepsItsSchemaCompiledOnce() {
        var chart = Chart(name: "c", metadata: .map([:]), defaultValues: .init(.null), templates: [])
        XCTAssertNil(chart.compiledSchema)
        chart.valuesSchema = schema
        XCTAssertEqual(chart.compiledSchema?.bytes, schema)
        let copy = chart
        XCTAssertTrue(copy.compiledSchema === chart.compiledSchema, "copies of a chart share the compilation")
        // A loader that started compiling as it read the files hands that compilation to the chart.
        let started = CompiledValuesSchema(bytes: schema)
        started.startCompiling()
        chart.setValuesSchema(started, file: "c/values.schema.json")
        XCTAssertTrue(chart.compiledSchema === started)
        XCTAssertEqual(chart.valuesSchema, schema)
        XCTAssertEqual(chart.valuesSchemaFile, "c/values.schema.json")
    }
}
