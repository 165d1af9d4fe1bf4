import Charts
import Foundation
import GoValues
import HelmFunctions
import TemplateEngine
import XCTest
import YAML

@testable import MeshRender

/// A chart's files executed on two cores (``ParallelFiles``) render exactly as they do one after another on one core:
/// every chart of the parity corpus, errors included, with the files that leave the data unchanged dealt out to the
/// two cores by turns; and charts built to catch each way the two could part.
final class ParallelFilesTests: XCTestCase {
    private static var oneCore: ChartRenderer.Windowing {
        var w = ChartRenderer.Windowing()
        w.cores = 1
        return w
    }

    private static var twoCores: ChartRenderer.Windowing {
        var w = ChartRenderer.Windowing()
        w.cores = 2
        w.filesOnCores = true
        w.alternatingFiles = true
        return w
    }

    func testEveryParityChartRendersTheSameWithFilesOnTwoCores() throws {
        var compared = 0, spread = 0
        for c in try ParityFixtures.cases() {
            if let chart = try? ChartLoader.load(directory: c.chartDirectory.path) {
                let set = TemplateSet()
                for t in chart.templates { try? set.parse(name: t.name, text: t.text) }
                let files = chart.templates.filter { !$0.isPartial && set.hasTemplate($0.name) }
                let independence = set.independence()
                if files.count > 1, files.contains(where: { independence.leavesDataUnchanged($0.name) }) { spread += 1 }
            }
            if c.rendersAlike(ParallelFilesTests.oneCore, ParallelFilesTests.twoCores) { compared += 1 }
        }
        XCTAssertGreaterThan(compared, 30)
        XCTAssertGreaterThan(spread, 20, "too few parity charts have files to spread over two cores: the comparison proves little")
    }

    // MARK: charts built to part the two

    /// Files that change the data between files that do not: every later file sees the changes, wherever it ran.
    func testChangesReachTheFilesAfterThemOnBothCores() throws {
        var templates: [String: String] = [:]
        for i in 0..<12 {
            let name = ParallelFilesTests.file(i)
            if i % 4 == 2 {
                templates[name] = "{{ $_ := set .Values \"count\" (add .Values.count 1) }}file: \(i)\ncount: {{ .Values.count }}\n"
            } else {
                templates[name] = "file: \(i)\ncount: {{ .Values.count }}\nname: {{ include \"name\" . }}\n"
            }
        }
        templates["_helpers.tpl"] = "{{ define \"name\" }}{{ .Release.Name }}-{{ .Values.count }}{{ end }}"
        try assertSameOnTwoCores(templates, values: "count: 0\n", expecting: ["count: 3", "name: r-2"])
    }

