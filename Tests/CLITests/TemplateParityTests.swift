import Foundation
import XCTest
import TestSupport

/// `meshrender template` against the real `helm template` (found through `MESHRENDER_HELM`): the
/// same command line, run in `Fixtures/template`, gives the same stdout bytes, and with
/// `--output-dir` the same log and the same tree. Skipped when helm is not installed.
final class TemplateParityTests: XCTestCase {
    static let directory = CLI.fixtures.appendingPathComponent("template")

    /// Command lines (after `template`) both tools must print identically.
    static let commandLines: [[String]] = [
        ["web", "chart"],
        ["web", "chart", "--include-crds"],
        ["--include-crds=true", "-n", "prod", "web", "--skip-tests", "chart"],
        ["chart", "--include-crds", "--skip-crds"],
        ["chart"],
        ["-g", "chart"],
        ["chart", "--name-template", "{{ \"shop\" | upper | lower }}-canary"],
        ["web", "chart", "--is-upgrade"],
        ["web", "chart", "--is-upgrade=false", "--no-hooks"],
        ["web", "chart", "--skip-tests", "--no-hooks=false"],
        ["web", "chart", "-f", "prod.yaml,tag.yaml", "--set", "image.tag=v3", "--set-string", "replicas=4"],
        ["web", "chart", "--values=prod.yaml", "--set-json", "extra={\"a\":[1,2]}", "--set-file", "notes=note.txt",
         "--set-literal", "lit=a,b={c}"],
        ["web", "chart", "--kube-version", "1.30.2", "-a", "shop.example.com/v1,other/v2", "--api-versions=x/v1"],
        ["web", "chart", "--include-crds", "-s", "crds/*", "-s", "templates/tests/test-connection.yaml"],
        ["web", "chart", "--show-only=templates/deployment.yaml", "-scharts/backend/templates/service.yaml"],
        ["web", "chart", "--set", "extras.enabled=true", "--include-crds", "--dry-run"],
        ["--dry-run=client", "-nprod", "web", "--", "chart"],
        ["web", "chart", "-n=", "--kube-version=", "-a="],
        ["web", "chart", "-n=prod", "--namespace", "", "-s=templates/deployment.yaml"],
        ["web", "chart", "--set", "replicas=many", "--skip-schema-validation"],
    ]

    func testStdoutMatchesHelmTemplate() throws {
        let helm = try Self.helm()
        var identical = 0
        for line in Self.commandLines {
            let expected = try Self.run(helm, ["template"] + line)
            let actual = try Self.run(CLI.binary.path, ["template"] + line)
            if expected.status == 0 {
                XCTAssertEqual(actual.status, 0, "\(line): \(actual.stderr)")
                XCTAssertEqual(actual.stdout, expected.stdout, "\(line): stdout differs from helm template")
                if actual.stdout == expected.stdout { identical += 1 }
            } else {
                XCTAssertNotEqual(actual.status, 0, "\(line): helm failed (\(expected.stderr)), meshrender did not")
                if actual.status != 0 { identical += 1 }
            }
        }
        print("template parity: \(identical)/\(Self.commandLines.count) command lines agree with helm template")
    }

    /// `--output-dir`, with and without `--release-name` and CRDs: same `wrote` log, same files.
    func testOutputDirectoryTreeMatchesHelm() throws {
        let helm = try Self.helm()
        let variants: [[String]] = [
            ["web", "chart"],
            ["web", "chart", "--include-crds", "--release-name", "--skip-tests"],
            ["chart", "--include-crds", "--is-upgrade", "--no-hooks"],
        ]
        for line in variants {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-out-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let helmDir = scratch.appendingPathComponent("helm").path, ownDir = scratch.appendingPathComponent("own").path
            let expected = try Self.run(helm, ["template"] + line + ["--output-dir", helmDir])
            let actual = try Self.run(CLI.binary.path, ["template", "--output-dir", ownDir] + line)
            XCTAssertEqual(expected.status, 0, "\(line): helm: \(expected.stderr)")
            XCTAssertEqual(actual.status, 0, "\(line): \(actual.stderr)")
            XCTAssertEqual(
                actual.stdout.replacingOccurrences(of: ownDir, with: "OUT"),
                expected.stdout.replacingOccurrences(of: helmDir, with: "OUT"), "\(line): wrote log")
            let helmFiles = try Self.tree(helmDir), ownFiles = try Self.tree(ownDir)
            XCTAssertEqual(ownFiles.keys.sorted(), helmFiles.keys.sorted(), "\(line): file list")
            for (path, text) in helmFiles {
                XCTAssertEqual(ownFiles[path], text, "\(line): \(path)")
            }
        }
    }

