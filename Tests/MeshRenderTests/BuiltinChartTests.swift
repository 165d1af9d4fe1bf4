import Foundation
import MeshModel
import XCTest
import YAMLCore

@testable import MeshRender

/// The chart compiled into the binary is the chart in `templates/` and `values/values.yaml`, and it lays
/// out exactly the policies the expansion computes.
final class BuiltinChartTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEmbeddedFilesEqualTheRepositoryFiles() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("templates").path).sorted()
        XCTAssertEqual(BuiltinChart.templateFiles.map(\.path), onDisk.map { "templates/\($0)" },
                       "run scripts/embed-builtin-chart")
        for file in BuiltinChart.templateFiles {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file.path), encoding: .utf8)
            XCTAssertEqual(file.contents, text, "\(file.path) drifted: run scripts/embed-builtin-chart")
        }
        let defaults = try String(contentsOf: Self.root.appendingPathComponent("values/values.yaml"), encoding: .utf8)
        XCTAssertEqual(BuiltinChart.defaultValues, defaults, "values/values.yaml drifted: run scripts/embed-builtin-chart")
    }

    func testTemplatesRenderExactlyTheExpandedPolicies() throws {
        let io = FileAccess(
            readFile: { path in try [UInt8](Data(contentsOf: Self.root.appendingPathComponent(path))) },
            readStdin: { [] })
        for files in [["values/vald.yaml"], ["values/vald.yaml", "values/vald-observability.yaml"], ["values/jaeger.yaml"],
                      ["values/backend-mysql.yaml"], ["values/nginx.yaml"]] {
            let input = ValuesInput(files: files)
            let release = ReleaseInput(name: "rel", namespace: "ns1")
            let rendered = try Pipeline.render(chart: .builtin, values: input, release: release, io: io)
            let documents = try YAMLParser().parseAll(rendered.text, file: "out").filter { !$0.isNull }
            let parsed = try documents.map { try NetworkPolicy.parse($0, path: "") }

            let chart = try BuiltinChart.load()
            let values = try Pipeline.chartValues(chart, input: input, io: io)
            var expected = try Pipeline.mesh(values: values, namespace: "ns1").expand()
            for i in expected.indices {
                expected[i].labels["app.kubernetes.io/instance"] = "rel"
                expected[i].labels["app.kubernetes.io/managed-by"] = "meshrender"
            }
            XCTAssertEqual(parsed, expected, "\(files)")
        }
    }
}