    /// A merge of two sources sharing a key that holds maps merges into the first source's own map (Go's mergo): the
    /// file looked as if it changed nothing, and a later file sees the change.
    func testAMergeThatReachesItsFirstSourceIsCaught() throws {
        var templates: [String: String] = [:]
        templates[ParallelFilesTests.file(0)] = "{{ $m := merge (dict) .Values.a .Values.b }}merged: {{ toJson $m }}\n"
        for i in 1..<8 { templates[ParallelFilesTests.file(i)] = "a: {{ toJson .Values.a }}\n" }
        try assertSameOnTwoCores(
            templates, values: "a: {m: {x: 1}}\nb: {m: {z: 2}}\n", expecting: [#"a: {"m":{"x":1,"z":2}}"#])
    }

    /// A `tpl` text from the values that changes them: the file looked as if it changed nothing.
    func testATplTextThatChangesTheValuesIsCaught() throws {
        var templates: [String: String] = [:]
        templates[ParallelFilesTests.file(0)] = "text: {{ tpl .Values.text . }}\n"
        for i in 1..<8 { templates[ParallelFilesTests.file(i)] = "seen: {{ .Values.seen | default \"no\" }}\n" }
        try assertSameOnTwoCores(
            templates, values: "text: '{{ $_ := set .Values \"seen\" \"yes\" }}done'\n", expecting: ["seen: yes"])
    }

    /// A file that changes the data with a random value: the helper, which ran it too, stops there; every later file
    /// shows the one value the command's thread drew.
    func testARandomChangeIsDrawnOnce() throws {
        var templates: [String: String] = [:]
        templates[ParallelFilesTests.file(0)] = "{{ $_ := set .Values \"password\" (randAlphaNum 24) }}first: {{ .Values.password }}\n"
        for i in 1..<9 { templates[ParallelFilesTests.file(i)] = "password: {{ .Values.password }}\n" }
        let chart = try chart(templates)
        var renderer = ChartRenderer(chart: chart)
        renderer.windowing = ParallelFilesTests.twoCores
        let text = try renderer.render(values: try YAMLParser().parse("{}\n", file: "v.yaml"), release: ReleaseInput(name: "r", namespace: "ns")).text
        let passwords = Set(text.split(separator: "\n").compactMap { line in
            line.hasPrefix("password: ") || line.hasPrefix("first: ") ? line.split(separator: " ").last : nil
        })
        XCTAssertEqual(passwords.count, 1, text)
    }

    /// Failures: the first in file order is the one reported, whichever core met it and whatever ran after it.
    func testTheFirstFailureInFileOrderIsReported() throws {
        let cases: [(files: [String], message: String)] = [
            // A file the helper takes fails before one the command's thread takes.
            (["ok", "{{ fail \"one\" }}", "{{ fail \"two\" }}", "ok"], "one"),
            // A file that changes the data fails after one that does not fails.
            (["{{ fail \"zero\" }}", "{{ $_ := set .Values \"x\" 1 }}{{ fail \"one\" }}", "ok"], "zero"),
            (["ok", "{{ $_ := set .Values \"x\" 1 }}{{ fail \"one\" }}", "{{ fail \"two\" }}"], "one"),
        ]
        for (files, message) in cases {
            let chart = try chart(Dictionary(uniqueKeysWithValues: files.enumerated().map { (ParallelFilesTests.file($0), $1) }))
            for windowing in [ParallelFilesTests.oneCore, ParallelFilesTests.twoCores] {
                var renderer = ChartRenderer(chart: chart)
                renderer.windowing = windowing
                XCTAssertThrowsError(try renderer.render(values: try YAMLParser().parse("{}\n", file: "v.yaml"), release: ReleaseInput(name: "r", namespace: "ns"))) {
                    XCTAssertTrue("\($0)".contains(message), "\($0)")
                }
            }
        }
    }

    /// What the run says when a file taken to leave the data unchanged changed it: nil (execute in order again).
    func testARunThatMisjudgedAFileSaysSo() throws {
        let set = TemplateSet()
        try set.parse(name: "a.yaml", text: "{{ tpl .Values.text . }}")
        try set.parse(name: "b.yaml", text: "{{ .Values.seen }}")
        let values: Value = .map(["Values": .map(["text": .string("{{ $_ := set .Values \"seen\" 1 }}")])])
        let files = ["a.yaml", "b.yaml"].map { ParallelFiles.File(name: $0, topLevel: [:], structs: [:], scope: nil) }
        var run = ParallelFiles(files: files, independence: set.independence(), set: set, session: set.session(data: values)) {
            let helperSet = set.sharingTemplates()
            return (helperSet, helperSet.session(data: values))
        }
        run.alternating = true
        XCTAssertNil(try run.run(stackSize: ChartRenderer.workerStackSize, reading: nil))
        let plain: Value = .map(["Values": .map(["text": .string("{{ 1 }}"), "seen": .int(0)])])
        run = ParallelFiles(files: files, independence: set.independence(), set: set, session: set.session(data: plain)) {
            let helperSet = set.sharingTemplates()
            return (helperSet, helperSet.session(data: plain))
        }
        run.alternating = true
        XCTAssertEqual(try run.run(stackSize: ChartRenderer.workerStackSize, reading: nil)?.map(\.output), ["1", "0"])
    }

    /// A long range in a file that leaves the data unchanged, shared out once the other core is through with the
    /// files (istio's CRDs): the same output, each element's labels its own.
    func testALongRangeIsSharedOnceTheOtherCoreIsThrough() throws {
        var templates: [String: String] = [:]
        for i in 0..<5 { templates[ParallelFilesTests.file(i)] = "file: \(i)\n" }
        templates["crds.yaml"] = """
            {{- $labels := dict "team" .Release.Name }}
            {{- range $i := until 400 }}
            {{- $doc := printf "kind: CRD\\nmetadata:\\n  name: crd-%d\\n" $i | fromYaml }}
            {{- $_ := set $doc.metadata "labels" $labels }}
            ---
            {{ toYaml $doc }}
            {{- end }}

            """
        let chart = try chart(templates)
        let node = try YAMLParser().parse("{}\n", file: "values.yaml")
        let release = ReleaseInput(name: "r", namespace: "ns")
        var inOrder = ChartRenderer(chart: chart)
        inOrder.windowing = ParallelFilesTests.oneCore
        let expected = try inOrder.render(values: node, release: release).text
        XCTAssertTrue(expected.contains("  labels:\n    team: r\n  name: crd-399\n"), String(expected.suffix(200)))
        for _ in 0..<5 {
            var onCores = ChartRenderer(chart: chart)
            onCores.windowing = ParallelFilesTests.twoCores
            onCores.windowing.alternatingFiles = false
            onCores.windowing.minimumSharedWork = .zero
            XCTAssertEqual(try onCores.render(values: node, release: release).text, expected)
        }
    }

    // MARK: helpers

    /// The name of the `i`th file in Helm's order (names descending).
    private static func file(_ i: Int) -> String { String(format: "f%02d.yaml", 99 - i) }

    private func chart(_ templates: [String: String]) throws -> Chart {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("files-on-cores-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let templatesDir = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templatesDir, withIntermediateDirectories: true)
        try "apiVersion: v2\nname: files\nversion: 1.0.0\n".write(to: dir.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in templates {
            try text.write(to: templatesDir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try ChartLoader.load(directory: dir.path)
    }

    private func assertSameOnTwoCores(
        _ templates: [String: String], values: String, expecting lines: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let chart = try chart(templates)
        let node = try YAMLParser().parse(values, file: "values.yaml")
        let release = ReleaseInput(name: "r", namespace: "ns")
        var inOrder = ChartRenderer(chart: chart)
        inOrder.windowing = ParallelFilesTests.oneCore
        let expected = try inOrder.render(values: node, release: release).text
        for expectedLine in lines {
            XCTAssertTrue(expected.contains(expectedLine + "\n"), "one core: no \(expectedLine) in\n\(expected)", file: file, line: line)
        }
        // Several times: which core reaches a file first varies from run to run.
        for _ in 0..<5 {
            var onCores = ChartRenderer(chart: chart)
            onCores.windowing = ParallelFilesTests.twoCores
            XCTAssertEqual(try onCores.render(values: node, release: release).text, expected, file: file, line: line)
            onCores.windowing.alternatingFiles = false
            XCTAssertEqual(try onCores.render(values: node, release: release).text, expected, file: file, line: line)
        }
    }
}
