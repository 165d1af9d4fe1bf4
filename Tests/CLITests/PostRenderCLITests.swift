import Foundation
import XCTest

/// `meshrender post-render`: the chart's manifests back byte for byte, then the mesh's policies; workloads named
/// instead of labels; `--verify` over the chart's policies and the mesh's together.
final class PostRenderCLITests: XCTestCase {
    static let dir = CLI.fixtures.appendingPathComponent("post-render")
    static var mesh: String { dir.appendingPathComponent("mesh.yaml").path }

    /// The fixture chart as `helm template` prints it (meshrender's `template` is byte-identical to it).
    func chartOutput(_ extra: [String] = []) throws -> String {
        let result = try CLI.run(["template", "vald", Self.dir.appendingPathComponent("vald-like").path, "-n", "vald"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testChartOutputIsAPrefixAndThePoliciesFollowWithTheWorkloadsLabels() throws {
        let chart = try chartOutput()
        let result = try CLI.run(["post-render", "-f", Self.mesh, "-n", "vald"], stdin: chart)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.utf8.starts(with: chart.utf8), "the chart's manifests must come back unchanged")
        let policies = String(result.stdout.dropFirst(chart.count))
        XCTAssertTrue(policies.hasPrefix("---\n# Source: meshrender/templates/networkpolicy.yaml\n"), policies)
        XCTAssertEqual(policies.components(separatedBy: "kind: NetworkPolicy").count - 1, 3)
        // The agent's policy selects the StatefulSet's pods by every label of its pod template.
        let agent = try XCTUnwrap(policies.components(separatedBy: "\n---\n").first { $0.contains("name: agent-allow") })
        for label in ["app: vald-agent", "app.kubernetes.io/component: agent", "app.kubernetes.io/instance: vald", "app.kubernetes.io/name: vald"] {
            XCTAssertTrue(agent.contains("      " + label + "\n"), "agent-allow lacks \(label):\n\(agent)")
        }
    }

    func testInputWithoutFinalLineBreakGetsOneBeforeThePolicies() throws {
        let chart = String(try chartOutput().dropLast())
        let result = try CLI.run(["post-render", "-f", Self.mesh, "-n", "vald"], stdin: chart)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(chart + "\n---\n"))
    }

    func testVerifyPassesAndFailsWithOneLineWhenTheChartsOwnPolicyOpensMore() throws {
        let passing = try CLI.run(["post-render", "-f", Self.mesh, "-n", "vald", "--verify"], stdin: try chartOutput())
        XCTAssertEqual(passing.status, 0, passing.stderr)
        XCTAssertTrue(passing.stdout.contains("name: lb-gateway-allow"))

        // The chart's own policy lets anyone reach the lb gateway on 8081: more than the mesh intends.
        let open = try chartOutput(["--set", "networkPolicy.enabled=true"])
        let failing = try CLI.run(["post-render", "-f", Self.mesh, "-n", "vald", "--verify"], stdin: open)
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(failing.stdout, "")
        let lines = failing.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, failing.stderr)
        XCTAssertTrue(failing.stderr.hasPrefix("meshrender post-render: the chart's NetworkPolicies and the mesh's do not give the intended connectivity: "), failing.stderr)
        XCTAssertTrue(failing.stderr.contains("vald-lb-gateway-allow"), failing.stderr)
    }

    func testUnknownWorkloadIsExit2WithPositionAndSuggestion() throws {
        let result = try CLI.run(
            ["post-render", "-f", Self.dir.appendingPathComponent("mesh-typo.yaml").path, "-n", "vald"], stdin: try chartOutput())
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(
            result.stderr.hasSuffix(
                "mesh-typo.yaml:3:23: mesh.components.agent.workload: no workload \"vald-agnet\" in namespace vald of the manifests (did you mean \"vald-agent\"?)\n"),
            result.stderr)
    }

