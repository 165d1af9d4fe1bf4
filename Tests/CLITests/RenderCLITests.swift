import Foundation
import XCTest

/// `meshrender render` end to end: golden output for every shipped values file, determinism,
/// JSON output, and the atomic `--output-dir`.
final class RenderCLITests: XCTestCase {
    /// Shipped values file(s) → golden file, rendered into a namespace.
    static let shipped: [(files: [String], namespace: String, golden: String)] = [
        (["values/vald.yaml"], "vald", "vald.yaml"),
        (["values/vald.yaml", "values/vald-observability.yaml"], "vald", "vald-observability.yaml"),
        (["values/jaeger.yaml"], "tracing", "jaeger.yaml"),
        (["values/backend-mysql.yaml"], "shop", "backend-mysql.yaml"),
        (["values/nginx.yaml"], "web", "nginx.yaml"),
    ]

    func testShippedValuesRenderToTheirGoldenFiles() throws {
        for (files, namespace, golden) in Self.shipped {
            let args = ["render", "-n", namespace] + files.flatMap { ["-f", $0] }
            let result = try CLI.run(args)
            XCTAssertEqual(result.status, 0, "\(files): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", "\(files)")
            try CLI.assertGolden(result.stdout, "render/\(golden)")
        }
    }

    func testSameInputSameBytesAcrossProcesses() throws {
        let first = try CLI.run(["render", "-f", "values/vald.yaml", "-f", "values/vald-observability.yaml", "-n", "vald"])
        for _ in 0..<3 {
            let again = try CLI.run(["render", "-f", "values/vald.yaml", "-f", "values/vald-observability.yaml", "-n", "vald"])
            XCTAssertEqual(again.stdout, first.stdout)
        }
    }

    func testDisabledPoliciesRenderNothing() throws {
        let result = try CLI.run(["render", "-f", "values/vald.yaml", "--set", "defaults.networkPolicy.enabled=false"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "")
    }

    func testSetOverridesKubeSystemAccess() throws {
        let result = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--set", "mesh.kubeSystem.egress=dns"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("k8s-app: kube-dns"))
        XCTAssertTrue(result.stdout.contains("protocol: UDP"))
    }

    /// A `--set` integer (Go `int64` in Helm, a float64 from a file) opens the same port as the
    /// same number from a values file, on both sides of every edge to the component.
    func testSetPortRendersLikeTheSamePortFromAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mr-port-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "mesh: {components: {agent: {ports: [{port: 8080, endPort: 8090}]}}}\n".write(to: file, atomically: true, encoding: .utf8)
        let base = ["render", "-f", "values/vald.yaml", "-n", "vald"]
        let fromSet = try CLI.run(base + ["--set", "mesh.components.agent.ports[0].port=8080,mesh.components.agent.ports[0].endPort=8090"])
        let fromFile = try CLI.run(base + ["-f", file.path])
        let without = try CLI.run(base)
        XCTAssertEqual(fromSet.status, 0, fromSet.stderr)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromSet.stdout, fromFile.stdout)
        XCTAssertNotEqual(fromSet.stdout, without.stdout)
        // The agent's ingress rule and the egress rules of its callers (lb-gateway, index-manager).
        XCTAssertEqual(fromSet.stdout.components(separatedBy: "port: 8080\n").count - 1, 3, fromSet.stdout)
        XCTAssertEqual(fromSet.stdout.components(separatedBy: "endPort: 8090\n").count - 1, 3, fromSet.stdout)
    }

    func testJSONOutputIsAKubernetesList() throws {
        let result = try CLI.run(["render", "-f", "values/backend-mysql.yaml", "-n", "shop", "-o", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["kind"] as? String, "List")
        let items = object?["items"] as? [[String: Any]] ?? []
        XCTAssertEqual(items.count, 2)
        let names = items.compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        XCTAssertEqual(names.sorted(), names)
        XCTAssertTrue(names.allSatisfy { $0.hasSuffix("-allow") }, "\(names)")
    }

    func testOutputDirWritesOneFilePerResource() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().filter { $0 != ".meshrender-output" }
        XCTAssertEqual(files, [
            "networkpolicy-vald-agent-allow.yaml", "networkpolicy-vald-discoverer-allow.yaml",
            "networkpolicy-vald-filter-gateway-allow.yaml", "networkpolicy-vald-lb-gateway-allow.yaml",
            "networkpolicy-vald-manager-index-allow.yaml",
        ])
        let full = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let joined = try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }.joined()
        XCTAssertEqual(Set(joined.components(separatedBy: "---\n")), Set(full.components(separatedBy: "---\n")))
    }

    func testOutputDirIsLeftAsItWasOnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-keep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: dir.appendingPathComponent("networkpolicy-vald-agent-allow.yaml"))
        let result = try CLI.run([
            "render", "-f", "values/vald.yaml", "-f", "Tests/CLITests/Fixtures/bad/port-range.yaml", "--output-dir", dir.path,
        ])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["networkpolicy-vald-agent-allow.yaml"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("networkpolicy-vald-agent-allow.yaml"), encoding: .utf8), "keep me\n")
        let parent = dir.deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains(dir.lastPathComponent + ".staging") }
        XCTAssertEqual(leftovers, [])
    }

    func testHelpAndVersion() throws {
        let help = try CLI.run(["render", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("meshrender render -f values/vald.yaml -n vald"), help.stdout)
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
        let top = try CLI.run(["--help"])
        for command in ["render", "verify", "matrix", "diff"] {
            XCTAssertTrue(top.stdout.contains(command), command)
        }
    }
}
