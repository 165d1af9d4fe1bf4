import Foundation
import Platform
import XCTest
import YAML

@testable import Charts
@testable import MeshRender

/// A chart's large files that loading does not read (a README, `files/…`, CRDs) are read when a template or the
/// output first needs them, and then give what an eager read gives; everything loading reads is read at once.
final class LargeChartFilesTests: XCTestCase {
    private let large = String(repeating: "0123456789abcdef\n", count: 5000)  // 85,000 bytes
    private let largeComment = String(repeating: "# 0123456789abcdef\n", count: 5000)

    private func chartDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("large-files-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    func testWhatLoadingReadsIsReadAtOnce() {
        for path in [
            "templates/big.yaml", "templates/sub/x.tpl", "Chart.yaml", "values.yaml", "values.schema.json", "Chart.lock",
            "requirements.yaml", "charts/db.tgz", "charts/db/templates/a.yaml", "charts/db/values.yaml",
            "charts/db/charts/cache/templates/b.yaml",
        ] {
            XCTAssertTrue(ChartFiles.isReadByLoading(path), path)
        }
        for path in ["README.md", "files/a.json", "crds/crd.yaml", "charts/db/README.md", "charts/db/crds/x.yaml", "x/templates/a.yaml"] {
            XCTAssertFalse(ChartFiles.isReadByLoading(path), path)
        }
    }

    func testLargeFilesWaitAndGiveTheirBytesWhenUsed() throws {
        let path = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
            "README.md": large,
            "files/data.txt": large + "end\n",
            "crds/crd.yaml": "kind: CustomResourceDefinition\n" + largeComment,
            "templates/big.yaml": "kind: ConfigMap\ndata:\n  readme: {{ len (.Files.Get \"README.md\") }} {{ .Files.Get \"README.md\" | trunc 20 | quote }}\n"
                + "  lines: {{ len (.Files.Lines \"files/data.txt\") }}\n"
                + "  globbed: {{ range $p, $b := .Files.Glob \"files/*\" }}{{ $p }}={{ len $b }}{{ end }}\n"
                + largeComment,
        ])
        let chart = try ChartLoader.load(directory: path)
        guard case .deferred = chart.files["README.md"], case .deferred = chart.files["files/data.txt"] else {
            return XCTFail("large files read at load")
        }
        XCTAssertEqual(chart.templates.first { $0.name.hasSuffix("big.yaml") }?.text.hasSuffix(largeComment), true)
        let rendered = try Pipeline.render(chart: .directory(path), values: ValuesInput(), release: ReleaseInput(), io: .standard)
        let text = rendered.text
        XCTAssertTrue(text.contains("readme: 85000 \"0123456789abcdef\\n012\"\n"), String(text.prefix(300)))
        XCTAssertTrue(text.contains("lines: 5001\n"), String(text.prefix(300)))
        XCTAssertTrue(text.contains("globbed: files/data.txt=\(large.utf8.count + 4)\n"), String(text.prefix(300)))
        var output = HelmTemplateOutput()
        output.includeCRDs = true
        let withCRDs = try rendered.helmTemplateText(output)
        XCTAssertEqual(withCRDs, "---\n# Source: app/crds/crd.yaml\nkind: CustomResourceDefinition\n" + largeComment + "\n" + text)
    }

    /// A file that can no longer be read as it was opened (here: grown past the input bound meanwhile) fails the render
    /// with the read's own line, whether a method read it (`.Files.Get`) or a range over the files did.
    func testAFileThatCannotBeReadWhenUsedFailsTheRender() throws {
        let limit = FileSystem.maxInputSize
        defer { FileSystem.maxInputSize = limit }
        FileSystem.maxInputSize = 1 << 20
        for template in ["{{ .Files.Get \"files/data.txt\" | len }}", "{{ range $p, $b := .Files }}{{ $p }}={{ len $b }}{{ end }}"] {
            let path = try chartDirectory([
                "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
                "files/data.txt": large,
                "templates/cm.yaml": "kind: ConfigMap\ndata:\n  n: \"\(template)\"\n",
            ])
            let chart = try ChartLoader.load(directory: path)
            guard case .deferred = chart.files["files/data.txt"] else { return XCTFail("read at load") }
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path + "/files/data.txt"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(repeating: 120, count: 2 << 20))
            try handle.close()
            var renderer = ChartRenderer(chart: chart)
            renderer.validatesSchemas = false
            XCTAssertThrowsError(try renderer.render(values: try YAMLParser().parse("{}\n", file: "v.yaml"), release: ReleaseInput())) {
                XCTAssertTrue("\($0)".contains("read \(path)/files/data.txt: input larger than 1 MiB"), "\($0)")
            }
        }
        XCTAssertNoThrow(try ChartFile.checkReads(), "a failure is reported once")
    }
}
