import Foundation
import XCTest

/// Every example in every subcommand's help runs, in a directory holding the files the examples name.
final class HelpExamplesTests: XCTestCase {
    static let subcommands = ["render", "template", "verify", "matrix", "diff", "lint"]

    /// The examples of a help text: the lines after `Examples:` that start with `meshrender`, continuation lines
    /// (ending in `\`) joined.
    static func examples(_ help: String) -> [String] {
        var out: [String] = []
        var inExamples = false, pending = ""
        for raw in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "Examples:" { inExamples = true; continue }
            guard inExamples else { continue }
            if !pending.isEmpty {
                pending += " " + line
            } else if line.hasPrefix("meshrender ") {
                pending = line
            } else {
                inExamples = false  // the examples end at the first other line
                continue
            }
            if pending.hasSuffix("\\") {
                pending = String(pending.dropLast()).trimmingCharacters(in: .whitespaces)
            } else {
                out.append(pending)
                pending = ""
            }
        }
        return out
    }

    /// A scratch directory with the files the examples name: the shipped values, rendered and overlay releases,
    /// old/new manifests (files and directories), charts, values files and an earlier output directory.
    private func scratch() throws -> URL {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("mr-help-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? fm.removeItem(at: dir) }
        try fm.copyItem(at: CLI.packageRoot.appendingPathComponent("values"), to: dir.appendingPathComponent("values"))
        try fm.copyItem(at: URL(fileURLWithPath: DiffCLITests.overlay, relativeTo: CLI.packageRoot), to: dir.appendingPathComponent("overlay.yaml"))
        let chart = URL(fileURLWithPath: TemplateCLITests.chart, relativeTo: CLI.packageRoot)
        for name in ["chart", "mychart"] { try fm.copyItem(at: chart, to: dir.appendingPathComponent(name)) }
        let old = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald"]).stdout
        let new = try CLI.run(["render", "-f", "values/vald.yaml", "-f", "overlay.yaml", "-n", "vald"], directory: dir).stdout
        for (name, text) in [("rendered.yaml", old), ("deployed.yaml", old), ("old.yaml", old), ("new.yaml", new),
                             ("prod.yaml", "{}\n"), ("values.yaml", "{}\n")] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        for (name, text) in [("old", old), ("new", new)] {
            try fm.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: dir.appendingPathComponent(name).appendingPathComponent("policies.yaml"))
        }
        XCTAssertEqual(try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", "out"], directory: dir).status, 0)
        return dir
    }

    func testEveryHelpExampleRuns() throws {
        let dir = try scratch()
        var ran = 0
        for subcommand in Self.subcommands {
            let help = try CLI.run([subcommand, "--help"], environment: ["COLUMNS": "100"])
            XCTAssertEqual(help.status, 0)
            let examples = Self.examples(help.stdout)
            XCTAssertFalse(examples.isEmpty, "\(subcommand) --help has examples")
            for example in examples {
                var words = example.split(separator: " ").map(String.init).dropFirst()  // "meshrender"
                var redirect: String?
                if let arrow = words.firstIndex(of: ">") {
                    redirect = words[arrow + 1]
                    words = words[..<arrow]
                }
                let result = try CLI.run(Array(words), directory: dir)
                // 1 is a finding (a difference, an opened flow, a lint finding at the fail level); 2 is a broken example.
                XCTAssertTrue([0, 1].contains(result.status), "\(example): exit \(result.status): \(result.stderr)")
                XCTAssertFalse(result.stdout.isEmpty && redirect == nil && result.status == 0 && !example.contains("--output-dir"),
                               "\(example): printed nothing")
                if let redirect { try Data(result.stdout.utf8).write(to: dir.appendingPathComponent(redirect)) }
                ran += 1
            }
        }
        XCTAssertGreaterThanOrEqual(ran, 20)
    }

    func testNoExampleIsWrappedMidCommand() throws {
        for subcommand in Self.subcommands {
            // A narrow terminal must not break an example line: the discussion keeps its own line breaks.
            let narrow = try CLI.run([subcommand, "--help"], environment: ["COLUMNS": "60"]).stdout
            let wide = try CLI.run([subcommand, "--help"], environment: ["COLUMNS": "200"]).stdout
            XCTAssertEqual(Self.examples(narrow), Self.examples(wide), subcommand)
            // Each example line is whole: it ends where its command (or a `\` continuation) ends.
            for line in narrow.split(separator: "\n") where line.hasPrefix("  meshrender ") {
                XCTAssertFalse(line.hasSuffix(" -f") || line.hasSuffix(" -o") || line.hasSuffix(" >"), "\(subcommand): \(line)")
            }
        }
    }
}
