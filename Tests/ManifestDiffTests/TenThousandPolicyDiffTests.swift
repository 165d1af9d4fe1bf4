import Foundation
import XCTest

@testable import ManifestDiff

/// Two releases of a 10,000-policy mesh (5 edges per component) whose edges differ in 1%: the diff names exactly
/// the re-pointed edges, reading the files as the CLI does (unchanged documents parsed once) or parsed apart.
/// How long it takes and how much memory is measured by `bench/run diff`, not here.
final class TenThousandPolicyDiffTests: XCTestCase {
    func testTenThousandPolicyMeshWithOnePercentChanged() throws {
        let old = MeshManifests(components: 10_000, degree: 5)
        let new = old.perturbed(fraction: 0.01)
        let oldText = Array(old.render().utf8)
        let newText = Array(new.render().utf8)
        var oldDocs = try ManifestSource.parse(bytes: oldText, file: "old.yaml")
        var newDocs = try ManifestSource.parse(bytes: newText, file: "new.yaml")
        let report = try ManifestDiffer.diff(old: oldDocs, new: newDocs)
        // The CLI path: both files through loadPair (unchanged documents parsed once), then the diff.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let oldFile = dir.appendingPathComponent("old.yaml"), newFile = dir.appendingPathComponent("new.yaml")
        try Data(oldText).write(to: oldFile)
        try Data(newText).write(to: newFile)
        (oldDocs, newDocs) = try ManifestSource.loadPair(old: oldFile.path, new: newFile.path)
        let pairReport = try ManifestDiffer.diff(old: oldDocs, new: newDocs)
        XCTAssertEqual(newDocs.filter { $0.sharedText != nil }.count, newDocs.count - report.resources.count,
                       "every unchanged document is taken from the old side")
        XCTAssertEqual(DiffWriter.json.render(pairReport), DiffWriter.json.render(report))
        for writer in DiffWriter.allCases { XCTAssertFalse(writer.render(report).isEmpty, writer.rawValue) }

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
    }
}
