import Foundation
import XCTest

/// `render --trace`: each rule and peer of the built-in chart's policies names the values that produced it.
final class TraceCLITests: XCTestCase {
    private func render(_ args: [String]) throws -> String {
        let result = try CLI.run(["render"] + args)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// The output with every trace comment removed.
    private func stripped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: " # ") else { return String(line) }
            return String(line[..<range.lowerBound])
        }.joined(separator: "\n")
    }

    func testCommentsOnlyAndUnchangedWithoutTheFlag() throws {
        let args = ["-f", "values/vald.yaml", "-f", "values/vald-observability.yaml", "-n", "vald"]
        let plain = try render(args), traced = try render(args + ["--trace"])
        XCTAssertFalse(plain.contains(" # "), "without --trace nothing is added")
        XCTAssertNotEqual(plain, traced)
        XCTAssertEqual(stripped(traced), plain)
        // Every rule and every peer line carries a comment.
        let policyTypes: Set<Substring> = ["    - Ingress", "    - Egress"]
        for line in traced.split(separator: "\n") where (line.hasPrefix("    - ") && !policyTypes.contains(line)) || line.hasPrefix("      - namespaceSelector:")
            || line.hasPrefix("      - podSelector:") || line.hasPrefix("      - ipBlock:") {
            XCTAssertTrue(line.contains(" # "), String(line))
        }
    }

    func testTableCellsCustomRulesPortsAndKubeSystemAreNamed() throws {
        let vald = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("values/vald.yaml").path, encoding: .utf8)
        let lbRow = try XCTUnwrap(vald.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("    | lb gateway ") }) + 1
        let traced = try render(["-f", "values/vald.yaml", "-f", "values/vald-observability.yaml", "-n", "vald", "--trace"])
        XCTAssertTrue(
            traced.contains("      - namespaceSelector: # values/vald.yaml:\(lbRow) mesh.connectivityTable (lb-gateway → agent)\n"), traced)
        XCTAssertTrue(traced.contains("    - from: # values/vald-observability.yaml:9 defaults.networkPolicy.custom.ingress[0]\n"), traced)
        XCTAssertTrue(traced.contains("      - podSelector: # values/vald-observability.yaml:10 defaults.networkPolicy.custom.ingress[0].from[0]\n"), traced)

        let mysql = try render(["-f", "values/backend-mysql.yaml", "-n", "db", "--trace"])
        XCTAssertTrue(mysql.contains("    - ports: # ports: values/backend-mysql.yaml:16 mesh.components.mysql.ports\n"), mysql)
        XCTAssertTrue(mysql.contains("      - namespaceSelector: # values/backend-mysql.yaml:18 mesh.connectivity.backend[0]\n"), mysql)
        XCTAssertTrue(mysql.contains("    - ports: # values/backend-mysql.yaml:10 mesh.kubeSystem.egress\n"), mysql)
        // A setting the user left at the chart's default names the chart's own values file.
        let defaults = try CLI.run(["render", "-f", "-", "-n", "t", "--trace"], stdin: "mesh:\n  components: {a: {}}\n").stdout
        XCTAssertTrue(defaults.contains("    - to: # values/values.yaml:"), defaults)
        XCTAssertTrue(defaults.contains(" mesh.kubeSystem.egress\n"), defaults)
    }

    func testTraceIsForTheBuiltinChartsYAML() throws {
        let json = try CLI.run(["render", "-f", "values/vald.yaml", "--trace", "-o", "json"])
        XCTAssertEqual(json.status, 2)
        XCTAssertEqual(json.stdout, "")
        let chart = try CLI.run(["render", TemplateCLITests.chart, "--trace"])
        XCTAssertEqual(chart.status, 2)
        XCTAssertTrue(chart.stderr.contains("--trace follows the built-in chart's policies"), chart.stderr)
    }
}

