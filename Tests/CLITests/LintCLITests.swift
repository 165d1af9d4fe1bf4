import Foundation
import XCTest

/// `meshrender lint` end to end: every rule on a fixture, Vald-shaped chart output, the shipped values rendered,
/// the three output formats, rule switches and exit statuses.
final class LintCLITests: XCTestCase {
    let shop = "Tests/CLITests/Fixtures/lint/shop.yaml"
    let valdShaped = "Tests/CLITests/Fixtures/lint/vald-shaped.yaml"
    let clusterRanges = ["--pod-cidr", "10.244.0.0/16", "--service-cidr", "10.96.0.0/12"]

    func testEveryRuleFindsItsProblemWithFileAndLine() throws {
        let result = try CLI.run(["lint", "--manifests", shop] + clusterRanges)
        XCTAssertEqual(result.status, 1, "an error-level finding (unknown-named-port) fails the run: \(result.stderr)")
        try CLI.assertGolden(result.stdout, "lint-shop.txt")
        let ruleIds = Set(result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        })
        XCTAssertEqual(ruleIds, [
            "non-isolated-ingress", "non-isolated-egress", "namespace-without-default-deny", "dangling-policy",
            "dangling-peer", "open-peer", "egress-to-world-any-port", "ingress-from-world-unexposed",
            "unknown-named-port", "ipblock-covers-pods", "redundant-rule",
        ])
        XCTAssertTrue(result.stdout.hasPrefix("\(shop):"), result.stdout)
    }

    func testFindingsOfValdShapedChartOutput() throws {
        let result = try CLI.run(["lint", "--manifests", valdShaped, "-n", "vald"])
        XCTAssertEqual(result.status, 0, "warnings only, default --fail-level error: \(result.stderr)")
        try CLI.assertGolden(result.stdout, "lint-vald-shaped.txt")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("vald/vald-filter-gateway-allow") && $0.hasSuffix("[open-peer]") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("vald/vald-filter-gateway-allow") && $0.hasSuffix("[egress-to-world-any-port]") })
        XCTAssertTrue(lines.contains { $0.contains("vald/vald-mirror-gateway-allow") && $0.hasSuffix("[dangling-policy]") })
        XCTAssertTrue(lines.contains { $0.contains("app=vald-index-save") && $0.hasSuffix("[dangling-peer]") })
        XCTAssertFalse(lines.contains { $0.contains("non-isolated") }, "every deployed workload has its policy")
        let failing = try CLI.run(["lint", "--manifests", valdShaped, "-n", "vald", "--fail-level", "warning"])
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(failing.stdout, result.stdout)
    }

    func testShippedValuesRenderedNameTheTemplate() throws {
        let result = try CLI.run(["lint", "-f", "values/vald.yaml", "-n", "vald"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            meshrender/templates/networkpolicy.yaml: warning: ingress rule 1 of vald/vald-filter-gateway-allow has no peers: it allows connections from every pod and address on TCP 8081 [open-peer]
            1 finding: 0 errors, 1 warning, 0 info

            """)
        let sarif = try json(try CLI.run(["lint", "-f", "values/vald.yaml", "-n", "vald", "-o", "sarif"]).stdout)
        let results = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let location = try XCTUnwrap((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "meshrender/templates/networkpolicy.yaml")
        XCTAssertNil(location["region"], "rendered lines are not the template's")
    }

    func testSARIFListsRulesAndLocatesResults() throws {
        let result = try CLI.run(["lint", "--manifests", shop, "-o", "sarif", "--disable", "redundant-rule"] + clusterRanges)
        XCTAssertEqual(result.status, 1)
        let log = try json(result.stdout)
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "meshrender")
        let ruleIds = try XCTUnwrap(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(ruleIds.count, 10)
        XCTAssertFalse(ruleIds.contains("redundant-rule"))
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, result.stdout.components(separatedBy: "\"ruleId\"").count - 1)
        for item in results {
            let id = try XCTUnwrap(item["ruleId"] as? String)
            XCTAssertEqual(item["ruleIndex"] as? Int, ruleIds.firstIndex(of: id))
            XCTAssertTrue(["error", "warning", "note"].contains(item["level"] as? String ?? ""))
            XCTAssertNotNil((item["message"] as? [String: Any])?["text"] as? String)
            let physical = try XCTUnwrap((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, shop)
            let region = try XCTUnwrap(physical["region"] as? [String: Any])
            XCTAssertGreaterThan(region["startLine"] as? Int ?? 0, 0)
            XCTAssertGreaterThan(region["startColumn"] as? Int ?? 0, 0)
        }
        XCTAssertTrue(results.contains { $0["ruleId"] as? String == "unknown-named-port" && $0["level"] as? String == "error" })
    }

    func testJSONFindingsAreSortedAndCounted() throws {
        let result = try CLI.run(["lint", "--manifests", shop, "-o", "json"] + clusterRanges)
        let report = try json(result.stdout)
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        let keys = findings.map { ($0["file"] as? String ?? "", $0["line"] as? Int ?? 0, $0["rule"] as? String ?? "") }
        XCTAssertEqual(keys.map(\.1), keys.map(\.1).sorted(), "ordered by line")
        for (a, b) in zip(keys, keys.dropFirst()) where a.1 == b.1 { XCTAssertLessThanOrEqual(a.2, b.2) }
        let summary = try XCTUnwrap(report["summary"] as? [String: Int])
        XCTAssertEqual(summary["error"], 1)
        XCTAssertEqual((summary["error"] ?? 0) + (summary["warning"] ?? 0) + (summary["info"] ?? 0), findings.count)
        XCTAssertEqual(try CLI.run(["lint", "--manifests", shop, "-o", "json"] + clusterRanges).stdout, result.stdout)
    }

    func testDisableAndFailLevel() throws {
        let quiet = try CLI.run(["lint", "--manifests", shop, "--disable", "unknown-named-port"])
        XCTAssertEqual(quiet.status, 0, "no error-level finding left")
        XCTAssertFalse(quiet.stdout.contains("unknown-named-port"))
        XCTAssertEqual(try CLI.run(["lint", "--manifests", shop, "--disable", "unknown-named-port", "--fail-level", "warning"]).status, 1)
        let infoOnly = try CLI.run([
            "lint", "--manifests", shop, "--fail-level", "info", "--disable", "unknown-named-port",
        ] + LintCLITests.warningRules.flatMap { ["--disable", $0] })
        XCTAssertEqual(infoOnly.status, 1, infoOnly.stdout)
        XCTAssertTrue(infoOnly.stdout.contains("[redundant-rule]"))
        let typo = try CLI.run(["lint", "--manifests", shop, "--disable", "redundant-rules"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stdout, "")
        XCTAssertTrue(typo.stderr.contains("unknown lint rule \"redundant-rules\" (did you mean \"redundant-rule\"?)"), typo.stderr)
        let badRange = try CLI.run(["lint", "--manifests", shop, "--pod-cidr", "10.244.0.0"])
        XCTAssertEqual(badRange.status, 2)
        XCTAssertTrue(badRange.stderr.contains("--pod-cidr"), badRange.stderr)
    }

    func testCleanManifestsFromStdinHaveNoFindings() throws {
        let clean = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: prod}
            spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: api, image: api}]}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: prod}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}

            """
        let result = try CLI.run(["lint", "--manifests", "-", "--fail-level", "info"], stdin: clean)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "no findings\n")
        let open = try CLI.run(["lint", "--manifests", "-"], stdin: clean.replacingOccurrences(of: "policyTypes: [Ingress, Egress]", with: "policyTypes: [Ingress]"))
        XCTAssertTrue(open.stdout.hasPrefix("<stdin>:1:1: warning: "), open.stdout)
    }

    static let warningRules = [
        "non-isolated-ingress", "non-isolated-egress", "namespace-without-default-deny", "dangling-policy",
        "dangling-peer", "open-peer", "egress-to-world-any-port", "ingress-from-world-unexposed", "ipblock-covers-pods",
    ]

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }
}
