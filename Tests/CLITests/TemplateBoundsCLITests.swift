import XCTest

/// A template's output and error lines are bounded: past --max-output-size the render stops with
/// one line and exit 2; a chain of nested calls is summarised so an error line stays under 4 KB.
final class TemplateBoundsCLITests: XCTestCase {
    func testOutputPastTheLimitIsATemplateError() throws {
        let chart = try ScratchChart(files: [
            "templates/t.yaml": "x: {{ range until 3000 }}{{ range until 1000 }}yyyyyyyyyy{{ end }}{{ end }}\n",
        ])
        defer { chart.remove() }
        let r = try CLI.run(["render", chart.path, "--max-output-size", "1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("template: c/templates/t.yaml:1:"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix(
            ": output larger than 1 MiB (the limit on one template's output; --max-output-size MIB raises it)\n"), r.stderr)
        let raised = try CLI.run(["render", chart.path, "--max-output-size", "64"])
        XCTAssertEqual(raised.status, 0, raised.stderr)
    }

    func testValueLimitIsSetByItsFlag() throws {
        let chart = try ScratchChart(files: ["templates/t.yaml": #"x: {{ repeat 2000000 "x" | len }}"# + "\n"])
        defer { chart.remove() }
        let refused = try CLI.run(["render", chart.path, "--max-value-size", "1"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains(
            "error calling repeat: result too large (2000000 bytes): over the 1 MiB limit on a value a function builds"), refused.stderr)
        let allowed = try CLI.run(["render", chart.path])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stdout.hasSuffix("x: 2000000\n"), allowed.stdout)
    }

    func testRecursionErrorsStayShort() throws {
        let cases: [(files: [String: String], contains: String)] = [
            (["templates/t.yaml": "x: {{ tpl .Values.a . }}\n", "values.yaml": "a: '{{ tpl .Values.a . }}'\n"],
             "[the same tpl 999 more times]: error calling tpl: exceeded maximum tpl nesting (1000)"),
            (["templates/t.yaml": #"{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ include "a" . }}{{ end }}x: {{ include "a" . }}"# + "\n"],
             "bytes of nested calls left out…]"),
        ]
        for c in cases {
            let chart = try ScratchChart(files: c.files)
            defer { chart.remove() }
            let r = try CLI.run(["render", chart.path])
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1)
            XCTAssertLessThan(r.stderr.utf8.count, 4200)
            XCTAssertTrue(r.stderr.contains(c.contains), r.stderr)
        }
    }
}
