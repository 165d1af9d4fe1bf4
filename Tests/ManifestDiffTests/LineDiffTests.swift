import XCTest

@testable import ManifestDiff

final class LineDiffTests: XCTestCase {
    /// Applying the script to `a` must give `b`, and the script must be minimal for these small cases.
    func testScriptsReproduceTheNewSide() {
        let table: [([String], [String], Int)] = [
            ([], [], 0),
            (["a"], [], 1),
            ([], ["a"], 1),
            (["a", "b", "c"], ["a", "c"], 1),
            (["a", "b", "c"], ["a", "x", "b", "c"], 1),
            (["a", "b", "c", "d"], ["d", "c", "b", "a"], 6),
            (["x", "a", "b", "y"], ["a", "b"], 2),
            (Array(repeating: "s", count: 5), Array(repeating: "s", count: 3), 2),
        ]
        for (a, b, edits) in table {
            let ops = LineDiff.script(a, b)
            var rebuilt: [String] = []
            var count = 0
            for op in ops {
                switch op {
                case .equal(let o, _): rebuilt.append(a[o])
                case .insert(let n): rebuilt.append(b[n]); count += 1
                case .delete: count += 1
                }
            }
            XCTAssertEqual(rebuilt, b, "\(a) -> \(b)")
            XCTAssertEqual(count, edits, "\(a) -> \(b)")
        }
    }

    func testHunksWithContext() {
        let a = (1...20).map { "l\($0)" }
        var b = a
        b[2] = "changed"
        b.insert("new", at: 15)
        XCTAssertEqual(LineDiff.hunks(a, b, context: 1), [
            "@@ -2,3 +2,3 @@", " l2", "-l3", "+changed", " l4",
            "@@ -15,2 +15,3 @@", " l15", "+new", " l16",
        ])
        XCTAssertEqual(LineDiff.hunks(a, b, context: 0), ["@@ -3 +3 @@", "-l3", "+changed", "@@ -15,0 +16 @@", "+new"])
        XCTAssertEqual(LineDiff.hunks(a, a, context: 3), [])
    }
}
