import XCTest

/// A chart whose resources carry names that would leave the output directory is refused.
final class OutputDirectorySafetyTests: XCTestCase {
    func testNamesThatEscapeTheDirectoryAreRefused() throws {
        let chart = FileManager.default.temporaryDirectory.appendingPathComponent("mr-escape-\(UUID().uuidString)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mr-escape-out-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: chart)
            try? FileManager.default.removeItem(at: out)
        }
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("apiVersion: v2\nname: escape\nversion: 0.1.0\n".utf8).write(to: chart.appendingPathComponent("Chart.yaml"))
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ../../evil\n".utf8)
            .write(to: chart.appendingPathComponent("templates/cm.yaml"))
        let result = try CLI.run(["render", chart.path, "-o", "json", "--output-dir", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("escape"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
