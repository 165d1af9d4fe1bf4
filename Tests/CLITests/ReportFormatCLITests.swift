import Foundation
import JSONSchema
import XCTest

/// `verify -o junit|sarif` against their published schemas, and `diff -o github` annotations.
final class ReportFormatCLITests: XCTestCase {
    static let schemas = CLI.fixtures.appendingPathComponent("schemas")

    /// Policies rendered with the overlay (filter-gateway → agent opened, lb-gateway → discoverer closed), to verify
    /// against the plain Vald values: one extra and one missing flow.
    private func driftedManifests(in dir: URL) throws -> URL {
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-f", DiffCLITests.overlay, "-n", "vald"])
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let url = dir.appendingPathComponent("drifted.yaml")
        try Data(rendered.stdout.utf8).write(to: url)
        return url
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func sarifSchema() throws -> JSONSchema {
        let bytes = try Data(contentsOf: Self.schemas.appendingPathComponent("sarif-schema-2.1.0.json"))
        return try JSONSchema(
            bytes: Array(bytes), url: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
            defaultDraft: .draft4)
    }

    func testVerifySARIFValidatesAndLocatesTheCitedRules() throws {
        let manifests = try driftedManifests(in: try temporaryDirectory())
        let result = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", manifests.path, "-o", "sarif"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let violations = try sarifSchema().validate(try JSONSchema.parse(Array(result.stdout.utf8)))
        XCTAssertTrue(violations.isEmpty, SchemaViolation.report(violations))
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let byRule = Dictionary(grouping: results) { $0["ruleId"] as? String ?? "" }
        XCTAssertEqual(Set(byRule.keys), ["extra-flow", "missing-flow"])
        // The extra flow is located at the egress rule that opens it, in the manifests' file, with its line.
        let extra = try XCTUnwrap(byRule["extra-flow"]?.first { ($0["message"] as? [String: Any])?["text"] as? String ?? "" != "" })
        let physical = try XCTUnwrap(((extra["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, manifests.path)
        XCTAssertGreaterThan(((physical["region"] as? [String: Any])?["startLine"] as? Int) ?? 0, 1)
        XCTAssertTrue(byRule["extra-flow"]!.contains {
            (($0["message"] as? [String: Any])?["text"] as? String ?? "").hasPrefix("filter-gateway → agent")
        })
        XCTAssertTrue(byRule["missing-flow"]!.contains {
            (($0["message"] as? [String: Any])?["text"] as? String ?? "").hasPrefix("lb-gateway → discoverer")
        })
    }

    func testLintSARIFValidatesToo() throws {
        let result = try CLI.run(["lint", "--manifests", "Tests/CLITests/Fixtures/lint/shop.yaml", "-o", "sarif"])
        let violations = try sarifSchema().validate(try JSONSchema.parse(Array(result.stdout.utf8)))
        XCTAssertTrue(violations.isEmpty, SchemaViolation.report(violations))
        XCTAssertTrue(result.stdout.contains("\"ruleId\""), result.stdout)
    }

    func testSARIFSchemaRejectsABrokenLog() throws {
        // The check can fail: a log without `runs`, and a result whose level is not one SARIF knows.
        let schema = try sarifSchema()
        XCTAssertFalse(schema.validate(try JSONSchema.parse(Array(#"{"version": "2.1.0"}"#.utf8))).isEmpty)
        let badLevel = #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"#
        XCTAssertFalse(schema.validate(try JSONSchema.parse(Array(badLevel.utf8))).isEmpty)
    }

    func testVerifyJUnitHasATestCasePerSourceAndValidates() throws {
        let dir = try temporaryDirectory()
        let manifests = try driftedManifests(in: dir)
        let failing = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "--manifests", manifests.path, "-o", "junit"])
        XCTAssertEqual(failing.status, 1, failing.stderr)
        XCTAssertTrue(failing.stdout.contains(#"<testcase classname="meshrender.verify" name="flows from filter-gateway">"#), failing.stdout)
        XCTAssertTrue(failing.stdout.contains(#"<failure type="extra-flow" message="filter-gateway → agent: extra-flow">"#), failing.stdout)
        XCTAssertTrue(failing.stdout.contains(#"<failure type="missing-flow" message="lb-gateway → discoverer: missing-flow">"#), failing.stdout)
        XCTAssertTrue(failing.stdout.contains(#"failures="2""#), failing.stdout)
        let passing = try CLI.run(["verify", "-f", "values/vald.yaml", "-n", "vald", "-o", "junit"])
        XCTAssertEqual(passing.status, 0, passing.stderr)
        XCTAssertTrue(passing.stdout.contains(#"failures="0""#), passing.stdout)
        XCTAssertFalse(passing.stdout.contains("<failure"))
        XCTAssertTrue(passing.stdout.contains(#"name="flows from agent"/>"#), passing.stdout)

        guard let xmllint = Self.tool("xmllint") else {
            throw XCTSkip("xmllint not found: install Debian's libxml2-utils (apt-get install libxml2-utils)")
        }
        let xsd = Self.schemas.appendingPathComponent("jenkins-junit.xsd").path
        for (name, text) in [("failing.xml", failing.stdout), ("passing.xml", passing.stdout)] {
            let file = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let check = try CLI.run(["--noout", "--schema", xsd, file.path], executable: xmllint)
            XCTAssertEqual(check.status, 0, check.stderr)
        }
        // The schema check can fail: a test case without its required name.
        let broken = dir.appendingPathComponent("broken.xml")
        try Data(#"<testsuites><testsuite name="x" tests="1"><testcase/></testsuite></testsuites>"#.utf8).write(to: broken)
        XCTAssertNotEqual(try CLI.run(["--noout", "--schema", xsd, broken.path], executable: xmllint).status, 0)
    }

    func testDiffGitHubAnnotatesResourcesAndOpenedFlows() throws {
        let dir = try temporaryDirectory()
        let old = dir.appendingPathComponent("old.yaml")
        let rendered = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"])
        try Data(rendered.stdout.utf8).write(to: old)
        let new = try driftedManifests(in: dir)
        let result = try CLI.run(["diff", old.path, new.path, "-o", "github", "-n", "vald"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let notices = lines.filter { $0.hasPrefix("::notice ") }
        XCTAssertEqual(notices.count, 4, result.stdout)
        for notice in notices {
            XCTAssertTrue(notice.hasPrefix("::notice file=\(new.path),line="), notice)
        }
        let agent = try XCTUnwrap(notices.first { $0.contains("title=modified NetworkPolicy vald/vald-agent-allow::") })
        let line = Int(agent.split(separator: ",")[1].dropFirst("line=".count)) ?? 0
        let newLines = try String(contentsOf: new, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        // The line is where the resource's document starts: its name is a few lines below.
        XCTAssertTrue(newLines[(line - 1)..<min(line + 5, newLines.count)].contains { $0.contains("name: vald-agent-allow") })
        XCTAssertEqual(lines.filter { $0.hasPrefix("::warning ") }, [
            "::warning title=opened flow filter-gateway -> agent::the new release allows filter-gateway -> agent on any",
        ])
        // Rendered releases have no file to point at.
        let renderedSides = try CLI.run([
            "diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "--new-values",
            DiffCLITests.overlay, "-n", "vald", "-o", "github",
        ])
        XCTAssertEqual(renderedSides.status, 0, renderedSides.stderr)
        XCTAssertFalse(renderedSides.stdout.contains("file="), renderedSides.stdout)
        XCTAssertTrue(renderedSides.stdout.contains("::warning title=opened flow filter-gateway -> agent::"), renderedSides.stdout)
    }

    /// An executable on PATH.
    static func tool(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
