import Foundation
import XCTest
import YAML

/// `integrations/argocd/plugin.yaml`, run as Argo CD's repo server runs a Config Management Plugin: each
/// command (`command` then `args`) in the application's source directory, with the application's name and
/// namespace and the plugin parameters as ARGOCD_ENV_* variables.
final class ArgoCDPluginTests: XCTestCase {
    static let pluginFile = CLI.packageRoot.appendingPathComponent("integrations/argocd/plugin.yaml")
    static let postRender = CLI.fixtures.appendingPathComponent("post-render")

    /// The plugin's `spec.<step>` as argv: command followed by args.
    func argv(_ step: String) throws -> [String] {
        let plugin = try YAMLParser().parse(try String(contentsOf: Self.pluginFile, encoding: .utf8), file: "plugin.yaml")
        XCTAssertEqual(plugin["kind"]?.string, "ConfigManagementPlugin")
        let spec = try XCTUnwrap(plugin["spec"]?[step], "no spec.\(step)")
        let command = try XCTUnwrap(spec["command"]?.sequence).compactMap(\.string)
        let args = (spec["args"]?.sequence ?? []).compactMap(\.string)
        XCTAssertEqual(command.first, "/bin/sh")
        return command + args
    }

    /// Runs `spec.<step>` in `source` as Argo CD would, with `meshrender` on the PATH.
    func run(_ step: String, in source: URL, env: [String: String] = [:]) throws -> CLIResult {
        let argv = try argv(step)
        let path = CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var environment = ["PATH": path, "ARGOCD_APP_NAME": "vald-app", "ARGOCD_APP_NAMESPACE": "vald"]
        environment.merge(env) { $1 }
        return try CLI.run(Array(argv.dropFirst()), environment: environment, executable: URL(fileURLWithPath: argv[0]), directory: source)
    }

    /// A fresh application source directory with `files` (relative path → text).
    func source(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mr-argocd-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The fixture chart's files, for a source directory holding a chart.
    func chartFiles() throws -> [String: String] {
        let chart = Self.postRender.appendingPathComponent("vald-like")
        var files: [String: String] = [:]
        for name in ["Chart.yaml", "values.yaml"] + ["_helpers.tpl", "agent.yaml", "discoverer.yaml", "gateways.yaml", "service.yaml", "networkpolicy.yaml"].map({ "templates/" + $0 }) {
            files[name] = try String(contentsOf: chart.appendingPathComponent(name), encoding: .utf8)
        }
        files["meshrender.yaml"] = try String(contentsOf: Self.postRender.appendingPathComponent("mesh.yaml"), encoding: .utf8)
        return files
    }

    func testMeshValuesRenderThroughTheBuiltInChartAsTheApplicationsRelease() throws {
        let vald = try String(contentsOf: CLI.packageRoot.appendingPathComponent("values/vald.yaml"), encoding: .utf8)
        let app = try source(["meshrender.yaml": vald])
        XCTAssertEqual(try run("init", in: app).status, 0)
        let generated = try run("generate", in: app, env: ["ARGOCD_ENV_VERIFY": "true"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let expected = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--release", "vald-app"])
        XCTAssertEqual(generated.stdout, expected.stdout)
        XCTAssertTrue(generated.stdout.contains("app.kubernetes.io/instance: vald-app"))
        XCTAssertTrue(generated.stderr.hasPrefix("verified"), generated.stderr)
    }

    func testChartWithMeshGetsTheChartsOutputThenVerifiedPolicies() throws {
        var files = try chartFiles()
        files["prod.yaml"] = "agent: {replicas: 5}\n"
        let app = try source(files)
        let generated = try run("generate", in: app, env: ["ARGOCD_ENV_VALUES": "prod.yaml", "ARGOCD_ENV_VERIFY": "true"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let chart = try CLI.run(["template", "vald-app", app.path, "-n", "vald", "-f", app.appendingPathComponent("prod.yaml").path])
        XCTAssertTrue(generated.stdout.hasPrefix(chart.stdout), "the chart's output must come first, unchanged")
        XCTAssertTrue(chart.stdout.contains("replicas: 5"))
        let policies = generated.stdout.dropFirst(chart.stdout.count)
        XCTAssertEqual(policies.components(separatedBy: "kind: NetworkPolicy").count - 1, 3)
        XCTAssertTrue(policies.contains("app.kubernetes.io/instance: vald-app"))
    }

    func testVerifyFailureFailsTheGeneration() throws {
        var files = try chartFiles()
        files["open.yaml"] = "networkPolicy: {enabled: true}\n"
        let app = try source(files)
        let generated = try run("generate", in: app, env: ["ARGOCD_ENV_VALUES": "open.yaml", "ARGOCD_ENV_VERIFY": "true"])
        XCTAssertEqual(generated.status, 1)
        XCTAssertEqual(generated.stdout, "")
        XCTAssertTrue(generated.stderr.contains("do not give the intended connectivity"), generated.stderr)
        // Without VERIFY the same application renders.
        XCTAssertEqual(try run("generate", in: app, env: ["ARGOCD_ENV_VALUES": "open.yaml"]).status, 0)
    }

    func testDiscoveryAndInitNeedMeshValues() throws {
        let plugin = try YAMLParser().parse(try String(contentsOf: Self.pluginFile, encoding: .utf8), file: "plugin.yaml")
        XCTAssertEqual(plugin["spec"]?["discover"]?["fileName"]?.string, "./meshrender.yaml")
        let other = try source(["values.yaml": "a: 1\n"])
        XCTAssertNotEqual(try run("init", in: other).status, 0)
    }
}