/// `verify --explain`: each rule of policies rendered from the values names the values entry it came from.
final class ExplainSourceCLITests: XCTestCase {
    private func run(_ args: [String], stdin: String? = nil) throws -> String {
        let result = try CLI.run(args, stdin: stdin)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// The output with every ` (values/…)` source removed.
    private func stripped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: " (values/") else { return String(line) }
            return String(line[..<range.lowerBound])
        }.joined(separator: "\n")
    }

    func testRulesNameTheirValuesLineAndManifestsStayAsBefore() throws {
        let args = ["verify", "-f", "values/backend-mysql.yaml", "-n", "db", "--explain", "backend", "mysql"]
        let text = try run(args)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("    egress of backend-allow rule ") && $0.hasSuffix("allows TCP 3306 (values/backend-mysql.yaml:18 mesh.connectivity.backend[0])") },
            text)
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("    ingress of mysql-allow rule 1:") && $0.hasSuffix(" (values/backend-mysql.yaml:18 mesh.connectivity.backend[0])") },
            text)
        XCTAssertTrue(lines.contains { $0.hasSuffix("peer does not match (values/backend-mysql.yaml:10 mesh.kubeSystem.egress)") }, text)
        // Every rule line names its source.
        for line in lines where line.hasPrefix("    ") { XCTAssertTrue(line.contains(" (values/backend-mysql.yaml:"), line) }
        // Given manifests, the rules may not be the values' own: nothing is added, the rest is as it was.
        let rendered = try run(["render", "-f", "values/backend-mysql.yaml", "-n", "db"])
        let manifests = try run(args + ["--manifests", "-"], stdin: rendered)
        XCTAssertFalse(manifests.contains("(values/"), manifests)
        XCTAssertEqual(stripped(text), manifests)
    }

    func testATableCellIsTheSourceOfAValdRule() throws {
        let text = try run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--explain", "lb-gateway", "agent"])
        XCTAssertTrue(text.contains(" (values/vald.yaml:48 mesh.connectivityTable (lb-gateway → agent))\n"), text)
    }

    func testJSONHasASourceFieldWhereValuesAreKnown() throws {
        let args = ["verify", "-f", "values/backend-mysql.yaml", "-n", "db", "--explain", "backend", "mysql", "-o", "json"]
        let json = try run(args)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.count, 1)
        let ingress = try XCTUnwrap(parsed[0]["ingress"] as? [String: Any])
        let rules = try XCTUnwrap(ingress["rules"] as? [[String: Any]])
        let source = try XCTUnwrap(rules.first?["source"] as? [String: Any])
        XCTAssertEqual(source["file"] as? String, "values/backend-mysql.yaml")
        XCTAssertEqual(source["line"] as? Int, 18)
        XCTAssertEqual(source["path"] as? String, "mesh.connectivity.backend[0]")
        XCTAssertEqual(rules.first?["policy"] as? String, "mysql-allow")
        let rendered = try run(["render", "-f", "values/backend-mysql.yaml", "-n", "db"])
        let manifests = try run(args + ["--manifests", "-"], stdin: rendered)
        XCTAssertFalse(manifests.contains("\"source\""), manifests)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(manifests.utf8)))
    }
}

/// `diff` of two values releases of the built-in chart: each opened or closed flow cites the rules behind it and
/// the values line each came from; a diff of manifests cites none.
final class DiffSourceCLITests: XCTestCase {
    private let overlay = DiffCLITests.overlay
    private var args: [String] {
        ["diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "--new-values", overlay, "-n", "vald"]
    }

    func testChangesCiteTheirRulesAndValuesLines() throws {
        let human = try CLI.run(args)
        XCTAssertEqual(human.status, 0, human.stderr)
        let lines = human.stdout.split(separator: "\n").map(String.init)
        let opened = " (\(overlay):9 mesh.connectivityTable (filter-gateway → agent))"
        XCTAssertTrue(lines.contains { $0.hasPrefix("      allowed by egress of vald-filter-gateway-allow rule ") && $0.hasSuffix(opened) }, human.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("      allowed by ingress of vald-agent-allow rule ") && $0.hasSuffix(opened) }, human.stdout)
        let closed = " (values/vald.yaml:48 mesh.connectivityTable (lb-gateway → discoverer))"
        XCTAssertTrue(lines.contains { $0.hasPrefix("      was allowed by ingress of vald-discoverer-allow rule ") && $0.hasSuffix(closed) }, human.stdout)

        let json = try CLI.run(args + ["-o", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let flows = try XCTUnwrap(report["connectivity"] as? [[String: Any]])
        let agent = try XCTUnwrap(flows.first { $0["to"] as? String == "agent" })
        let rules = try XCTUnwrap(agent["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, 2, "\(rules)")
        for rule in rules {
            let source = try XCTUnwrap(rule["source"] as? [String: Any])
            XCTAssertEqual(source["file"] as? String, overlay)
            XCTAssertEqual(source["line"] as? Int, 9)
            XCTAssertEqual(source["path"] as? String, "mesh.connectivityTable (filter-gateway → agent)")
        }
    }

    func testManifestDiffCitesNoRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-diff-src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let old = dir.appendingPathComponent("old.yaml"), new = dir.appendingPathComponent("new.yaml")
        try Data(CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout.utf8).write(to: old)
        try Data(CLI.run(["render", "-f", "values/vald.yaml", "-f", overlay, "-n", "vald"]).stdout.utf8).write(to: new)
        let human = try CLI.run(["diff", old.path, new.path, "-n", "vald"])
        XCTAssertTrue(human.stdout.contains("filter-gateway -> agent"), human.stdout)
        XCTAssertFalse(human.stdout.contains("allowed by"), human.stdout)
        let json = try CLI.run(["diff", old.path, new.path, "-n", "vald", "-o", "json"])
        XCTAssertTrue(json.stdout.contains("\"connectivity\""), json.stdout)
        XCTAssertFalse(json.stdout.contains("\"rules\""), json.stdout)
    }
}
