import TemplateEngine
import HelmFunctions
import XCTest
import HelmValues
import GoValues
import YAML

@testable import MeshRender

/// Templates that are one `range` over a long list render in windows on several cores, and ranges inside a
/// template's branches share out their iterations; forced on every list (windows of one element, three cores,
/// sharing after the first iteration), every chart of the parity corpus must render exactly as it renders in one
/// piece, errors included.
final class WindowedRenderTests: XCTestCase {
    func testEveryParityChartRendersTheSameInWindows() throws {
        var forced = ChartRenderer.Windowing()
        forced.minimumElements = 1
        forced.cores = 3
        forced.minimumSharedWork = .zero
        var single = ChartRenderer.Windowing()
        single.cores = 1
        var compared = 0, windowed = 0, shared = 0
        for c in try ParityFixtures.cases() {
            // Templates that qualify for windows or shared ranges (the rest render whole either way).
            if let chart = try? ChartLoader.load(directory: c.chartDirectory.path) {
                let set = TemplateSet()
                for t in chart.templates { try? set.parse(name: t.name, text: t.text) }
                windowed += chart.templates.filter { !$0.isPartial && set.rangeSlicing($0.name) != nil }.count
                shared += chart.templates.filter { !$0.isPartial && set.rangeSlicing($0.name) == nil && set.sharedRange($0.name) != nil }.count
            }
            if c.rendersAlike(single, forced) { compared += 1 }
        }
        XCTAssertGreaterThan(compared, 30)
        XCTAssertGreaterThan(windowed, 0, "no parity template qualifies for windows: the comparison proves nothing")
        XCTAssertGreaterThan(shared, 2, "too few parity templates share their ranges: the comparison proves little")
    }

    /// A chart in the shape of `bench/docs-chart`: windows are used, and join to the whole output.
    func testARangeOverManyAppsRendersInWindows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("windowed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "apiVersion: v2\nname: apps\nversion: 1.0.0\n".write(to: dir.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try """
            {{- define "labels" -}}
            app: {{ .name }}
            release: {{ .root.Release.Name }}
            {{- end }}
            """.write(to: templates.appendingPathComponent("_helpers.tpl"), atomically: true, encoding: .utf8)
        try """
            {{- range $i, $app := .Values.apps }}
            ---
            apiVersion: v1
            kind: {{ if eq (mod $i 3) 0 }}Service{{ else }}ConfigMap{{ end }}
            metadata:
              name: {{ $app.name | lower }}
              labels:
                {{- include "labels" (dict "name" $app.name "root" $) | nindent 4 }}
              annotations:
                index: {{ $i | quote }}
            {{- end }}

            """.write(to: templates.appendingPathComponent("apps.yaml"), atomically: true, encoding: .utf8)
        let chart = try ChartLoader.load(directory: dir.path)
        let set = TemplateSet()
        for t in chart.templates { try set.parse(name: t.name, text: t.text) }
        XCTAssertEqual(set.rangeSlicing("apps/templates/apps.yaml")?.path, ["Values", "apps"], "the template must qualify")
        let values: Value = .map(["apps": .list((0..<40).map { .map(["name": .string("App-\($0)")]) })])
        let release = ReleaseInput(name: "r", namespace: "ns")
        var single = ChartRenderer(chart: chart)
        single.windowing.cores = 1
        var windowed = ChartRenderer(chart: chart)
        windowed.windowing.minimumElements = 8
        windowed.windowing.cores = 4
        let whole = try single.render(coalescedValues: values, release: release)
        XCTAssertEqual(whole.documents.count, 40)
        XCTAssertEqual(try windowed.render(coalescedValues: values, release: release).text, whole.text)
    }
}

/// Long top-level lists of values convert on every core to exactly what one conversion gives.
final class ValuesConversionTests: XCTestCase {
    func testConversionOnAllCoresEqualsOneConversion() throws {
        var text = "image: {repository: r, tag: '1.0'}\nempty: []\napps:\n"
        for i in 0..<3001 { text += "  - {name: app-\(i), replicas: \(i % 4), env: {A: 'x\(i)'}, ports: [{containerPort: \(8000 + i % 7)}]}\n" }
        let node = try YAMLParser().parse(text, file: "values.yaml")
        XCTAssertEqual(node.toHelmValueOnAllCores(minimumList: 100), node.toHelmValue())
        XCTAssertEqual(node.toHelmValueOnAllCores(), node.toHelmValue())
    }

    func testLongScalarListsConvertInPlace() throws {
        // Written straight into the result by four shares: every kind, and lengths that do not split evenly.
        for count in [2048, 10_001] {
            let items = (0..<count).map { i in ["1", "2.5", "x\(i)", "true", "null", "[1]", "{a: 1}"][i % 7] }
            let node = try ValuesFile.load(Array(("x: [" + items.joined(separator: ", ") + "]\n").utf8), file: "v.yaml")
            XCTAssertEqual(node.toHelmValueOnAllCores(), node.toHelmValue())
            guard case .map(let map) = node.toHelmValueOnAllCores(), case .list(let list) = map["x"] else { return XCTFail() }
            XCTAssertEqual(list.count, count)
            guard case .map(let one) = node.toHelmValue() else { return XCTFail() }
            XCTAssertEqual(list.last, one["x"]?.listElements?.last)
        }
    }
}
