import Foundation
import XCTest

/// SIGINT or SIGTERM during `render --output-dir` leaves no staging directory and the target
/// either as it was or exactly the new render; the process exits 130 (SIGINT) or 143 (SIGTERM),
/// or 0 when the render finished first.
final class InterruptTests: XCTestCase {
    /// A mesh of `n` components, each reaching the next one.
    static func mesh(_ n: Int) -> String {
        var text = "mesh:\n  components:\n"
        for i in 0..<n { text += "    c\(i): {name: svc-\(i)}\n" }
        text += "  connectivity:\n"
        for i in 0..<n { text += "    c\(i): [c\((i + 1) % n)]\n" }
        return text
    }

    /// Every file below `directory` (relative path → contents); nil when it does not exist.
    static func tree(_ directory: URL) -> [String: Data]? {
        guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
        var out: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: directory.path) ?? NSEnumerator() {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return out
    }

    func testInterruptedWritesLeaveTheTargetWholeAndNoStaging() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("mr-int-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let values = work.appendingPathComponent("mesh.yaml")
        try Data(Self.mesh(600).utf8).write(to: values)
        // The new render, and an older one of the same files (another namespace) to start from.
        let fresh = work.appendingPathComponent("fresh"), old = work.appendingPathComponent("old")
        let started = Date()
        XCTAssertEqual(try CLI.run(["render", "-f", values.path, "--output-dir", fresh.path]).status, 0)
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(try CLI.run(["render", "-f", values.path, "-n", "other", "--output-dir", old.path]).status, 0)
        let newTree = Self.tree(fresh), oldTree = Self.tree(old)
        var rng = SystemRandomNumberGenerator()
        for run in 0..<6 {
            let dir = work.appendingPathComponent("run\(run)"), target = dir.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let existing = run % 2 == 0
            if existing { try FileManager.default.copyItem(at: old, to: target) }
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["render", "-f", values.path, "--output-dir", target.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...1.0, using: &rng) * duration)
            let sigint = run % 4 < 2
            if sigint { process.interrupt() } else { process.terminate() }
            process.waitUntilExit()
            let status = process.terminationStatus
            XCTAssertTrue([0, sigint ? 130 : 143].contains(status), "run \(run): status \(status)")
            XCTAssertEqual(process.terminationReason, .exit, "run \(run)")
            let after = Self.tree(target)
            XCTAssertTrue(after == newTree || after == (existing ? oldTree : nil), "run \(run): target is neither before nor new")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "out" }
            XCTAssertEqual(leftovers, [], "run \(run)")
        }
    }
}
