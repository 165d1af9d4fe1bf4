import Foundation
import XCTest

@testable import ManifestDiff

/// Two releases of a 10,000-policy mesh (5 edges per component) whose edges differ in 1%.
///
/// Prints parse, diff and render times and the process's peak RSS. The ≤ 1 s / ≤ 500 MB budget is
/// asserted in release builds (`swift test -c release --filter BenchmarkTests`); debug builds only
/// check a loose bound and the result.
final class BenchmarkTests: XCTestCase {
    func testTenThousandPolicyMeshWithOnePercentChanged() throws {
        let old = MeshManifests(components: 10_000, degree: 5)
        let new = old.perturbed(fraction: 0.01)
        let oldText = Array(old.render().utf8)
        let newText = Array(new.render().utf8)

        var oldDocs: [Document] = []
        var newDocs: [Document] = []
        let parse = try Self.measure {
            oldDocs = try ManifestSource.parse(bytes: oldText, file: "old.yaml")
            newDocs = try ManifestSource.parse(bytes: newText, file: "new.yaml")
        }
        let peakAfterParse = Self.peakResidentMB()
        var report: DiffReport?
        let diff = try Self.measure {
            report = try ManifestDiffer.diff(old: oldDocs, new: newDocs)
        }
        let peakAfterDiff = Self.peakResidentMB()
        guard let report else { return XCTFail("no report") }
        // The CLI path: both files through loadPair (unchanged documents parsed once), then the diff.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let oldFile = dir.appendingPathComponent("old.yaml"), newFile = dir.appendingPathComponent("new.yaml")
        try Data(oldText).write(to: oldFile)
        try Data(newText).write(to: newFile)
        oldDocs = []
        newDocs = []
        var pairReport: DiffReport?
        let pairLoad = try Self.measure {
            (oldDocs, newDocs) = try ManifestSource.loadPair(old: oldFile.path, new: newFile.path)
        }
        let pairDiff = try Self.measure {
            pairReport = try ManifestDiffer.diff(old: oldDocs, new: newDocs)
        }
        XCTAssertEqual(pairReport.map { DiffWriter.json.render($0) }, DiffWriter.json.render(report))
        var sizes: [String: Int] = [:]
        let render = Self.measure {
            for writer in DiffWriter.allCases { sizes[writer.rawValue] = writer.render(report).utf8.count }
        }
        print("""
            benchmark: 10,000 policies, \(oldText.count / 1_048_576) MB + \(newText.count / 1_048_576) MB of YAML, 500 edges re-pointed
              (CPU seconds of the process; wall seconds in brackets -- the machine is shared)
              parse both sides  \(parse)
              diff              \(diff)  (\(report.resources.count) policies modified, \(report.connectivity.changes.count) flow changes)
              loadPair (files)  \(pairLoad)  (\(newDocs.filter { $0.sharedText != nil }.count) of the new side's documents taken from the old side)
              diff after it     \(pairDiff)
              render all 4      \(render)  (bytes: \(sizes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
              peak RSS          \(peakAfterParse) MB after generating and parsing, \(peakAfterDiff) MB after the diff
            """)

        // 500 re-pointed edges: each touches the source and both destinations (old and new).
        XCTAssertGreaterThan(report.resources.count, 500)
        XCTAssertLessThanOrEqual(report.resources.count, 1500)
        XCTAssertTrue(report.resources.allSatisfy { $0.change == .modified })
        // Exactly the edges only one release has open or close, each as one flow change.
        func edgeSet(_ m: MeshManifests) -> Set<String> {
            Set(m.edges.enumerated().flatMap { s, ds in ds.map { "\(MeshManifests.id(s))>\(MeshManifests.id($0))" } })
        }
        let opened = edgeSet(new).subtracting(edgeSet(old)).sorted()
        let closed = edgeSet(old).subtracting(edgeSet(new)).sorted()
        XCTAssertGreaterThan(opened.count, 450)
        XCTAssertEqual(report.connectivity.changes.filter { $0.change == .opened }.map { "\($0.from)>\($0.to)" }.sorted(), opened)
        XCTAssertEqual(report.connectivity.changes.filter { $0.change == .closed }.map { "\($0.from)>\($0.to)" }.sorted(), closed)
        XCTAssertTrue(report.resources.allSatisfy { $0.fields.allSatisfy { $0.change != .modified } },
                      "peer changes must be added/removed entries, not cascades")

        // Figures are printed, not asserted: speed is measured by bench/run, not by timed unit tests.
        print("diff CPU \(diff), extra memory \(peakAfterDiff - peakAfterParse) MB")
    }

    struct Timing: CustomStringConvertible {
        var cpu: Double
        var wall: Double
        var description: String { String(format: "%.3f s [%.3f s]", cpu, wall) }
    }

    /// CPU time of the process (all threads) and wall time of `body`.
    static func measure(_ body: () throws -> Void) rethrows -> Timing {
        func now(_ clock: clockid_t) -> Double {
            var ts = timespec()
            clock_gettime(clock, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        let cpu0 = now(CLOCK_PROCESS_CPUTIME_ID), wall0 = now(CLOCK_MONOTONIC)
        try body()
        return Timing(cpu: now(CLOCK_PROCESS_CPUTIME_ID) - cpu0, wall: now(CLOCK_MONOTONIC) - wall0)
    }

    static func peakResidentMB() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss) / 1024
    }
}
