import XCTest

@testable import MeshRenderCLI

/// The chart and values files read from the raw command line before the argument parser runs (for
/// `InputPrefetch`) are the ones the parser finds.
final class RenderInputsHintTests: XCTestCase {
    func testFindsTheChartAndValuesFilesWhereverTheyStand() {
        let cases: [([String], String?, [String])] = [
            (["render", "bench/docs-chart", "--release", "r", "-n", "ns"], "bench/docs-chart", []),
            (["render", "--release", "r", "-n", "ns", "./chart"], "./chart", []),
            (["render", "-f", "a.yaml", "--values", "b.yaml", "--set", "x=1", "chart"], "chart", ["a.yaml", "b.yaml"]),
            (["render", "--set=x=1", "--namespace=ns", "chart", "-f=a.yaml", "--values=b.yaml"], "chart", ["a.yaml", "b.yaml"]),
            (["render", "-s", "templates/a.yaml", "--output-dir", "out", "chart", "-f", "-"], "chart", ["-"]),
            (["render", "--set", "-f", "chart"], "chart", []),
            (["render", "--", "-chart-with-a-dash"], "-chart-with-a-dash", []),
            (["render", "-f", "values/vald.yaml", "-n", "vald"], nil, ["values/vald.yaml"]),
            (["render"], nil, []),
        ]
        for (arguments, chart, files) in cases {
            let inputs = RenderInputsHint.inputs(in: arguments)
            XCTAssertEqual(inputs?.chart, chart, "\(arguments)")
            XCTAssertEqual(inputs?.valuesFiles, files, "\(arguments)")
        }
        XCTAssertNil(RenderInputsHint.inputs(in: ["verify", "chart", "-f", "a.yaml"]))
        XCTAssertNil(RenderInputsHint.inputs(in: ["chart", "render"]))
    }

    func testFlagsTakeNoValue() {
        let inputs = RenderInputsHint.inputs(in: ["render", "--skip-schema-validation", "chart", "-f", "a.yaml"])
        XCTAssertEqual(inputs?.chart, "chart")
        XCTAssertEqual(inputs?.valuesFiles, ["a.yaml"])
    }

    func testTheBuiltInChartIsReadAheadWhenNoneIsNamed() {
        XCTAssertEqual(RenderInputsHint.prefetch(["render", "-f", "/nonexistent.yaml"])?.chart, .builtin)
        XCTAssertEqual(RenderInputsHint.prefetch(["render", "/nonexistent/chart"])?.chart, .directory("/nonexistent/chart"))
        XCTAssertNil(RenderInputsHint.prefetch(["verify", "-f", "/nonexistent.yaml"]))
    }

    func testLimitFlagsPrefetchNothing() {
        XCTAssertNil(RenderInputsHint.inputs(in: ["render", "chart", "--max-input-size", "1"]))
        XCTAssertNil(RenderInputsHint.inputs(in: ["render", "--max-output-size=4", "chart"]))
        XCTAssertNil(RenderInputsHint.templateInputs(in: ["template", "chart", "--max-value-size", "2"]))
        XCTAssertNotNil(RenderInputsHint.inputs(in: ["render", "chart", "--set", "max=1"]))
    }

    func testInformationalRequestsPrefetchNothing() {
        for word in ["-h", "--help", "--version", "--generate-completion-script", "--generate-completion-script=bash",
                     "--experimental-dump-help"] {
            XCTAssertNil(RenderInputsHint.inputs(in: ["render", "-f", "a.yaml", word, "chart"]), word)
        }
    }

    /// The hint relies on every option of `render` taking a value, except the flags it knows; a new
    /// flag without one would make it take the word after that flag for the flag's value.
    func testEveryRenderOptionTakesAValue() {
        let help = RenderCommand.helpMessage(columns: 400)
        guard let options = help.range(of: "OPTIONS:") else { return XCTFail("no OPTIONS section in:\n\(help)") }
        let lines = help[options.upperBound...].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let declared = lines.filter { $0.hasPrefix("-") }
        XCTAssertGreaterThan(declared.count, 8, help)
        for line in declared where !line.hasPrefix("-h, --help") && !line.hasPrefix("--version") {
            let names = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? line
            if RenderInputsHint.flags.contains(names) { continue }
            XCTAssertTrue(line.contains("<"), "option without a value: \(names)")
        }
    }
}
