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
