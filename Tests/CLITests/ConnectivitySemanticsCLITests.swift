import XCTest

/// The one semantics through the CLI: every endpoint of real-shaped chart output, verify that refuses to pass
/// without intent, and the widening gate on every way a release un-isolates pods.
final class ConnectivitySemanticsCLITests: XCTestCase {
    let output = "Tests/CLITests/Fixtures/app-with-policies.yaml"

    func testMatrixOfChartOutputShowsWorkloadsPeersAndTheOutsideWorld() throws {
        let result = try CLI.run(["matrix", "--manifests", output, "-n", "search", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let endpoints = try XCTUnwrap(json["endpoints"] as? [[String: Any]])
        let ids = endpoints.compactMap { $0["id"] as? String }
        XCTAssertTrue(ids.contains("search/search-gateway[Deployment]"), "\(ids)")
        XCTAssertTrue(ids.contains("search/search-agent[StatefulSet]"), "\(ids)")
        XCTAssertTrue(ids.contains("search/{app=search-index-job}"), "the job exists only as a peer: \(ids)")
        XCTAssertTrue(ids.contains("0.0.0.0/0"), "\(ids)")
        let flows = try XCTUnwrap(json["flows"] as? [[String: Any]])
        func ports(_ from: String, _ to: String) -> String? {
            flows.first { $0["from"] as? String == from && $0["to"] as? String == to }.map { "\($0["ports"]!)" }
        }
        XCTAssertEqual(ports("search/search-gateway[Deployment]", "0.0.0.0/0"), "all")
        XCTAssertNotNil(ports("search/{app=search-index-job}", "search/search-agent[StatefulSet]"))
        // The named port resolves on the agent's pods.
        XCTAssertTrue(ports("search/search-gateway[Deployment]", "search/search-agent[StatefulSet]")?.contains("8081") ?? false)
        XCTAssertNil(ports("search/*", "search/search-agent[StatefulSet]"))
    }

    func testMatrixHideDropsRowsAndColumns() throws {
        let result = try CLI.run([
            "matrix", "--manifests", output, "-n", "search", "--format", "csv", "--hide", "representatives", "--hide", "kube-system",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").first,
                       "from / to,search/search-gateway[Deployment],search/search-agent[StatefulSet],0.0.0.0/0")
    }

    func testVerifyWithoutIntentIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("meshrender-empty-\(UUID().uuidString).yaml")
        try "replicas: 1\n".write(to: empty, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: empty) }
        for args in [["verify", "-f", empty.path, "--manifests", output], ["verify", "Tests/CLITests/Fixtures/capabilities-chart"]] {
            let result = try CLI.run(args)
            XCTAssertEqual(result.status, 2, "\(args): \(result.stdout)")
            XCTAssertEqual(result.stdout, "")
            XCTAssertTrue(result.stderr.hasPrefix("nothing to verify: "), result.stderr)
        }
        let draw = try CLI.run(["matrix"])
        XCTAssertEqual(draw.status, 2)
        XCTAssertTrue(draw.stderr.hasPrefix("nothing to draw: "), draw.stderr)
        let twice = try CLI.run(["verify", "-f", "-", "--manifests", "-"], stdin: "mesh: {}\n")
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("standard input can be read only once"), twice.stderr)
    }

