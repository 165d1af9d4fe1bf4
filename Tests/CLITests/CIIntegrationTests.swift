import Foundation
import XCTest
import YAML

/// `.pre-commit-hooks.yaml` and the composite action `action.yml`: each hook's entry and each of the action's steps
/// run as pre-commit and GitHub Actions run them, on fixtures, with the built meshrender.
final class CIIntegrationTests: XCTestCase {
    static let root = CLI.packageRoot

    func parse(_ file: String) throws -> Node {
        try YAMLParser().parse(try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8), file: file)
    }

    /// A fresh directory removed after the test.
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    // MARK: pre-commit

    /// Runs hook `id` as pre-commit does: its `entry` (a script of this repository, then its words) with the
    /// files appended, in the repository whose files they are.
    func runHook(_ id: String, files: [String], args: [String] = [], in directory: URL) throws -> CLIResult {
        let hooks = try XCTUnwrap(try parse(".pre-commit-hooks.yaml").sequence)
        let hook = try XCTUnwrap(hooks.first { $0["id"]?.string == id }, "no hook \(id)")
        XCTAssertEqual(hook["language"]?.string, "script")
        let entry = try XCTUnwrap(hook["entry"]?.string).split(separator: " ").map(String.init)
        let pattern = try XCTUnwrap(hook["files"]?.string)
        let selected = files.filter { $0.range(of: pattern, options: .regularExpression) != nil }
        return try CLI.run(
            Array(entry.dropFirst()) + args + selected, environment: ["MESHRENDER": CLI.binary.path],
            executable: Self.root.appendingPathComponent(entry[0]), directory: directory)
    }

    func testEachHookPassesGoodValuesAndFailsBadOnes() throws {
        let dir = try scratch()
        let vald = try String(contentsOf: Self.root.appendingPathComponent("values/vald.yaml"), encoding: .utf8)
        try Data(vald.utf8).write(to: dir.appendingPathComponent("vald.yaml"))
        try Data("replicas: 3\n".utf8).write(to: dir.appendingPathComponent("chart-values.yaml"))
        try Data("mesh:\n  components:\n    a: {}\n  connectivity:\n    a: [b]\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        try Data("mesh:\n  components:\n    a: {}\n".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let good = ["vald.yaml", "chart-values.yaml", "notes.txt"]
        for id in ["meshrender-render", "meshrender-verify", "meshrender-lint"] {
            let result = try runHook(id, files: good, args: ["--namespace", "vald"], in: dir)
            XCTAssertEqual(result.status, 0, "\(id): \(result.stderr)")
            let failing = try runHook(id, files: good + ["bad.yaml"], in: dir)
            XCTAssertEqual(failing.status, 1, id)
            XCTAssertTrue(failing.stderr.contains("bad.yaml:5:9: mesh.connectivity.a[0]: unknown component \"b\""), "\(id): \(failing.stderr)")
        }
        let verify = try runHook("meshrender-verify", files: ["vald.yaml"], in: dir)
        XCTAssertTrue(verify.stdout.hasPrefix("verified"), verify.stdout)
        // lint fails on warnings when asked to.
        let strict = try runHook("meshrender-lint", files: ["vald.yaml"], args: ["--fail-level", "info"], in: dir)
        XCTAssertEqual(strict.status, 1, strict.stdout)
    }

    // MARK: GitHub Action

    /// A git repository with a base commit of `base` and the working tree at `head` (committed too).
    func repository(base: [String: String], head: [String: String]) throws -> (dir: URL, baseCommit: String) {
        let dir = try scratch()
        func git(_ args: String...) throws -> String {
            let result = try CLI.run(
                ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + args,
                executable: URL(fileURLWithPath: "/usr/bin/git"), directory: dir)
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func write(_ files: [String: String]) throws {
            for (path, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(path)) }
        }
        _ = try git("init", "-q")
        try write(base)
        _ = try git("add", "-A")
        _ = try git("commit", "-qm", "base")
        let commit = try git("rev-parse", "HEAD")
        try write(head)
        _ = try git("add", "-A")
        _ = try git("commit", "-qm", "head")
        return (dir, commit)
    }

    /// Runs the action's steps as GitHub's runner runs a composite action's `run` steps (`bash --noprofile --norc
    /// -eo pipefail`), with `${{ inputs.X }}` in their env replaced by `inputs` or the input's default.
    func runAction(inputs: [String: String], in dir: URL) throws -> (status: Int32, stdout: String, summary: String) {
        let action = try parse("action.yml")
        XCTAssertEqual(action["runs"]?["using"]?.string, "composite")
        var values: [String: String] = [:]
        for (name, input) in action["inputs"]?.mapping?.entries ?? [:] { values[name] = input["default"]?.string ?? "" }
        values.merge(inputs) { $1 }
        let runnerTemp = try scratch()
        let summary = runnerTemp.appendingPathComponent("summary.md")
        var stdout = ""
        for step in try XCTUnwrap(action["runs"]?["steps"]?.sequence) {
            XCTAssertEqual(step["shell"]?.string, "bash")
            var environment = [
                "GITHUB_ACTION_PATH": Self.root.path, "RUNNER_TEMP": runnerTemp.path, "MESHRENDER": CLI.binary.path,
                "GITHUB_PATH": runnerTemp.appendingPathComponent("path").path, "GITHUB_STEP_SUMMARY": summary.path,
            ]
            for (name, value) in step["env"]?.mapping?.entries ?? [:] {
                var text = value.string ?? ""
                for (input, given) in values { text = text.replacingOccurrences(of: "${{ inputs.\(input) }}", with: given) }
                XCTAssertFalse(text.contains("${{"), "unsubstituted expression in \(name): \(text)")
                environment[name] = text
            }
            let script = try XCTUnwrap(step["run"]?.string)
            let result = try CLI.run(
                ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], environment: environment,
                executable: URL(fileURLWithPath: "/bin/bash"), directory: dir)
            stdout += result.stdout
            if result.status != 0 {
                return (result.status, stdout + result.stderr, (try? String(contentsOf: summary, encoding: .utf8)) ?? "")
            }
        }
        return (0, stdout, (try? String(contentsOf: summary, encoding: .utf8)) ?? "")
    }

    func testActionFailsAPullRequestThatOpensAFlowAndPassesOneThatNarrows() throws {
        let vald = try String(contentsOf: Self.root.appendingPathComponent("values/vald.yaml"), encoding: .utf8)
        // The overlay lets the filter gateway call agents directly (and the lb gateway no longer the discoverer).
        let widen = try String(contentsOf: CLI.fixtures.appendingPathComponent("vald-overlay.yaml"), encoding: .utf8)
        let opened = try repository(base: ["vald.yaml": vald, "overlay.yaml": "{}\n"], head: ["overlay.yaml": widen])
        let inputs = ["values": "vald.yaml\noverlay.yaml", "namespace": "vald", "base": opened.baseCommit]
        let failing = try runAction(inputs: inputs, in: opened.dir)
        XCTAssertEqual(failing.status, 1, failing.stdout)
        // The action's default output: a workflow-command annotation per changed resource and opened flow.
        XCTAssertTrue(failing.stdout.contains("::warning title=opened flow filter-gateway -> agent::"), failing.stdout)
        XCTAssertTrue(failing.stdout.contains("::notice "), failing.stdout)
        XCTAssertTrue(failing.summary.contains("opened    filter-gateway -> agent"), failing.summary)

        // Only closing lb-gateway -> discoverer narrows: no failure.
        let narrow = widen.replacingOccurrences(of: "| filter gateway |  ✅   |", with: "| filter gateway |  ⛔   |")
        XCTAssertNotEqual(narrow, widen)
        let closed = try repository(base: ["vald.yaml": vald, "overlay.yaml": "{}\n"], head: ["overlay.yaml": narrow])
        let passing = try runAction(inputs: inputs.merging(["base": closed.baseCommit]) { $1 }, in: closed.dir)
        XCTAssertEqual(passing.status, 0, passing.stdout)
        XCTAssertTrue(passing.summary.contains("closed    lb-gateway -> discoverer"), passing.summary)
        XCTAssertFalse(passing.summary.contains("opened"), passing.summary)
    }
}
