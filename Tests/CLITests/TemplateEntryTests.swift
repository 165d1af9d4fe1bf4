import XCTest

/// `template` command lines go straight to the command, past ArgumentParser's command tree: what the tree
/// answered on any command must still be answered, and the command's own flags still checked.
final class TemplateEntryTests: XCTestCase {
    func testArgumentParsersOwnFlagsAreStillAnsweredAfterTemplate() throws {
        let script = try CLI.run(["template", "--generate-completion-script", "bash"])
        XCTAssertEqual(script.status, 0, script.stderr)
        XCTAssertTrue(script.stdout.hasPrefix("#!/bin/bash"), String(script.stdout.prefix(80)))
        let zsh = try CLI.run(["template", "x", "--generate-completion-script=zsh"])
        XCTAssertEqual(zsh.status, 0, zsh.stderr)
        XCTAssertTrue(zsh.stdout.hasPrefix("#compdef meshrender"), String(zsh.stdout.prefix(80)))
    }

    func testHelpAndUsageErrorsOfTemplate() throws {
        for flag in ["-h", "--help"] {
            let help = try CLI.run(["template", flag])
            XCTAssertEqual(help.status, 0, help.stderr)
            XCTAssertTrue(help.stdout.contains("helm template"), help.stdout)
        }
        let bad = try CLI.run(["template", "x", "./chart", "--max-input-size", "0"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertTrue(bad.stderr.contains("--max-input-size must be a number of MiB from 1 to 1048576"), bad.stderr)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
    }

    func testTemplateRendersWithoutTheCommandTree() throws {
        let chart = try ScratchChart(files: ["templates/cm.yaml": "a: {{ .Release.Name }}-{{ .Release.Namespace }}\n"])
        let result = try CLI.run(["template", "web", chart.path, "-n", "prod"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "---\n# Source: c/templates/cm.yaml\na: web-prod\n")
        chart.remove()
    }
}