    func testWorkloadInAnotherNamespaceAndWithoutManifests() throws {
        let scratch = try ScratchChart(files: ["mesh.yaml": "mesh:\n  components:\n    agent: {workload: vald-agent, namespace: other}\n"])
        defer { scratch.remove() }
        let elsewhere = try CLI.run(
            ["post-render", "-f", scratch.root.appendingPathComponent("mesh.yaml").path, "-n", "vald"], stdin: try chartOutput())
        XCTAssertEqual(elsewhere.status, 2)
        XCTAssertTrue(elsewhere.stderr.contains("no workload \"vald-agent\" in namespace other of the manifests; there is one in namespace vald"), elsewhere.stderr)

        let render = try CLI.run(["render", "-f", Self.mesh, "-n", "vald"])
        XCTAssertEqual(render.status, 2)
        XCTAssertTrue(render.stderr.contains("mesh.yaml:4:23: mesh.components.agent.workload: workload \"vald-agent\" is named by the chart's rendered manifests"), render.stderr)
    }

    func testMeshPolicyNamedLikeAChartPolicyIsRefused() throws {
        let scratch = try ScratchChart(files: [
            "mesh.yaml": "mesh:\n  components:\n    lb-gateway: {name: vald-lb-gateway}\n",
        ])
        defer { scratch.remove() }
        let result = try CLI.run(
            ["post-render", "-f", scratch.root.appendingPathComponent("mesh.yaml").path, "-n", "vald"],
            stdin: try chartOutput(["--set", "networkPolicy.enabled=true"]))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("the mesh's NetworkPolicy vald/vald-lb-gateway-allow has the name of one the chart renders"), result.stderr)
    }

    func testVerifyWithManifestsResolvesWorkloadsToo() throws {
        let combined = try CLI.run(["post-render", "-f", Self.mesh, "-n", "vald"], stdin: try chartOutput())
        let verify = try CLI.run(["verify", "-f", Self.mesh, "-n", "vald", "--manifests", "-"], stdin: combined.stdout)
        XCTAssertEqual(verify.status, 0, verify.stderr + verify.stdout)
        XCTAssertTrue(verify.stdout.hasPrefix("verified"), verify.stdout)
    }

    func testBadManifestsOrValuesOnStdinAreExit2() throws {
        let bad = try CLI.run(["post-render", "-f", Self.mesh, "-n", "vald"], stdin: "a: [\n")
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertEqual(bad.stderr, "<stdin>:2:1: yaml: did not find expected node content\n")
        let dash = try CLI.run(["post-render", "-f", "-", "-n", "vald"], stdin: "a: 1\n")
        XCTAssertEqual(dash.status, 2)
        XCTAssertEqual(dash.stderr, "standard input holds the chart's manifests: give the values as files, not '-'\n")
        // Helm passes no namespace: without -n the policies would go to `default` whatever the release's is.
        let unplaced = try CLI.run(["post-render", "-f", Self.mesh], stdin: try chartOutput())
        XCTAssertEqual(unplaced.status, 2)
        XCTAssertEqual(unplaced.stdout, "")
        XCTAssertTrue(unplaced.stderr.hasPrefix("give the release's namespace with -n/--namespace"), unplaced.stderr)
    }

    /// Helm 4's input carries each document's template in an annotation; the policies get one too (from their
    /// `# Source:` line) so that Helm files them under the built-in chart's template.
    func testPoliciesCarryHelmsFilenameAnnotationWhenTheInputDoes() throws {
        let input = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                postrenderer.helm.sh/postrender-filename: vald-like/templates/gateways.yaml
              name: vald-lb-gateway
            spec:
              template:
                metadata:
                  labels: {app: vald-lb-gateway}

            """
        let mesh = "mesh:\n  components:\n    lb-gateway: {workload: vald-lb-gateway}\n"
        let scratch = try ScratchChart(files: ["mesh.yaml": mesh])
        defer { scratch.remove() }
        let result = try CLI.run(["post-render", "-f", scratch.root.appendingPathComponent("mesh.yaml").path, "-n", "vald"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(input))
        let appended = String(result.stdout.dropFirst(input.count))
        let expected = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              annotations:
                postrenderer.helm.sh/postrender-filename: "meshrender/templates/networkpolicy.yaml"
              name: lb-gateway-allow

            """
        XCTAssertTrue(appended.hasPrefix(expected), appended)
        XCTAssertFalse(result.stdout.contains("# Source:"))
    }
}
