import Foundation
import XCTest

/// `meshrender verify` and `meshrender matrix` end to end.
final class VerifyMatrixCLITests: XCTestCase {
    static let shipped: [[String]] = [
        ["values/vald.yaml"], ["values/vald.yaml", "values/vald-observability.yaml"], ["values/jaeger.yaml"],
        ["values/backend-mysql.yaml"], ["values/nginx.yaml"],
    ]

    func testEveryShippedExampleVerifies() throws {
        for files in Self.shipped {
            let result = try CLI.run(["verify", "-n", "ns"] + files.flatMap { ["-f", $0] })
            XCTAssertEqual(result.status, 0, "\(files): \(result.stdout) \(result.stderr)")
            XCTAssertTrue(result.stdout.hasPrefix("verified:"), result.stdout)
        }
    }

    func testOpenFilterGatewayEgressIsNamed() throws {
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        // Tamper: the filter gateway's egress becomes `- {}` (to anywhere), as a hand-edited chart might have it.
        var documents = rendered.components(separatedBy: "---\n")
        let index = try XCTUnwrap(documents.firstIndex { $0.contains("name: vald-filter-gateway-allow") })
        let head = try XCTUnwrap(documents[index].range(of: "  egress:\n"))
        documents[index] = documents[index][..<head.upperBound] + "    - {}\n"
        let tampered = documents.joined(separator: "---\n")

        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", "-"], stdin: tampered)
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("filter-gateway → 0.0.0.0/0: allowed") }, result.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("filter-gateway → ") || $0.hasSuffix("differ") }, result.stdout)
        XCTAssertTrue(result.stdout.contains("vald-filter-gateway-allow"), result.stdout)
    }

    func testDroppedPolicyIsAMissingOrExtraFlow() throws {
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let kept = rendered.components(separatedBy: "---\n").filter { !$0.contains("name: vald-agent-allow") }
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", "-"],
                                 stdin: kept.joined(separator: "---\n"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("→ agent: allowed, intended denied"), result.stdout)
    }

    func testExplainNamesTheRules() throws {
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--explain", "lb-gateway", "agent"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("vald-lb-gateway-allow"), result.stdout)
        XCTAssertTrue(result.stdout.contains("vald-agent-allow"), result.stdout)
        let unknown = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--explain", "lb-gateway", "agnet"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stdout, "")
        XCTAssertTrue(unknown.stderr.contains("did you mean \"agent\""), unknown.stderr)
    }

    func testVerifyWithoutValuesIsAUsageError() throws {
        let result = try CLI.run(["verify", "--manifests", "-"], stdin: "")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
    }

    func testManifestsThatAreNotYAMLAreRejected() throws {
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "--manifests", "-"], stdin: "a: [1,\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("<stdin>:"), result.stderr)
    }

    func testSelectorWithAnInvalidOperatorIsRejected() throws {
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x}
            spec:
              podSelector:
                matchExpressions: [{key: a, operator: Maybe}]

            """
        let result = try CLI.run(["matrix", "--manifests", "-"], stdin: policy)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            <stdin>:6:43: spec.podSelector.matchExpressions[0].operator: unknown operator "Maybe": must be In, NotIn, Exists or DoesNotExist

            """)
    }

    func testNonPolicyDocumentsAreSkippedAndCounted() throws {
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let extra = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", "-"], stdin: rendered + extra)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertEqual(result.stderr, "skipped 1 document that is neither a NetworkPolicy, a workload nor a Namespace\n")
    }

    /// The Vald guide's table, cell for cell: same rows, same columns, same marks.
    func testMarkdownMatrixReproducesTheValdGuide() throws {
        let result = try CLI.run(["matrix", "-f", "values/vald.yaml", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let guide = """
            | from / to      | agent | discoverer | filter gateway | lb gateway | index manager | kube-system |
            | :------------- | :---: | :--------: | :------------: | :--------: | :-----------: | :---------: |
            | agent          |  N/A  |     ⛔     |       ⛔       |     ⛔     |      ⛔       |     ✅      |
            | discoverer     |  ⛔   |    N/A     |       ⛔       |     ⛔     |      ⛔       |     ✅      |
            | filter gateway |  ⛔   |     ⛔     |      N/A       |     ✅     |      ⛔       |     ✅      |
            | lb gateway     |  ✅   |     ✅     |       ⛔       |    N/A     |      ⛔       |     ✅      |
            | index manager  |  ✅   |     ✅     |       ⛔       |     ⛔     |      N/A      |     ✅      |
            """
        XCTAssertEqual(Self.cells(result.stdout), Self.cells(guide))
    }

    /// A connection on some ports keeps them in Markdown (`✅ TCP 3306`), and reading the table back as
    /// `mesh.connectivityTable` gives the same matrix and the same policies.
    func testMarkdownKeepsEdgePortsAndRoundTrips() throws {
        let markdown = try CLI.run(["matrix", "-f", "values/backend-mysql.yaml", "-o", "markdown"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertEqual(markdown.stdout, """
            | from / to | backend |    mysql    |    kube-system    |
            | :-------- | :-----: | :---------: | :---------------: |
            | backend   |   N/A   | ✅ TCP 3306 | ✅ TCP 53, UDP 53 |
            | mysql     |   ⛔    |     N/A     | ✅ TCP 53, UDP 53 |

            """)
        // The same components, the matrix given only as the table (an edge on other ports than mysql declares).
        let table = markdown.stdout.replacingOccurrences(of: "✅ TCP 3306", with: "✅ TCP 3306-3307, UDP all")
        let values = """
            mesh:
              components:
                backend: {labels: {tier: backend}}
                mysql: {labels: {tier: mysql}, ports: [{port: 3306, protocol: TCP}]}
              connectivityTable: |
            \(table.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

            """
        let again = try CLI.run(["matrix", "-f", "-", "-o", "markdown"], stdin: values)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(Self.cells(again.stdout), Self.cells(table))
        XCTAssertTrue(again.stdout.contains("| ✅ TCP 3306-3307, UDP all |"), again.stdout)
        let policies = try CLI.run(["render", "-f", "-", "-n", "db"], stdin: values)
        XCTAssertTrue(policies.stdout.contains("endPort: 3307"), policies.stdout)
        XCTAssertTrue(policies.stdout.contains("k8s-app: kube-dns"), policies.stdout)
        // Ports that are not ports are refused where they are written.
        let bad = try CLI.run(["render", "-f", "-"], stdin: values.replacingOccurrences(of: "UDP all", with: "UDP 99999"))
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("<stdin>:8:"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("\"99999\" is not a port"), bad.stderr)
    }

    func testEveryMatrixFormatRenders() throws {
        for format in ["table", "markdown", "csv", "json", "mermaid", "dot", "svg"] {
            let result = try CLI.run(["matrix", "-f", "values/vald.yaml", "--format", format])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("lb-gateway"), format)
        }
        let effective = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let fromManifests = try CLI.run(["matrix", "--manifests", "-", "-n", "vald", "--format", "markdown"], stdin: effective)
        XCTAssertEqual(fromManifests.status, 0, fromManifests.stderr)
        let effectiveCells = Self.cells(fromManifests.stdout)
        XCTAssertEqual(effectiveCells[Pair("lb-gateway", "agent")], "✅", fromManifests.stdout)
        XCTAssertEqual(effectiveCells[Pair("agent", "lb-gateway")], "⛔", fromManifests.stdout)
    }

    /// Cells keyed by (row, column) with ids normalised (`filter gateway` = `filter-gateway`).
    static func cells(_ markdown: String) -> [Pair: String] {
        let rows = markdown.split(separator: "\n").map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-") }
        }
        guard rows.count > 2 else { return [:] }
        let header = rows[0]
        var out: [Pair: String] = [:]
        for row in rows.dropFirst(2) {
            for (i, cell) in row.enumerated() where i > 0 && i < header.count {
                out[Pair(row[0], header[i])] = cell
            }
        }
        return out
    }

    struct Pair: Hashable {
        let a: String, b: String
        init(_ a: String, _ b: String) { self.a = a; self.b = b }
    }
}
