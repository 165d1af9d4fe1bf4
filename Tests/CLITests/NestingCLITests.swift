import XCTest

/// Values nest 10,000 levels deep, as Helm takes them (LIMITS.md): the deepest file renders through the whole
/// pipeline (parse, merge, templates) on the command's stack; one level more is one line and exit 2.
final class NestingCLITests: XCTestCase {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mr-nesting-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    private static func flow(_ levels: Int) -> String {
        "a: " + String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1) + "\n"
    }

    func testTheDeepestValuesRender() throws {
        let chart = try ScratchChart(files: ["templates/t.yaml": "n: {{ toJson .Values | len }}\n"])
        defer { chart.remove() }
        let deepest = try write(Self.flow(10_000))
        defer { try? FileManager.default.removeItem(at: deepest) }
        for args in [["render", chart.path, "-f", deepest.path], ["template", chart.path, "-f", deepest.path]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            // {"a":[[…]]}: 9,999 brackets each way inside `{"a":` and `}`.
            XCTAssertTrue(r.stdout.hasSuffix("n: 20004\n"), "\(args): \(r.stdout.suffix(100))")
        }
    }

    func testOneLevelMoreIsOneLine() throws {
        let deeper = try write(Self.flow(10_001))
        defer { try? FileManager.default.removeItem(at: deeper) }
        for command in ["render", "verify", "matrix", "lint"] {
            let r = try CLI.run([command, "-f", deeper.path])
            XCTAssertEqual(r.status, 2, command)
            XCTAssertEqual(r.stdout, "", command)
            XCTAssertEqual(r.stderr, "\(deeper.path):1:10003: yaml: nesting deeper than 10000 levels\n", command)
        }
    }

    func testDeepManifestsAreBoundedAlike() throws {
        let head = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n"
        let deepest = try write(head + Self.flow(10_000))
        let deeper = try write(head + Self.flow(10_001))
        defer {
            try? FileManager.default.removeItem(at: deepest)
            try? FileManager.default.removeItem(at: deeper)
        }
        let same = try CLI.run(["diff", deepest.path, deepest.path])
        XCTAssertEqual(same.status, 0, same.stderr)
        let refused = try CLI.run(["diff", deepest.path, deeper.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(refused.stderr, "\(deeper.path):5:10003: yaml: nesting deeper than 10000 levels\n")
    }
}
