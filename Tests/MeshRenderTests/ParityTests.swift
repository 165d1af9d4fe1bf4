import Foundation
import XCTest

/// Byte-for-byte parity with `helm template` on the corpus in `Fixtures/parity`.
///
/// Every case renders with the real helm (found through `MESHRENDER_HELM`) and with meshrender's
/// library pipeline; stdout must be identical, and for failing cases both must fail with the same
/// first line of stderr. Skipped when helm is not installed.
final class ParityTests: XCTestCase {
    func testCorpusMatchesHelmTemplate() throws {
        guard let helm = ParityFixtures.helm else {
            throw XCTSkip("helm not found: set MESHRENDER_HELM or run ../shared/tools/get-helm")
        }
        let cases = try ParityFixtures.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 40, "the parity corpus must hold at least 40 charts")
        var failures: [String] = []
        for parityCase in cases {
            let expected = try parityCase.runHelm(helm)
            let actual = parityCase.runMeshrender()
            if let problem = ParityTests.compare(expected: expected, actual: actual) {
                failures.append("[\(parityCase.name)] \(problem)")
            }
        }
        let passed = cases.count - failures.count
        print("parity: \(passed)/\(cases.count) cases identical to helm template")
        for failure in failures { XCTFail(failure) }
    }

    /// nil when the outcomes agree; otherwise a readable explanation.
    static func compare(expected: ParityCase.Outcome, actual: ParityCase.Outcome) -> String? {
        if (expected.status == 0) != (actual.status == 0) {
            return expected.status == 0
                ? "helm succeeded, meshrender failed:\n\(actual.stderr)"
                : "helm failed, meshrender succeeded:\n\(expected.stderr)"
        }
        if expected.status != 0 {
            let e = firstLine(expected.stderr), a = firstLine(actual.stderr)
            return e == a ? nil : "error differs:\n  helm:       \(e)\n  meshrender: \(a)"
        }
        if expected.stdout == actual.stdout { return nil }
        return "stdout differs (- helm, + meshrender):\n" + lineDiff(expected: expected.stdout, actual: actual.stdout)
    }

    static func firstLine(_ s: String) -> String {
        String(s.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
    }

    /// The comparison itself must catch differences and explain them.
    func testComparisonReportsDifferences() {
        let ok = ParityCase.Outcome(stdout: "a\nb\n", stderr: "", status: 0)
        XCTAssertNil(ParityTests.compare(expected: ok, actual: ok))
        let changed = ParityCase.Outcome(stdout: "a\nc\n", stderr: "", status: 0)
        let report = ParityTests.compare(expected: ok, actual: changed) ?? ""
        XCTAssertTrue(report.contains("-2: \"b\""), report)
        XCTAssertTrue(report.contains("+2: \"c\""), report)
        let failed = ParityCase.Outcome(stdout: "", stderr: "Error: x\n", status: 1)
        XCTAssertNotNil(ParityTests.compare(expected: ok, actual: failed))
        XCTAssertNil(ParityTests.compare(expected: failed, actual: failed))
    }
}
