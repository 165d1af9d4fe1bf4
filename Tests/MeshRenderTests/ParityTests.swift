import Foundation
import XCTest
import TestSupport

/// Byte-for-byte parity with `helm template` on the corpus in `Fixtures/parity`.
///
/// Every case renders with the real helm (found through `MESHRENDER_HELM`) and with meshrender's
/// library pipeline; stdout must be identical, and for failing cases both must fail with the same
/// stderr (for values-flag errors: the same reason, meshrender naming the flag's position).
/// Skipped when helm is not installed.
final class ParityTests: XCTestCase {
    func testCorpusMatchesHelmTemplate() throws {
        let helm = try ReferenceTool.helm.require()
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

    /// `--output-dir`: the same files with the same bytes, and the same `wrote ...` log.
    func testOutputDirectoryMatchesHelm() throws {
        let helm = try ReferenceTool.helm.require()
        for name in ["hooks", "multi-doc-ordering", "subdirectory-templates", "helm-create-style"] {
            let parityCase = try ParityCase(directory: ParityFixtures.root.appendingPathComponent(name))
            let helmDir = FileManager.default.temporaryDirectory.appendingPathComponent("parity-out-helm-\(UUID().uuidString)")
            let ownDir = FileManager.default.temporaryDirectory.appendingPathComponent("parity-out-own-\(UUID().uuidString)")
            defer {
                try? FileManager.default.removeItem(at: helmDir)
                try? FileManager.default.removeItem(at: ownDir)
            }
            var withDir = parityCase
            withDir.flags.append(("--output-dir", helmDir.path))
            let expected = try withDir.runHelm(helm)
            XCTAssertEqual(expected.status, 0, "[\(name)] helm failed: \(expected.stderr)")
            let rendered = try parityCase.render()
            let log = try rendered.write(outputDirectory: ownDir.path)
            XCTAssertEqual(
                log.replacingOccurrences(of: ownDir.path, with: "OUT"),
                expected.stdout.replacingOccurrences(of: helmDir.path, with: "OUT"), "[\(name)] stdout")
            let helmFiles = try ParityTests.files(under: helmDir), ownFiles = try ParityTests.files(under: ownDir)
            XCTAssertEqual(ownFiles.keys.sorted(), helmFiles.keys.sorted(), "[\(name)] file list")
            for (path, text) in helmFiles where ownFiles[path] != text {
                XCTFail("[\(name)] \(path) differs (- helm, + meshrender):\n" + lineDiff(expected: text, actual: ownFiles[path] ?? ""))
            }
        }
    }

    /// Relative path → contents of every file below `dir`.
    static func files(under dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return out }
        for case let relative as String in walker {
            let url = dir.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return out
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
            if e == a {
                // The whole message (Helm's multi-line form and its hint) must agree too.
                return expected.stderr == actual.stderr
                    ? nil : "error text differs (- helm, + meshrender):\n" + lineDiff(expected: expected.stderr, actual: actual.stderr)
            }
            // Values flags: meshrender names the flag's position (`--set:1:1: ...`) where Helm
            // writes `failed parsing --set data: ...`; the reason itself must be Helm's.
            if e.hasPrefix("Error: failed parsing "), let reason = e.components(separatedBy: ": ").last,
               a.hasSuffix(": " + reason) {
                return nil
            }
            return "error differs:\n  helm:       \(e)\n  meshrender: \(a)"
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
