import XCTest

/// Shapes that a quadratic step would make unusable render whole: 20,000 `--set` flags and 100,000 `define`s in
/// one template file (`bench/run scale` measures how fast, side by side with helm).
final class ScaleCLITests: XCTestCase {
    func testTwentyThousandSetFlags() throws {
        var args = ["render", "-n", "x"]
        for i in 0..<20_000 { args += ["--set", "a\(i)=\(i)"] }
        args += ["--set-string", "mesh.components.web.name=web", "--set=mesh.components.db.name=db"]
        let r = try CLI.run(args)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("name: web-allow"), r.stdout)
        XCTAssertTrue(r.stdout.contains("name: db-allow"), r.stdout)
    }

    func testAHundredThousandDefines() throws {
        var text = ""
        for i in 0..<100_000 { text += #"{{ define "d\#(i)" }}x\#(i){{ end }}"# }
        let chart = try ScratchChart(files: ["templates/a.yaml": text + "\n" + #"a: {{ include "d99999" . }}"# + "\n"])
        defer { chart.remove() }
        let r = try CLI.run(["render", chart.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("a: x99999\n"), r.stdout)
    }
}
