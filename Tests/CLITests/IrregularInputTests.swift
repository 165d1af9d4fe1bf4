import XCTest

/// Devices, endless streams and oversized inputs end in one line and exit 2, never in a crash:
/// every input is bounded (--max-input-size, 256 MiB by default) and a chart's devices, pipes and
/// sockets are refused as Helm refuses them.
final class IrregularInputTests: XCTestCase {
    private func assertOneLineFailure(_ args: [String], stdin: String? = nil, _ expected: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CLI.run(args, stdin: stdin)
        XCTAssertEqual(r.status, 2, "\(args)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", "\(args)", file: file, line: line)
        XCTAssertEqual(r.stderr, expected + "\n", "\(args)", file: file, line: line)
    }

    func testEndlessValuesFilesAreBounded() throws {
        let limit = "input larger than 1 MiB (the input size limit; --max-input-size MIB raises it)"
        for device in ["/dev/zero", "/dev/urandom"] {
            try assertOneLineFailure(["render", "-f", device, "--max-input-size", "1"], "read \(device): " + limit)
            try assertOneLineFailure(["verify", "-f", device, "--max-input-size", "1"], "read \(device): " + limit)
            try assertOneLineFailure(["matrix", "-f", device, "--max-input-size", "1"], "read \(device): " + limit)
        }
        try assertOneLineFailure(
            ["diff", "Tests/CLITests/Fixtures/bad/tabs.yaml", "/dev/zero", "--max-input-size=1"], "read /dev/zero: " + limit)
    }

    func testTemplateAndLintTakeTheLimitFlags() throws {
        let limit = "input larger than 1 MiB (the input size limit; --max-input-size MIB raises it)"
        let chart = try ScratchChart(files: ["templates/t.yaml": #"x: {{ repeat 2000000 "x" | len }}"# + "\n"])
        defer { chart.remove() }
        try assertOneLineFailure(["template", chart.path, "-f", "/dev/zero", "--max-input-size", "1"], "read /dev/zero: " + limit)
        try assertOneLineFailure(["template", "--max-input-size=1", chart.path, "-f", "/dev/zero"], "read /dev/zero: " + limit)
        try assertOneLineFailure(["lint", "-f", "/dev/zero", "--max-input-size", "1"], "read /dev/zero: " + limit)
        try assertOneLineFailure(["lint", chart.path, "--max-input-size", "1", "-f", "/dev/zero"], "read /dev/zero: " + limit)
        // The template limits too: a value past --max-value-size stops the render.
        let refused = try CLI.run(["template", chart.path, "--max-value-size", "1"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("over the 1 MiB limit on a value a function builds"), refused.stderr)
        let allowed = try CLI.run(["template", chart.path, "--max-value-size", "4"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stdout.hasSuffix("x: 2000000\n"), allowed.stdout)
    }

    func testTheDefaultLimitIs256MiB() throws {
        try assertOneLineFailure(
            ["render", "-f", "/dev/zero"], "read /dev/zero: input larger than 256 MiB (the input size limit; --max-input-size MIB raises it)")
    }

    func testStandardInputIsBounded() throws {
        let big = String(repeating: "#", count: (1 << 20) + 1)
        try assertOneLineFailure(
            ["render", "-f", "-", "--max-input-size", "1"], stdin: big,
            "read -: input larger than 1 MiB (the input size limit; --max-input-size MIB raises it)")
    }

    func testABadLimitIsAUsageError() throws {
        try assertOneLineFailure(["render", "--max-input-size", "0"], "--max-input-size must be a number of MiB from 1 to 1048576")
        try assertOneLineFailure(["lint", "--max-output-size", "0"], "--max-output-size must be a number of MiB from 1 to 1048576")
        try assertOneLineFailure(
            ["template", "c", "--max-value-size", "2000000"], "--max-value-size must be a number of MiB from 1 to 1048576")
    }

    func testChartFilesThatAreDevicesAreRefused() throws {
        for relative in ["values.yaml", "templates/b.yaml", "files/data.txt"] {
            let chart = try ScratchChart(files: ["templates/a.yaml": "a: 1\n"])
            defer { chart.remove() }
            try chart.link(relative, to: "/dev/zero")
            try assertOneLineFailure(
                ["render", chart.path], "cannot load irregular file \(chart.path)/\(relative) as it has file mode type bits set")
        }
    }
}
