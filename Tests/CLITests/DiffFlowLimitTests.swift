import Foundation
import XCTest

/// `meshrender diff --max-listed-flows`: a release that switches its policies off opens every pair of endpoints; the
/// report lists the first flows, counts the rest, and `--fail-on widen` still fails.
final class DiffFlowLimitTests: XCTestCase {
    static let components = 300

    /// A mesh of `components` components, component i reaching i+1, i+7 and i+31 (modulo the count).
    static func meshFile() throws -> URL {
        var text = "mesh:\n  components:\n"
        for i in 0..<components { text += "    c\(i): {name: svc-\(i)}\n" }
        text += "  connectivity:\n"
        for i in 0..<components {
            text += "    c\(i): [" + [1, 7, 31].map { "c\((i + $0) % components)" }.joined(separator: ", ") + "]\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mr-flowlimit-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func diff(_ mesh: URL, _ extra: [String]) throws -> CLIResult {
        try CLI.run([
            "diff", "--old-values", mesh.path, "--new-values", mesh.path,
            "--new-set", "defaults.networkPolicy.enabled=false", "-n", "bench",
        ] + extra)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testUnisolationListsFiftyAndCountsTheRestExactly() throws {
        let mesh = try Self.meshFile()
        defer { try? FileManager.default.removeItem(at: mesh) }
        let full = try Self.diff(mesh, ["--output", "json", "--max-listed-flows", "1000000"])
        XCTAssertEqual(full.status, 0, full.stderr)
        let all = try XCTUnwrap(try Self.json(full.stdout)["connectivity"] as? [[String: Any]])
        XCTAssertNil(try Self.json(full.stdout)["flowsOmitted"])
        // Every ordered pair of distinct components not already allowed opens.
        let n = Self.components
        let componentPairs = all.filter { flow in
            flow["change"] as? String == "opened"
                && [flow["from"], flow["to"]].allSatisfy { ($0 as? String)?.range(of: #"^c\d+$"#, options: .regularExpression) != nil }
        }
        XCTAssertEqual(componentPairs.count, n * (n - 1) - 3 * n)
        let opened = all.filter { $0["change"] as? String == "opened" }.count
        let closed = all.count - opened

        let capped = try Self.diff(mesh, ["--output", "json", "--max-listed-flows", "50", "--fail-on", "widen"])
        XCTAssertEqual(capped.status, 1, capped.stderr)
        let report = try Self.json(capped.stdout)
        let listed = try XCTUnwrap(report["connectivity"] as? [[String: Any]])
        XCTAssertEqual(listed.count, 50)
        // The listed flows are the first 50 of the whole list, in its order.
        func key(_ flow: [String: Any]) -> String { "\(flow["from"]!)→\(flow["to"]!):\(flow["change"]!):\(flow["ports"]!)" }
        XCTAssertEqual(listed.map(key), all.prefix(50).map(key))
        let omitted = try XCTUnwrap(report["flowsOmitted"] as? [String: Int])
        let listedOpened = listed.filter { $0["change"] as? String == "opened" }.count
        XCTAssertEqual(omitted["opened"], opened - listedOpened)
        XCTAssertEqual(omitted["closed"], closed - (50 - listedOpened))

        // The human report counts every opened flow in its title and the rest in one line.
        let human = try Self.diff(mesh, ["--max-listed-flows", "50", "--fail-on", "widen"])
        XCTAssertEqual(human.status, 1, human.stderr)
        XCTAssertTrue(human.stdout.contains("+ \(opened) flows opened (widening):"), human.stdout)
        let rest = opened - listedOpened
        var grouped = String(rest)
        for i in stride(from: grouped.count - 3, to: 0, by: -3) {
            grouped.insert(",", at: grouped.index(grouped.startIndex, offsetBy: i))
        }
        XCTAssertTrue(
            human.stdout.contains("… and \(grouped) more flows opened (--max-listed-flows to list more)"), human.stdout)
        XCTAssertEqual(human.stdout.split(separator: "\n").filter { $0.hasPrefix("    ") && $0.contains(" -> ") }.count, listedOpened)

        // brief: one line per listed flow and one for the rest; github: one warning more.
        let brief = try Self.diff(mesh, ["--output", "brief", "--max-listed-flows", "50"])
        let briefLines = brief.stdout.split(separator: "\n").filter { $0.hasPrefix("opened") || $0.hasPrefix("closed") }
        XCTAssertEqual(briefLines.count, 50 + 1 + (closed > 50 - listedOpened ? 1 : 0))
        let github = try Self.diff(mesh, ["--output", "github", "--max-listed-flows", "50"])
        XCTAssertEqual(github.stdout.components(separatedBy: "::warning ").count - 1, listedOpened + 1)
    }

    func testUnifiedAndSVGRefuseADiffPastTheLimit() throws {
        let mesh = try Self.meshFile()
        defer { try? FileManager.default.removeItem(at: mesh) }
        for format in ["unified", "svg"] {
            let result = try Self.diff(mesh, ["--output", format, "--max-listed-flows", "50", "--fail-on", "widen"])
            XCTAssertEqual(result.status, 2, format)
            XCTAssertEqual(result.stdout, "", format)
            let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
            XCTAssertTrue(last.hasPrefix("diff: ") && last.contains(" flows change, more than --max-listed-flows 50 lets --output \(format) draw"), result.stderr)
        }
        // Under the limit both draw as before.
        let small = try CLI.run([
            "diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "--new-values",
            DiffCLITests.overlay, "-n", "vald", "--output", "unified", "--max-listed-flows", "2",
        ])
        XCTAssertEqual(small.status, 0, small.stderr)
        XCTAssertTrue(small.stdout.contains("+++ new/connectivity"), small.stdout)
    }
}
