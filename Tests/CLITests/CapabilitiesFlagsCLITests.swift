import Foundation
import XCTest
import TestSupport

/// `meshrender render --kube-version --api-versions`: the same `.Capabilities` as `helm template`
/// with the same flags (checked against the real helm when it is installed), and Helm's refusal
/// of a version it cannot read.
final class CapabilitiesFlagsCLITests: XCTestCase {
    static let chart = "Tests/CLITests/Fixtures/capabilities-chart"

    static var helm: String? { ReferenceTool.helm.path }

    /// Each flag set, with what helm prints for it (checked below when helm is present).
    static let cases: [(flags: [String], kubeVersion: String, custom: String, other: String, empty: String, last: String)] = [
        ([], "v1.35.0", "false", "false", "false", "apiextensions.k8s.io/v1"),
        (["--kube-version", "v1.30.2-gke.1245000", "--api-versions", "example.com/v1,example.com/v2"],
         "v1.30.2", "true", "true", "false", "example.com/v2"),
        (["--kube-version", "1.31", "-a", "example.com/v1", "-a", "example.com/v2"], "v1.31", "true", "true", "false", "example.com/v2"),
        (["-a", "example.com/v1,,"], "v1.35.0", "true", "false", "true", ""),
    ]

    func testFlagsSetTheCapabilities() throws {
        for c in Self.cases {
            let result = try CLI.run(["render", Self.chart, "--release", "r"] + c.flags)
            XCTAssertEqual(result.status, 0, "\(c.flags): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("kubeVersion: \"\(c.kubeVersion)\""), "\(c.flags): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains("custom: \"\(c.custom)\""), "\(c.flags)")
            XCTAssertTrue(result.stdout.contains("other: \"\(c.other)\""), "\(c.flags)")
            XCTAssertTrue(result.stdout.contains("empty: \"\(c.empty)\""), "\(c.flags)")
            XCTAssertTrue(result.stdout.contains("last: \"\(c.last)\""), "\(c.flags)")
        }
    }

    func testOutputMatchesHelmTemplate() throws {
        let helm = try ReferenceTool.helm.require()
        for c in Self.cases {
            let ours = try CLI.run(["render", Self.chart, "--release", "r"] + c.flags)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: helm)
            process.arguments = ["template", "r", Self.chart] + c.flags
            process.currentDirectoryURL = CLI.packageRoot
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let expected = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(c.flags)")
            XCTAssertEqual(ours.stdout, expected, "\(c.flags)")
        }
    }

    /// Helm's flag errors, and the chart's `kubeVersion:` constraint checked against the
    /// normalized version (a `-gke` suffix is no pre-release there) but named as given.
    static let refusals: [(version: String, message: String)] = [
        ("abc", "invalid kube version 'abc': could not parse \"abc\" as version"),
        ("1", "invalid kube version '1': illegal version string \"1\""),
        ("01.30", "invalid kube version '01.30': illegal zero-prefixed version component \"01\" in \"01.30\""),
        ("v1.29.9-gke.1", "chart requires kubeVersion: >=1.30.0 which is incompatible with Kubernetes v1.29.9-gke.1"),
    ]

    func testUnreadableOrExcludedVersionsAreRefused() throws {
        for (version, message) in Self.refusals {
            let result = try CLI.run(["render", Self.chart, "--kube-version", version])
            XCTAssertEqual(result.status, 2, version)
            XCTAssertEqual(result.stdout, "", version)
            XCTAssertTrue(result.stderr.contains(message), "\(version): \(result.stderr)")
        }
    }
}
