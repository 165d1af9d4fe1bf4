import Foundation
import HelmValues
import XCTest

@testable import Charts
@testable import MeshRender

/// How `charts/` is read: directories and packaged charts, and what is refused (with an error,
/// never ignored).
final class SubchartLoadingTests: XCTestCase {
    private func chartDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("subcharts-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("charts"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    private func render(_ path: String) throws -> String {
        try Pipeline.render(chart: .directory(path), values: ValuesInput(), release: ReleaseInput(), io: .standard).text
    }

    /// A ustar archive of `files` (name → text), gzipped by the system's gzip.
    private func packaged(_ files: [(String, String)]) throws -> Data {
        var tar = [UInt8]()
        for (name, text) in files {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ string: String, at offset: Int) { for (i, b) in string.utf8.enumerated() { header[offset + i] = b } }
            put(name, at: 0)
            put("0000644", at: 100)
            let size = String(text.utf8.count, radix: 8)
            put(String(repeating: "0", count: 11 - size.count) + size, at: 124)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257)
            tar += header
            var body = Array(text.utf8)
            body += [UInt8](repeating: 0, count: (512 - body.count % 512) % 512)
            tar += body
        }
        tar += [UInt8](repeating: 0, count: 1024)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(tar))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// Subcharts load while the parent's values.yaml parses; what fails is reported as a load in turn reports it: the
    /// parent's values.yaml before any subchart, the first subchart in name order before the next.
    func testFailuresComeInTheOrderOfALoadInTurn() throws {
        let badValues = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
            "values.yaml": "a: [\n",
            "charts/a/Chart.yaml": "apiVersion: v2\nname: a\nversion: 1.0.0\n",
            "charts/a/values.yaml": "b: {\n",
            "charts/z/values.yaml": "c: 1\n",
        ])
        XCTAssertThrowsError(try render(badValues)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("cannot load values.yaml: "), "\(error)")
        }
        let badSubcharts = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
            "values.yaml": "a: 1\n",
            "charts/b/Chart.yaml": "apiVersion: v2\nname: b\nversion: 1.0.0\n",
            "charts/b/values.yaml": "b: {\n",
            "charts/c/values.yaml": "c: 1\n",
        ])
        XCTAssertThrowsError(try render(badSubcharts)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("error unpacking subchart b in app: cannot load values.yaml: "), "\(error)")
        }
        let good = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
            "values.yaml": "a: 1\n",
            "templates/t.yaml": "kind: ConfigMap\ndata:\n  a: {{ .Values.a }}\n  b: {{ .Values.b.x }}\n",
            "charts/b/Chart.yaml": "apiVersion: v2\nname: b\nversion: 1.0.0\n",
            "charts/b/values.yaml": "x: 2\n",
            "charts/b/templates/t.yaml": "kind: Secret\ndata:\n  x: {{ .Values.x }}\n",
        ])
        XCTAssertEqual(
            try render(good),
            "---\n# Source: app/charts/b/templates/t.yaml\nkind: Secret\ndata:\n  x: 2\n---\n# Source: app/templates/t.yaml\nkind: ConfigMap\ndata:\n  a: 1\n  b: 2\n")
    }

    func testPackagedChartsLoadLikeDirectories() throws {
        let db = try packaged([
            ("db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n"),
            ("db/values.yaml", "size: 3\n"),
            ("db/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db-{{ .Values.size }}\n"),
        ])
        let path = try chartDirectory(["Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n"])
        try db.write(to: URL(fileURLWithPath: path + "/charts/db-1.0.0.tgz"))
        XCTAssertEqual(try render(path), "---\n# Source: app/charts/db/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db-3\n")
        // The packaged chart itself, given as the chart.
        XCTAssertEqual(try render(path + "/charts/db-1.0.0.tgz"), "---\n# Source: db/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db-3\n")
    }

    func testUnsafeOrBrokenArchivesAreRefused() throws {
        let cases: [(Data, String)] = [
            (try packaged([("db/../../etc/x", "x")]), "chart illegally contains content outside the base directory: \"db/../../etc/x\""),
            (try packaged([("Chart.yaml", "name: db\n")]), "chart yaml not in base directory"),
            (Data("not gzip".utf8), "db-1.0.0.tgz: not a gzip-compressed chart archive, or larger than 100 MiB unpacked"),
        ]
        for (archive, message) in cases {
            let path = try chartDirectory(["Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n"])
            try archive.write(to: URL(fileURLWithPath: path + "/charts/db-1.0.0.tgz"))
            XCTAssertThrowsError(try render(path)) { error in
                XCTAssertEqual(String(describing: error), "error unpacking subchart db-1.0.0.tgz in app: \(message)")
            }
        }
    }

    /// `import-values` put a child's tables under the parent's own values (which win).
    func testImportValuesReachTheParent() throws {
        let path = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: db\n    version: 1.0.0\n    import-values: [data, {child: conn, parent: link}]\n",
            "values.yaml": "link: {port: 1}\n",
            "templates/cm.yaml": "data: {{ toJson (omit .Values \"db\") | quote }}\n",
            "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 1.0.0\n",
            "charts/db/values.yaml": "exports:\n  data: {shared: yes}\nconn: {host: db, port: 5432}\n",
        ])
        XCTAssertEqual(try render(path), "---\n# Source: app/templates/cm.yaml\ndata: \"{\\\"link\\\":{\\\"host\\\":\\\"db\\\",\\\"port\\\":1},\\\"shared\\\":true}\"\n")
    }

    func testHiddenAndUnderscoredEntriesOfChartsAreSkipped() throws {
        let path = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
            "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: top\n",
            "charts/.git/Chart.yaml": "apiVersion: v2\nname: hidden\nversion: 1.0.0\n",
            "charts/_draft/templates/x.yaml": "kind: Secret\n",
        ])
        try FileManager.default.createDirectory(atPath: path + "/charts/empty/templates", withIntermediateDirectories: true)
        let chart = try ChartLoader.load(directory: path)
        XCTAssertTrue(chart.subcharts.isEmpty, "nor is a directory without files a chart")
        XCTAssertEqual(try render(path), "---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: top\n")
    }

    /// As in Helm: anything else in `charts/` must be a chart with a Chart.yaml.
    func testOtherEntriesOfChartsMustBeCharts() throws {
        for (entry, file) in [("README.md", "charts/README.md"), ("nochart", "charts/nochart/templates/x.yaml")] {
            let path = try chartDirectory([
                "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
                "templates/cm.yaml": "kind: ConfigMap\n",
                file: "notes\n",
            ])
            XCTAssertThrowsError(try render(path)) { error in
                XCTAssertEqual(String(describing: error), "error unpacking subchart \(entry) in app: Chart.yaml file is missing")
            }
        }
    }
}
