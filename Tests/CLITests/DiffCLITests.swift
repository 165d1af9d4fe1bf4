import Foundation
import XCTest

/// `meshrender diff` end to end on the Vald example.
final class DiffCLITests: XCTestCase {
    static let overlay = "Tests/CLITests/Fixtures/vald-overlay.yaml"

    func testOverlayChangesExactlyFourPoliciesAndTwoFlows() throws {
        let result = try CLI.run([
            "diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "--new-values", Self.overlay,
            "-n", "vald", "--output", "json",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let resources = try XCTUnwrap(report["resources"] as? [[String: Any]])
        XCTAssertEqual(Set(resources.compactMap { $0["name"] as? String }), [
            "vald-agent-allow", "vald-discoverer-allow", "vald-filter-gateway-allow", "vald-lb-gateway-allow",
        ])
        XCTAssertTrue(resources.allSatisfy { $0["change"] as? String == "modified" })
        let flows = try XCTUnwrap(report["connectivity"] as? [[String: Any]])
        let summary = Set(flows.map { "\($0["from"]!)→\($0["to"]!):\($0["change"]!)" })
        XCTAssertEqual(summary, ["filter-gateway→agent:opened", "lb-gateway→discoverer:closed"])
    }

    func testFailOnWidenAndExitCode() throws {
        let widen = try CLI.run([
            "diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "--new-values", Self.overlay,
            "-n", "vald", "--fail-on", "widen",
        ])
        XCTAssertEqual(widen.status, 1)
        XCTAssertTrue(widen.stdout.contains("filter-gateway"), widen.stdout)
        // The same values on both sides: no difference, exit 0 even with --exit-code.
        let same = try CLI.run([
            "diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "-n", "vald", "--exit-code",
        ])
        XCTAssertEqual(same.status, 0, same.stdout)
    }

    func testReformattedCopyIsNoChange() throws {
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let old = dir.appendingPathComponent("old.yaml")
        try Data(rendered.utf8).write(to: old)
        // Same resources: documents reversed, comments added, flow style and reordered keys.
        var documents = rendered.components(separatedBy: "---\n").filter { !$0.isEmpty }.reversed().map { doc -> String in
            var lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let i = lines.firstIndex(of: "kind: NetworkPolicy"), let j = lines.firstIndex(of: "apiVersion: networking.k8s.io/v1") {
                lines.swapAt(i, j)
            }
            return "# reformatted copy\n" + lines.joined(separator: "\n")
        }
        documents = documents.map { $0.replacingOccurrences(of: "  policyTypes:\n    - Ingress\n    - Egress\n", with: "  policyTypes: [Egress, Ingress]  # order is not a change\n") }
        let new = dir.appendingPathComponent("new.yaml")
        try Data(documents.joined(separator: "\n---\n").utf8).write(to: new)
        let result = try CLI.run(["diff", old.path, new.path, "--exit-code"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    func testBadSidesExitTwo() throws {
        let notYAML = try CLI.run(["diff", "-", "values/vald.yaml"], stdin: "a: [1,\n")
        XCTAssertEqual(notYAML.status, 2)
        XCTAssertEqual(notYAML.stdout, "")
        let missing = try CLI.run(["diff", "no/such.yaml", "values/vald.yaml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such.yaml"), missing.stderr)
    }
}