    /// A packaged chart (made by `helm package`) keeps its `crds/`, its subcharts' too.
    func testPackagedChartMatchesHelm() throws {
        let helm = try Self.helm()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-pkg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let packaged = try Self.run(helm, ["package", "chart", "-d", scratch.path])
        XCTAssertEqual(packaged.status, 0, packaged.stderr)
        let archive = scratch.appendingPathComponent("shop-1.2.3.tgz").path
        for line in [["web", archive, "--include-crds"], [archive, "--include-crds", "--skip-tests", "--set", "extras.enabled=true"]] {
            let expected = try Self.run(helm, ["template"] + line)
            let actual = try Self.run(CLI.binary.path, ["template"] + line)
            XCTAssertEqual(expected.status, 0, "\(line): helm: \(expected.stderr)")
            XCTAssertEqual(actual.status, 0, "\(line): \(actual.stderr)")
            XCTAssertEqual(actual.stdout, expected.stdout, "\(line)")
        }
    }

    /// Errors helm and meshrender both report for the same misuse.
    func testMisusesFailLikeHelm() throws {
        let helm = try Self.helm()
        let cases: [([String], String)] = [
            ([], "requires at least 1 argument"),
            (["a", "chart", "extra"], "expected at most two arguments, unexpected arguments: extra"),
            (["a", "chart", "-g"], "cannot set --generate-name and also specify a name"),
            (["a", "chart", "--name-template", "x"], "cannot set --name-template and also specify a name"),
            (["a", "chart", "--dry-run=bogus"], "invalid dry-run value (\"bogus\"). Must be \"none\", \"server\", or \"client\""),
            (["a", "chart", "--dry-run=none"], "invalid dry-run value (\"none\"). Must be \"server\" or \"client\""),
            (["a", "chart", "-s", "templates/none.yaml"], "could not find template templates/none.yaml in chart"),
            (["a", "chart", "--bogus"], "unknown flag: --bogus"),
            (["a", "chart", "-f="], "open =: no such file or directory"),
            (["a", "chart", "--set", "replicas=many"], "at '/replicas': got string, want integer"),
            (["Bad_Name", "chart"], "invalid release name"),
        ]
        for (line, message) in cases {
            let expected = try Self.run(helm, ["template"] + line)
            let actual = try Self.run(CLI.binary.path, ["template"] + line)
            XCTAssertNotEqual(expected.status, 0, "\(line): helm")
            XCTAssertTrue(expected.stderr.contains(message), "\(line): helm says \(expected.stderr)")
            XCTAssertEqual(actual.status, 2, "\(line)")
            XCTAssertEqual(actual.stdout, "", "\(line)")
            XCTAssertTrue(actual.stderr.contains(message), "\(line): meshrender says \(actual.stderr)")
        }
    }

    // MARK: - Support

    static func helm() throws -> String { try ReferenceTool.helm.require() }

    /// Runs `executable args` in the fixture directory, with helm's homes in a scratch directory.
    static func run(_ executable: String, _ args: [String]) throws -> CLIResult {
        let home = NSTemporaryDirectory() + "meshrender-template-parity-helm"
        return try CLI.run(
            args, environment: ["HELM_CACHE_HOME": home + "/cache", "HELM_CONFIG_HOME": home + "/config", "HELM_DATA_HOME": home + "/data"],
            executable: URL(fileURLWithPath: executable), directory: directory)
    }

    /// Relative path → contents of every file below `dir`.
    static func tree(_ dir: String) throws -> [String: String] {
        var out: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return out }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let path = dir + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        return out
    }
}
