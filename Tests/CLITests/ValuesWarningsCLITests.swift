import Foundation
import XCTest

/// Values that load but do not do what they seem to: a warning on stderr each, an error (exit 2, one line, nothing on
/// stdout) with `--strict`.
final class ValuesWarningsCLITests: XCTestCase {
    private func write(_ text: String, _ name: String = "values.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `args` plain (exit 0, `warning` on stderr) and with `--strict` (exit 2, the first warning as the error).
    private func assertWarns(_ args: [String], _ warning: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let plain = try CLI.run(args)
        XCTAssertEqual(plain.status, 0, plain.stderr, file: file, line: line)
        XCTAssertTrue(plain.stderr.contains(warning), plain.stderr, file: file, line: line)
        XCTAssertFalse(plain.stdout.isEmpty, file: file, line: line)
        let strict = try CLI.run(args + ["--strict"])
        XCTAssertEqual(strict.status, 2, strict.stderr, file: file, line: line)
        XCTAssertEqual(strict.stdout, "", file: file, line: line)
        XCTAssertEqual(strict.stderr.split(separator: "\n").count, 1, strict.stderr, file: file, line: line)
        XCTAssertFalse(strict.stderr.contains("warning:"), strict.stderr, file: file, line: line)
    }

    func testTopLevelKeyTheBuiltinChartIgnores() throws {
        let values = try write("""
            mesh:
              components: {a: {}, b: {}}
            connectivity:
              a: [b]
            """)
        try assertWarns(
            ["render", "-f", values, "-n", "t"],
            "\(values):3:1: warning: connectivity: the built-in chart does not read this key: it is ignored (did you mean \"mesh.connectivity\"?)")
        try assertWarns(["matrix", "-f", values, "-n", "t"], "(did you mean \"mesh.connectivity\"?)")
        // A chart directory reads its own keys: no warning there.
    }

    func testManifestPassedAsValues() throws {
        let manifest = try write("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x}
            spec: {podSelector: {}}
            """)
        let plain = try CLI.run(["render", "-f", manifest, "-n", "t"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(
            plain.stderr.contains("\(manifest):1:1: warning: these values are a Kubernetes manifest (kind: NetworkPolicy), not values: give manifests with --manifests"),
            plain.stderr)
        // Only that warning: its keys are not listed one by one.
        XCTAssertEqual(plain.stderr.split(separator: "\n").count, 1, plain.stderr)
        let strict = try CLI.run(["render", "-f", manifest, "-n", "t", "--strict"])
        XCTAssertEqual(strict.status, 2)
        XCTAssertTrue(strict.stderr.hasPrefix("\(manifest):1:1: these values are a Kubernetes manifest"), strict.stderr)
    }

    func testNamedPortTowardsAddresses() throws {
        let values = try write("""
            mesh:
              components: {a: {}}
              external:
                net: {ipBlock: {cidr: 10.0.0.0/8}}
                anyone: {anywhere: true, ports: [{port: http}]}
              connectivity:
                a:
                  - {to: net, ports: [{port: https}]}
                  - anyone
            """)
        let plain = try CLI.run(["verify", "-f", values, "-n", "t"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains(
            "\(values):5:45: warning: mesh.external.anyone.ports[0]: named port towards an address (anyone is an ipBlock or anywhere): it never matches; give the number"),
            plain.stderr)
        XCTAssertTrue(plain.stderr.contains(
            "\(values):8:34: warning: mesh.connectivity.a[0].ports[0]: named port towards an address (net is an ipBlock or anywhere)"),
            plain.stderr)
        // Said once, where the values wrote it (not again for the rendered policy).
        XCTAssertFalse(plain.stderr.contains("policy t/a-allow"), plain.stderr)
        try assertWarns(["render", "-f", values, "-n", "t"], "named port towards an address")
    }

    func testTableDenialContradictedByAnEdge() throws {
        let values = try write("""
            mesh:
              components: {a: {}, b: {}}
              connectivity:
                a: [b]
              connectivityTable: |
                | from / to | a | b |
                | :-- | :-: | :-: |
                | a | N/A | ⛔ |
                | b | ⛔ | N/A |
            """)
        try assertWarns(
            ["render", "-f", values, "-n", "t"],
            "warning: mesh.connectivityTable: a -> b is ⛔ here but an edge allows it (\(values):4:9): the edge wins")
    }

    func testDisabledComponentInTheMatrix() throws {
        let values = try write("""
            mesh:
              components:
                a: {networkPolicy: {enabled: false}}
                b: {}
              connectivity:
                b: [a]
            """)
        try assertWarns(
            ["matrix", "-f", values, "-n", "t"],
            "\(values):3:34: warning: mesh.components.a.networkPolicy.enabled: a gets no policy but appears in the matrix")
        // Without edges to or from it, a component without a policy is no surprise.
        let alone = try write("mesh:\n  components:\n    a: {networkPolicy: {enabled: false}}\n    b: {}\n")
        XCTAssertEqual(try CLI.run(["render", "-f", alone, "-n", "t", "--strict"]).status, 0)
    }

    func testCustomRulesThatOpenEverything() throws {
        let values = try write("""
            defaults:
              networkPolicy:
                custom:
                  ingress:
                    - {}
                    - from: [{namespaceSelector: {}}]
                    - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: x}}}]
                  egress:
                    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                      ports: [{port: 443}]
            mesh:
              components: {a: {}}
            """)
        let plain = try CLI.run(["render", "-f", values, "-n", "t"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let warnings = plain.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(warnings, [
            "\(values):5:11: warning: defaults.networkPolicy.custom.ingress[0]: this custom rule has no peers: it allows connections from every pod and address",
            "\(values):6:18: warning: defaults.networkPolicy.custom.ingress[1].from[0]: this custom rule allows every pod of every namespace (namespaceSelector: {})",
            "\(values):9:16: warning: defaults.networkPolicy.custom.egress[0].to[0]: this custom rule allows every IPv4 address (ipBlock 0.0.0.0/0)",
        ])
        XCTAssertEqual(try CLI.run(["render", "-f", values, "-n", "t", "--strict"]).status, 2)
    }

    func testShippedValuesRaiseNoWarning() throws {
        for file in ["values/vald.yaml", "values/nginx.yaml", "values/jaeger.yaml", "values/backend-mysql.yaml"] {
            let result = try CLI.run(["render", "-f", file, "-n", "t", "--strict"])
            XCTAssertEqual(result.status, 0, file + ": " + result.stderr)
            XCTAssertEqual(result.stderr, "", file)
        }
    }
}
