import Foundation
import HelmValues
import XCTest

@testable import MeshRender

/// What subchart handling does not cover is refused with an error instead of being ignored.
final class SubchartRefusalTests: XCTestCase {
    private func chartDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("subcharts-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    private func render(_ path: String) throws -> String {
        try Pipeline.render(chart: .directory(path), values: ValuesInput(), release: ReleaseInput(), io: .standard).text
    }

    func testPackagedSubchartsAreRefused() throws {
        let path = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
            "templates/cm.yaml": "kind: ConfigMap\n",
            "charts/db-1.0.0.tgz": "not really an archive",
        ])
        XCTAssertThrowsError(try render(path)) { error in
            XCTAssertEqual(String(describing: error), "packaged subcharts are not supported: charts/db-1.0.0.tgz (unpack it into charts/ with tar -xzf)")
        }
    }

    func testImportValuesAreRefused() throws {
        let path = try chartDirectory([
            "Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: db\n    version: 1.0.0\n    import-values: [data]\n",
            "templates/cm.yaml": "kind: ConfigMap\n",
            "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 1.0.0\n",
            "charts/db/values.yaml": "exports:\n  data: {a: 1}\n",
        ])
        XCTAssertThrowsError(try render(path)) { error in
            XCTAssertTrue(String(describing: error).contains("import-values of dependency db in chart app is not supported"), "\(error)")
        }
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
