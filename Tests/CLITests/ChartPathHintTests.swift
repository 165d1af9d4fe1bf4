import XCTest

@testable import meshrender

/// The chart path read from the raw command line before the argument parser runs (for
/// `ChartPrefetch`) is the one the parser finds, or nothing.
final class ChartPathHintTests: XCTestCase {
    func testFindsTheChartWhereverItStands() {
        let cases: [([String], String?)] = [
            (["render", "bench/docs-chart", "--release", "r", "-n", "ns"], "bench/docs-chart"),
            (["render", "--release", "r", "-n", "ns", "./chart"], "./chart"),
            (["render", "-f", "a.yaml", "-f", "b.yaml", "--set", "x=1", "chart"], "chart"),
            (["render", "--set=x=1", "--namespace=ns", "chart", "-f", "a.yaml"], "chart"),
            (["render", "-s", "templates/a.yaml", "--output-dir", "out", "chart"], "chart"),
            (["render", "--", "-chart-with-a-dash"], "-chart-with-a-dash"),
            (["render", "-f", "values/vald.yaml", "-n", "vald"], nil),
            (["render"], nil),
            (["verify", "chart"], nil),
            (["chart", "render"], nil),
        ]
        for (arguments, expected) in cases {
            XCTAssertEqual(ChartPathHint.chartPath(in: arguments), expected, "\(arguments)")
        }
    }

    func testInformationalRequestsPrefetchNothing() {
        for word in ["-h", "--help", "--version", "--generate-completion-script", "--generate-completion-script=bash",
                     "--experimental-dump-help"] {
            XCTAssertNil(ChartPathHint.chartPath(in: ["render", word, "chart"]), word)
        }
    }

    /// The hint relies on every option of `render` taking a value; a new flag without one would make
    /// it take the word after that flag for the flag's value.
    func testEveryRenderOptionTakesAValue() {
        let help = RenderCommand.helpMessage(columns: 400)
        guard let options = help.range(of: "OPTIONS:") else { return XCTFail("no OPTIONS section in:\n\(help)") }
        let lines = help[options.upperBound...].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let declared = lines.filter { $0.hasPrefix("-") }
        XCTAssertGreaterThan(declared.count, 8, help)
        for line in declared where !line.hasPrefix("-h, --help") && !line.hasPrefix("--version") {
            let names = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? line
            XCTAssertTrue(line.contains("<"), "option without a value: \(names)")
        }
    }
}