    func testNamedPortTowardsAnAddressIsWarnedAbout() throws {
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web-out}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
                ports: [{port: https}]
            """
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", "-"], stdin: policy)
        XCTAssertTrue(
            result.stderr.contains(
                "policy vald/web-out egress rule 1: named port \"https\" towards ipBlock 10.0.0.0/8 never matches"),
            result.stderr)
    }

    func testExplainIsRepeatableTakesExternalIdsAndFailsOnADifference() throws {
        let agree = try CLI.run([
            "verify", "-f", "values/vald.yaml", "-n", "vald", "--explain", "clients", "filter-gateway", "--explain", "lb-gateway", "agent",
        ])
        XCTAssertEqual(agree.status, 0, agree.stderr)
        XCTAssertTrue(agree.stdout.hasPrefix("0.0.0.0/0 → filter-gateway: allowed TCP 8081, intended allowed TCP 8081\n"), agree.stdout)
        XCTAssertTrue(agree.stdout.contains("\nlb-gateway → agent: allowed, intended allowed\n"), agree.stdout)
        // Against tampered manifests the explained flow differs from the intent: exit 1.
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let kept = rendered.components(separatedBy: "---\n").filter { !$0.contains("name: vald-agent-allow") }.joined(separator: "---\n")
        let differs = try CLI.run(
            ["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", "-", "--explain", "vald/*", "agent"], stdin: kept)
        XCTAssertEqual(differs.status, 1, differs.stdout + differs.stderr)
        XCTAssertTrue(differs.stdout.hasPrefix("vald/* → agent: allowed, intended denied"), differs.stdout)
    }

    func testOutputIsDashOOnEverySubcommand() throws {
        XCTAssertEqual(try CLI.run(["matrix", "-f", "values/vald.yaml", "-o", "csv"]).stdout,
                       try CLI.run(["matrix", "-f", "values/vald.yaml", "--format", "csv"]).stdout)
        let diff = try CLI.run([
            "diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "-n", "vald", "-o", "json",
        ])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.hasPrefix("{"), diff.stdout)
    }

    func testVerifyJSONListsDifferencesAndFlows() throws {
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "-o", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["passed"] as? Bool, true)
        XCTAssertEqual((json["differences"] as? [Any])?.count, 0)
        let flows = try XCTUnwrap(json["flows"] as? [[String: Any]])
        XCTAssertTrue(flows.contains { $0["from"] as? String == "lb-gateway" && $0["to"] as? String == "agent" })
    }

    func testVerifyOfChartOutputAgainstIntentFindsTheOpenEgress() throws {
        let values = FileManager.default.temporaryDirectory.appendingPathComponent("meshrender-search-\(UUID().uuidString).yaml")
        try """
            mesh:
              kubeSystem: {egress: true}
              components:
                gateway: {name: search-gateway}
                agent: {name: search-agent}
              connectivity:
                gateway: [agent]
            """.write(to: values, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: values) }
        let result = try CLI.run(["verify", "-f", values.path, "-n", "search", "--manifests", output])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("gateway → 0.0.0.0/0: allowed, intended denied"), result.stdout)
        XCTAssertTrue(result.stdout.contains("search/{app=search-index-job} → agent"), result.stdout)
    }

    /// Each widening of the issue through `diff --fail-on widen`: exit 1 and the opened flows named.
    func testEveryWideningFailsTheGate() throws {
        let base = ["diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "-n", "vald", "--fail-on", "widen", "--output", "brief"]
        let disabled = try CLI.run(base + ["--new-set", "defaults.networkPolicy.enabled=false"])
        XCTAssertEqual(disabled.status, 1, disabled.stderr)
        XCTAssertTrue(disabled.stdout.contains("opened    */* -> agent  any"), disabled.stdout)
        XCTAssertFalse(disabled.stdout.contains("closed "), disabled.stdout)

        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshrender-widen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.yaml")
        try rendered.write(to: old, atomically: true, encoding: .utf8)
        let documents = rendered.components(separatedBy: "---\n")
        let agent = try XCTUnwrap(documents.firstIndex { $0.contains("name: vald-agent-allow") })
        let variants: [(String, String)] = [
            ("policy deleted", documents.enumerated().filter { $0.offset != agent }.map(\.element).joined(separator: "---\n")),
            ("Egress dropped", rendered.replacingOccurrences(of: "    - Ingress\n    - Egress\n", with: "    - Ingress\n")),
            ("podSelector peer emptied", rendered.replacingOccurrences(
                of: "        podSelector:\n          matchLabels:\n            app: vald-lb-gateway\n",
                with: "        podSelector: {}\n")),
            ("namespaceSelector peer emptied", rendered.replacingOccurrences(
                of: "      - namespaceSelector:\n          matchLabels:\n            kubernetes.io/metadata.name: vald\n        podSelector:\n          matchLabels:\n            app: vald-manager-index\n",
                with: "      - namespaceSelector: {}\n        podSelector:\n          matchLabels:\n            app: vald-manager-index\n")),
        ]
        for (label, text) in variants {
            XCTAssertNotEqual(text, rendered, label)
            let new = directory.appendingPathComponent("new.yaml")
            try text.write(to: new, atomically: true, encoding: .utf8)
            let result = try CLI.run(["diff", old.path, new.path, "-n", "vald", "--fail-on", "widen", "--output", "brief"])
            XCTAssertEqual(result.status, 1, "\(label): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stdout.contains("opened "), "\(label): \(result.stdout)")
        }
    }

    func testRemovingAComponentWholeIsNotAWidening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshrender-drop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mesh = """
            mesh:
              components:
                web: {}
                api: {}
                db: {}
              connectivity:
                web: [api]
                api: [db]

            """
        let old = directory.appendingPathComponent("old.yaml"), new = directory.appendingPathComponent("new.yaml")
        try mesh.write(to: old, atomically: true, encoding: .utf8)
        try mesh.replacingOccurrences(of: "    db: {}\n", with: "").replacingOccurrences(of: "    api: [db]\n", with: "")
            .write(to: new, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "diff", "--old-values", old.path, "--new-values", new.path, "-n", "shop", "--fail-on", "widen", "--output", "brief",
        ])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("closed    api -> db"), result.stdout)
        XCTAssertFalse(result.stdout.contains("opened "), result.stdout)
        // Both conditions: --exit-code with --fail-on widen exits 1 on the differences.
        let both = try CLI.run([
            "diff", "--old-values", old.path, "--new-values", new.path, "-n", "shop", "--fail-on", "widen", "--exit-code",
        ])
        XCTAssertEqual(both.status, 1, both.stderr)
    }
}

/// Usage errors of the command line itself: a mistyped subcommand gets a suggestion, `help` of an unknown one fails.
final class SubcommandTypoCLITests: XCTestCase {
    func testMistypedSubcommandIsSuggested() throws {
        let result = try CLI.run(["rendr", "-f", "values/vald.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("unknown subcommand 'rendr' (did you mean 'render'?)"), result.stderr)
        let help = try CLI.run(["help", "nosuch"])
        XCTAssertEqual(help.status, 2)
        XCTAssertTrue(help.stderr.hasPrefix("no help for unknown subcommand 'nosuch'"), help.stderr)
        XCTAssertEqual(try CLI.run(["help", "render"]).status, 0)
    }
}
