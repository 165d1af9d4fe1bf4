import Foundation
import XCTest

/// Charts and values Helm accepts or refuses, accepted or refused alike, in Helm's words.
final class HelmChartChecksTests: XCTestCase {
    func testChartYAMLIsCheckedAsHelmChecksIt() throws {
        let cases: [(chartYAML: String?, expected: String?)] = [
            (nil, "unable to detect chart at {chart}/Chart.yaml: open {chart}/Chart.yaml: no such file or directory"),
            ("apiVersion: v2\nversion: 0.1.0\n", "validation: chart.metadata.name is required"),
            ("apiVersion: v2\nname: c\nversion: abc\n", #"validation: chart.metadata.version "abc" is invalid"#),
            ("apiVersion: v2\nname: c\nversion: 1.2.3-01\n", #"validation: chart.metadata.version "1.2.3-01" is invalid"#),
            ("apiVersion: v2\nname: c\n", "validation: chart.metadata.version is required"),
            ("- a\n- b\n", "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type loader.chartBase"),
            ("5\n", "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type loader.chartBase"),
            ("apiVersion: v9\nname: c\nversion: 0.1.0\n", "unsupported chart version"),
            ("apiVersion: v2\nname: ../x\nversion: 0.1.0\n", #"validation: chart.metadata.name "../x" is invalid"#),
            ("apiVersion: v2\nname: ..\nversion: 0.1.0\n", #"validation: chart.metadata.name ".." is not allowed"#),
            ("apiVersion: v2\nname: c\nversion: 1\ntype: Library\n", "validation: chart.metadata.type must be application or library"),
            ("name: c\nversion: v1.2\n", nil),
            ("apiVersion: v1\nname: c\nversion: 01.2.3\n", nil),
        ]
        for c in cases {
            let chart = try ScratchChart(chartYAML: c.chartYAML, files: ["templates/a.yaml": "a: 1\n"])
            defer { chart.remove() }
            let r = try CLI.run(["render", chart.path])
            if let expected = c.expected {
                XCTAssertEqual(r.status, 2, "\(c.chartYAML ?? "none")")
                XCTAssertEqual(r.stderr, expected.replacingOccurrences(of: "{chart}", with: chart.path) + "\n")
            } else {
                XCTAssertEqual(r.status, 0, "\(c.chartYAML ?? "none"): \(r.stderr)")
            }
        }
    }

    func testSmallValuesFilesWithAByteOrderMarkAreRead() throws {
        let chart = try ScratchChart(files: ["templates/a.yaml": "a: {{ .Values.a }}\n", "values.yaml": "\u{FEFF}a: 1\n"])
        defer { chart.remove() }
        try chart.write("extra.yaml", "\u{FEFF}a: 2\n")
        let r = try CLI.run(["render", chart.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("a: 1\n"), r.stdout)
        let overridden = try CLI.run(["render", chart.path, "-f", chart.path + "/extra.yaml"])
        XCTAssertTrue(overridden.stdout.hasSuffix("a: 2\n"), overridden.stderr)
    }

    /// 110,000 one-byte files: 110 KB of content, ~110 MB of tar headers and padding.
    func testPackagedChartsCountContentNotTarHeaders() throws {
        let chart = try ScratchChart(files: ["templates/a.yaml": #"n: {{ len (.Files.Glob "files/*") }}"# + "\n"])
        defer { chart.remove() }
        let files = chart.root.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for i in 0..<110_000 { FileManager.default.createFile(atPath: files.appendingPathComponent("f\(i)").path, contents: Data("x".utf8)) }
        let archive = chart.root.deletingLastPathComponent().appendingPathComponent("c.tgz")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "czf", archive.path, "-C", chart.root.deletingLastPathComponent().path, "c"]
        try tar.run()
        tar.waitUntilExit()
        let r = try CLI.run(["render", archive.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("n: 110000\n"), r.stderr)
    }
}
