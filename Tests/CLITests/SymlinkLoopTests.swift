import XCTest

/// A chart whose symbolic links form a cycle fails as Helm fails: the walk goes depth first in
/// name order, following links, until the system refuses a path (`too many levels of symbolic
/// links`), instead of walking every path through the cycle or rendering nested copies.
final class SymlinkLoopTests: XCTestCase {
    func testLinkCyclesFailAsHelmFails() throws {
        let cases: [(links: [(String, String)], failing: String)] = [
            ([("a", "."), ("b", ".")], Array(repeating: "a", count: 41).joined(separator: "/")),
            ([("templates/loop", "..")], Array(repeating: "templates/loop", count: 41).joined(separator: "/")),
            ([("charts/self", "..")], Array(repeating: "charts/self", count: 41).joined(separator: "/")),
        ]
        for c in cases {
            let chart = try ScratchChart(files: ["templates/a.yaml": "a: 1\n"])
            defer { chart.remove() }
            for (from, to) in c.links { try chart.link(from, to: to) }
            let r = try CLI.run(["render", chart.path])
            XCTAssertEqual(r.status, 2, "\(c.links)")
            XCTAssertEqual(r.stdout, "", "\(c.links)")
            XCTAssertEqual(r.stderr, "open \(chart.path)/\(c.failing): too many levels of symbolic links\n")
        }
    }
}
