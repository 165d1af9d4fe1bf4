import Foundation
import HelmValues
import MeshModel
import XCTest
import YAML

@testable import Charts
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
            let input = ValuesInput(valueFiles: files)
            let release = ReleaseInput(name: "rel", namespace: "ns1")
            let rendered = try Pipeline.render(chart: .builtin, values: input, release: release, io: io)
            let documents = try YAMLParser().parseAll(rendered.text, file: "out").filter { !$0.isNull }
            let parsed = try documents.map { try NetworkPolicy.parse($0, path: "") }

            let values = try Pipeline.chartValues(.builtin, input: input, io: io)
            var expected = try Pipeline.mesh(values: values, namespace: "ns1").expand()
            for i in expected.indices {
                expected[i].labels["app.kubernetes.io/instance"] = "rel"
                expected[i].labels["app.kubernetes.io/managed-by"] = "meshrender"
            }
            XCTAssertEqual(parsed, expected, "\(files)")
        }
    }

    /// The built-in chart renders large meshes in slices on all cores; that is only right while its
    /// template is a pure map over `.Mesh.policies`. Sliced and whole renders must be identical.
    func testOnlyTemplatesThatReadNothingButMeshPoliciesGetThePoliciesAlone() {
        XCTAssertTrue(BuiltinChart.readOnlyMeshPolicies(["{{ range .Mesh.policies }}{{ .name }}{{ end }}", "no mesh here"]))
        for text in ["{{ .Mesh.components }}", "{{ toYaml .Mesh }}", "{{ index . \"Mesh\" }}", "{{ with .Mesh }}{{ .policies }}{{ end }}",
                     "{{ .Mesh.policies }}{{ .Mesh.matrix }}"] {
            XCTAssertFalse(BuiltinChart.readOnlyMeshPolicies([text]), text)
        }
    }

    func testSlicedRenderEqualsTheWholeRender() throws {
        let chart = try BuiltinChart.load()
        let renderer = ChartRenderer(chart: chart)
        let release = ReleaseInput(name: "rel", namespace: "ns1")
        // Every shipped values set (files merged as -f merges them), then a generated mesh.
        var meshes: [(label: String, user: Node)] = []
        for files in [["vald.yaml"], ["vald.yaml", "vald-observability.yaml"], ["jaeger.yaml"], ["backend-mysql.yaml"], ["nginx.yaml"]] {
            var user = Node(.mapping(Mapping()))
            for file in files {
                let text = try String(contentsOf: Self.root.appendingPathComponent("values/" + file), encoding: .utf8)
                user = ValuesMerge.mergeMaps(user, try YAMLParser().parse(text, file: file))
            }
            meshes.append((files.joined(separator: " + "), user))
        }
        // A mesh of 30 components with externals, custom rules and every kube-system mode.
        var text = """
            defaults:
              networkPolicy:
                custom:
                  ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}]}]
            mesh:
              external:
                otel: {namespace: monitoring, labels: {app: otel}, ports: [{port: 4317}]}
                web: {anywhere: true}
              components:

            """
        for i in 0..<30 {
            let kube = ["true", "dns", "false"][i % 3]
            text += "    c\(i): {ports: [{port: \(8000 + i % 4)}], kubeSystem: {egress: \(kube)}}\n"
        }
        text += "  connectivity:\n"
        for i in 0..<30 {
            text += "    c\(i): [c\((i + 1) % 30), c\((i + 7) % 30), otel]\n"
        }
        text += "    web: [c0, c5]\n"
        meshes.append(("generated", try YAMLParser().parse(text, file: "values.yaml")))
        for (label, user) in meshes {
            let values = Coalesce.coalesce(defaults: chart.defaultValues, user: user)
            let mesh = try Pipeline.mesh(values: values, namespace: "ns1")
            let object = mesh.templateObject()
            let whole = try renderer.render(
                coalescedValues: values.toValue(), release: release, extraObjects: ["Mesh": mesh.templateValue()])
            XCTAssertGreaterThanOrEqual(whole.documents.count, label == "generated" ? 30 : 1, label)
            // As many threads as slices, and fewer (the slices then taken in turn, each freed once rendered).
            for (slices, workers) in [(2, 2), (3, 3), (5, 5), (5, 2), (7, 3)] {
                let sliced = try SlicedRendering.render(
                    renderer, values: values.toValue(), release: release, mesh: object, slices: slices, workers: workers)
                XCTAssertEqual(sliced.text, whole.text, "\(label), \(slices) slices on \(workers) threads")
                XCTAssertEqual(sliced.documents, whole.documents, label)
            }
            // The built-in templates read only `.Mesh.policies`: the object without the rest renders the same.
            XCTAssertTrue(BuiltinChart.readsOnlyMeshPolicies)
            let policiesOnly = try SlicedRendering.render(
                renderer, values: values.toValue(), release: release, mesh: mesh.templateObject(policiesOnly: true), slices: 2)
            XCTAssertEqual(policiesOnly.text, whole.text, "\(label), policies only")
        }
    }

    /// One slice per core up to the bound (kept until exit); above it slices of at most ``policiesPerSlice``, a
    /// multiple of the cores, freed as they finish; none below the minimum.
    func testSliceCountsBoundMemoryOnlyForLargeMeshes() {
        XCTAssertNil(SlicedRendering.sliceCount(policies: SlicedRendering.minimumPolicies - 1, cores: 2))
        XCTAssertEqual(SlicedRendering.sliceCount(policies: 10_000, cores: 2), 2)
        XCTAssertEqual(SlicedRendering.sliceCount(policies: SlicedRendering.boundedMemoryAbove, cores: 4), 4)
        let large = 100_000
        let slices = SlicedRendering.sliceCount(policies: large, cores: 2)!
        XCTAssertEqual(slices % 2, 0)
        XCTAssertLessThanOrEqual((large + slices - 1) / slices, SlicedRendering.policiesPerSlice)
        XCTAssertGreaterThan(slices, 2)
    }
}
