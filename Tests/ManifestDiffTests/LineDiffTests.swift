import Foundation
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

/// Hunks match GNU `diff -u` on random edits (skipped when `diff` is not installed).
final class LineDiffParityTests: XCTestCase {
    func testHunksMatchGNUDiff() throws {
        let tool = "/usr/bin/diff"
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw XCTSkip("\(tool) not found: install GNU diffutils (apt-get install diffutils)") }
        var rng = SplitMix(seed: 11)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("linediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<40 {
            let a = (0..<Int(rng.next() % 60)).map { _ in "line\(rng.next() % 25)" }
            var b = a
            for _ in 0..<Int(rng.next() % 6) {
                let op = rng.next() % 3
                if op == 0 || b.isEmpty { b.insert("new\(rng.next() % 9)", at: Int(rng.next() % UInt64(b.count + 1))) }
                else if op == 1 { b.remove(at: Int(rng.next() % UInt64(b.count))) }
                else { b[Int(rng.next() % UInt64(b.count))] = "changed\(rng.next() % 5)" }
            }
            let context = Int(rng.next() % 4)
            let ours = LineDiff.hunks(a, b, context: context)
            let fa = dir.appendingPathComponent("a"), fb = dir.appendingPathComponent("b")
            try (a.map { $0 + "\n" }.joined()).write(to: fa, atomically: true, encoding: .utf8)
            try (b.map { $0 + "\n" }.joined()).write(to: fb, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-U\(context)", fa.path, fb.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let theirs = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .dropFirst(2).filter { !$0.isEmpty }.map(String.init)
            // Minimal scripts may differ in which equal line they keep; hunk headers and change counts must agree.
            XCTAssertEqual(ours.filter { $0.hasPrefix("@@") }, theirs.filter { $0.hasPrefix("@@") }, "round \(round)")
            XCTAssertEqual(ours.filter { $0.hasPrefix("+") }.count, theirs.filter { $0.hasPrefix("+") }.count, "round \(round)")
        }
    }
}
