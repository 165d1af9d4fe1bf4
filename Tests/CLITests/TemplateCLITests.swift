import Foundation
import XCTest

/// `meshrender template` without helm: refusals of the helm flags it does not implement, the flag
/// syntax it shares with helm, and its own outputs.
final class TemplateCLITests: XCTestCase {
    static let chart = "Tests/CLITests/Fixtures/template/chart"

    /// Each refused flag fails alone, naming itself on one line, with nothing on stdout.
    func testUnsupportedHelmFlagsAreRefusedByName() throws {
        let refused: [(args: [String], flag: String)] = [
            (["--post-renderer", "./kustomize-wrapper"], "--post-renderer"),
            (["--post-renderer-args=--enable-helm"], "--post-renderer-args"),
            (["--repo", "https://charts.example.com"], "--repo"),
            (["--version=1.2.3"], "--version"),
            (["--devel"], "--devel"),
            (["--dependency-update"], "--dependency-update"),
            (["--validate"], "--validate"),
            (["--dry-run=server"], "--dry-run=server"),
            (["--kube-context", "prod"], "--kube-context"),
            (["--enable-dns"], "--enable-dns"),
            (["--create-namespace"], "--create-namespace"),
            (["--wait"], "--wait"),
            (["-l", "team=shop"], "--labels"),
        ]
        for (args, flag) in refused {
            for line in [["template", "web", Self.chart] + args, ["template"] + args + ["web", Self.chart]] {
                let result = try CLI.run(line)
                XCTAssertEqual(result.status, 2, "\(line)")
                XCTAssertEqual(result.stdout, "", "\(line)")
                XCTAssertTrue(result.stderr.hasPrefix("\(flag) is not supported: "), "\(line): \(result.stderr)")
                XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "\(line): one line")
            }
        }
    }

    func testPostRendererRefusalSaysWhatToDoInstead() throws {
        let result = try CLI.run(["template", "web", Self.chart, "--post-renderer", "./x"])
        XCTAssertEqual(
            result.stderr,
            "--post-renderer is not supported: meshrender runs no plugins; pipe its output into the post-renderer instead (meshrender post-render adds a mesh's policies)\n")
    }

    func testRemoteChartsAndValuesAreRefused() throws {
        let cases: [([String], String)] = [
            (["web", "oci://registry.example.com/charts/shop"], "chart \"oci://registry.example.com/charts/shop\": oci charts are not supported: "),
            (["web", "https://charts.example.com/shop-1.0.0.tgz"], "chart \"https://charts.example.com/shop-1.0.0.tgz\": https charts are not supported: "),
            (["web", Self.chart, "-f", "https://example.com/values.yaml"],
             "values file \"https://example.com/values.yaml\": values from URLs are not supported: download the file first\n"),
        ]
        for (args, message) in cases {
            let result = try CLI.run(["template"] + args)
            XCTAssertEqual(result.status, 2, "\(args)")
            XCTAssertEqual(result.stdout, "", "\(args)")
            XCTAssertTrue(result.stderr.hasPrefix(message), "\(args): \(result.stderr)")
        }
    }

    func testFlagSyntaxErrors() throws {
        let cases: [([String], String)] = [
            (["--bogus"], "unknown flag: --bogus\n"),
            (["-x"], "unknown shorthand flag: 'x' in -x\n"),
            (["-f"], "flag needs an argument: -f\n"),
            (["--include-crds=maybe"],
             "invalid argument \"maybe\" for \"--include-crds\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n"),
        ]
        for (args, message) in cases {
            let result = try CLI.run(["template", "web", Self.chart] + args)
            XCTAssertEqual(result.status, 2, "\(args)")
            XCTAssertEqual(result.stdout, "", "\(args)")
            XCTAssertEqual(result.stderr, message, "\(args)")
        }
    }

    /// The same flags in any position, in any of their spellings, give the same bytes.
    func testFlagsAnywhereGiveTheSameOutput() throws {
        let lines: [[String]] = [
            ["template", "web", Self.chart, "-n", "prod", "--include-crds", "--skip-tests", "-f", "Tests/CLITests/Fixtures/template/prod.yaml"],
            ["template", "--namespace=prod", "web", "--include-crds=true", Self.chart, "--skip-tests", "--values=Tests/CLITests/Fixtures/template/prod.yaml"],
            ["template", "-nprod", "--include-crds", "--skip-tests", "-fTests/CLITests/Fixtures/template/prod.yaml", "--", "web", Self.chart],
        ]
        let first = try CLI.run(lines[0])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("---\n# Source: shop/crds/nested/gadgets.yml\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains("replicas: 3"))
        XCTAssertFalse(first.stdout.contains("test-connection"))
        for line in lines.dropFirst() {
            let other = try CLI.run(line)
            XCTAssertEqual(other.status, 0, "\(line): \(other.stderr)")
            XCTAssertEqual(other.stdout, first.stdout, "\(line)")
        }
    }

    func testIsUpgradeFlipsReleaseFlags() throws {
        let result = try CLI.run(["template", "web", Self.chart, "--is-upgrade", "-s", "templates/configmap.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("isUpgrade: \"true\"\n  isInstall: \"false\""), result.stdout)
    }

    func testNameTemplateNamesTheRelease() throws {
        let result = try CLI.run(["template", Self.chart, "--name-template", "{{ printf \"%s-%d\" \"canary\" 7 }}", "-s", "templates/deployment.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("name: canary-7-web"), result.stdout)
    }

    func testShowOnlyWithOutputDirWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["template", "web", Self.chart, "--output-dir", dir.path, "-s", "templates/configmap.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "could not find template templates/configmap.yaml in chart\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path))
    }
}
