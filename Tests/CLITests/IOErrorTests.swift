import XCTest

/// A file that cannot be read or written is reported as one line with the call, the path and the
/// system's reason, never as a dump of an error value.
final class IOErrorTests: XCTestCase {
    func testOutputDirectoryFailuresAreOneLine() throws {
        let chart = try ScratchChart(files: ["templates/a.yaml": "a: 1\n", "plain": "x\n"])
        defer { chart.remove() }
        let cases: [(dir: String, expected: String)] = [
            (chart.path + "/plain", "\(chart.path)/plain: exists and is not a directory"),
            (chart.path + "/plain/sub", "\(chart.path)/plain/sub: cannot create directory: mkdir \(chart.path)/plain: not a directory"),
            ("/proc/self/nope", "/proc/self/nope: cannot write output: mkdir /proc/self/.nope.staging-"),
        ]
        for c in cases {
            let r = try CLI.run(["render", chart.path, "--output-dir", c.dir])
            XCTAssertEqual(r.status, 2, c.dir)
            XCTAssertEqual(r.stdout, "", c.dir)
            XCTAssertTrue(r.stderr.hasPrefix(c.expected), r.stderr)
            XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, r.stderr)
            XCTAssertFalse(r.stderr.contains("Error("), r.stderr)
        }
    }

    func testUnreadableInputsAreOneLine() throws {
        let cases: [([String], String)] = [
            (["render", "-f", "/proc/self/mem"], "read /proc/self/mem: input/output error\n"),
            (["render", "-f", "/"], "read /: is a directory\n"),
            (["diff", "Tests/CLITests/Fixtures/bad/tabs.yaml", "/proc/self/mem"], "read /proc/self/mem: input/output error\n"),
            (["render", "/proc/self/mem"], "read /proc/self/mem: input/output error\n"),
        ]
        for (args, expected) in cases {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertEqual(r.stderr, expected, "\(args)")
        }
    }
}
