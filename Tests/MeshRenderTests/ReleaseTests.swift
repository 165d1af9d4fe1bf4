import Foundation
import Platform
import XCTest

@testable import MeshRender

/// Each subcommand's pipeline prepares its release once: the values read, coalesced and made a mesh once, for the
/// render and for what the command compares it with.
final class ReleaseTests: XCTestCase {
    /// The paths a reader was asked for, in order.
    private final class Reads: @unchecked Sendable {
        private let lock = Lock()
        private var paths: [String] = []

        func add(_ path: String) { lock.withLock { paths.append(path) } }
        var all: [String] { lock.withLock { paths } }
    }

    private func reader(_ files: [String: String], _ reads: Reads) -> FileAccess {
        FileAccess(
            readFile: { path in
                reads.add(path)
                guard let text = files[path] else { throw ReadError("open \(path): no such file or directory") }
                return Array(text.utf8)
            },
            readStdin: { [] })
    }

    private func vald() throws -> String {
        try String(contentsOf: BuiltinChartTests.root.appendingPathComponent("values/vald.yaml"), encoding: .utf8)
    }

    func testVerifyReadsTheValuesOnce() throws {
        let reads = Reads()
        let input = AnalysisInput(
            chart: .builtin, values: ValuesInput(valueFiles: ["vald.yaml"]), release: ReleaseInput(namespace: "vald"),
            manifests: nil)
        let outcome = try Pipeline.verify(input, io: reader(["vald.yaml": try vald()], reads))
        XCTAssertTrue(outcome.passed, outcome.text)
        XCTAssertEqual(reads.all, ["vald.yaml"])
    }

    func testTheEffectiveMatrixOfARenderReadsTheValuesOnce() throws {
        let reads = Reads()
        // A chart directory whose values define no mesh: the matrix is the rendered policies'.
        let input = AnalysisInput(
            chart: .directory(ParityFixtures.root.appendingPathComponent("define-include/chart").path),
            values: ValuesInput(valueFiles: ["v.yaml"]), release: ReleaseInput(), manifests: nil)
        _ = try Pipeline.matrix(input, format: .csv, io: reader(["v.yaml": "x: 1\n"], reads))
        XCTAssertEqual(reads.all, ["v.yaml"])
    }

    func testADiffOfTwoRendersReadsEachSidesValuesOnce() throws {
        let reads = Reads()
        let narrowed = try vald().replacingOccurrences(of: "egress: dns", with: "egress: none")
        let request = DiffRequest(
            sides: .render(
                chart: .builtin, old: ValuesInput(valueFiles: ["old.yaml"]), new: ValuesInput(valueFiles: ["new.yaml"]),
                release: ReleaseInput(namespace: "vald")),
            mode: .brief)
        _ = try Pipeline.diff(request, io: reader(["old.yaml": try vald(), "new.yaml": narrowed], reads))
        XCTAssertEqual(reads.all, ["old.yaml", "new.yaml"])
    }

    func testThePostRendererReadsTheValuesOnce() throws {
        let reads = Reads()
        let outcome = try Pipeline.postRender(
            manifests: [], values: ValuesInput(valueFiles: ["vald.yaml"]), release: ReleaseInput(namespace: "vald"), verify: true,
            io: reader(["vald.yaml": try vald()], reads))
        XCTAssertNotNil(outcome.verification)
        XCTAssertEqual(reads.all, ["vald.yaml"])
    }
}
