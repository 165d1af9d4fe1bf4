import Foundation
import MeshAnalysis
import TestSupport
import XCTest
import YAML

@testable import ManifestDiff

/// `ManifestSource.loadObjects` reads documents a run at a time and drops their trees; what it returns (and what it
/// throws) equals reading every parsed document at once.
final class StreamedObjectsTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        scratch = try ScratchDirectory("objects")
    }

    override func tearDown() {
        scratch = nil
    }

    func write(_ name: String, _ text: String) throws -> String {
        try scratch.write(name, text)
    }

    /// Equal objects, marks included (dictionaries compared as values: their printed order is not theirs).
    func assertEqualObjects(_ got: ManifestObjects, _ want: ManifestObjects, line: UInt = #line) {
        XCTAssertEqual(got.policies.count, want.policies.count, line: line)
        XCTAssertEqual(got.policies.indices.first { $0 < want.policies.count && got.policies[$0] != want.policies[$0] }, nil, "first policy that differs", line: line)
        let marks = { (objects: ManifestObjects) in objects.policies.indices.map { "\(objects.marks(ofPolicy: $0))" } }
        XCTAssertEqual(marks(got), marks(want), line: line)
        XCTAssertEqual(got.workloads, want.workloads, line: line)
        XCTAssertEqual(got.workloads.map(\.mark), want.workloads.map(\.mark), line: line)
        XCTAssertEqual(got.namespaces, want.namespaces, line: line)
        XCTAssertEqual(got.skipped, want.skipped, line: line)
    }

    func assertSameAsWholeRead(_ path: String, line: UInt = #line) throws {
        let whole = Result { try ManifestObjects.read(ManifestSource.loadNodes(path: path), defaultNamespace: "ns") }
        let streamed = Result { try ManifestSource.loadObjects(path: path, defaultNamespace: "ns") }
        switch (whole, streamed) {
        case (.success(let want), .success(let got)):
            assertEqualObjects(got, want, line: line)
        case (.failure(let want), .failure(let got)):
            XCTAssertEqual("\(got)", "\(want)", line: line)
        default:
            XCTFail("whole read: \(whole), streamed: \(streamed)", line: line)
        }
    }

    /// Pods of one owner in documents far apart (different runs), Namespaces, lists, comments and empty documents
    /// between hundreds of policies.
    func mixedRelease(seed: UInt64, policies: Int = 400) -> String {
        var rng = SplitMix(seed: seed)
        var out = "# leading comment\n"
        let mesh = MeshManifests(components: policies, degree: 4, seed: seed).render(namespace: "ns")
        let documents = mesh.components(separatedBy: "---\n").filter { !$0.isEmpty }
        for (i, document) in documents.enumerated() {
            out += "---\n" + document
            switch rng.next() % 9 {
            case 0: out += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\(i)\n  labels: {app: c\(i % 7)}\n  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: rs\(i % 3), controller: true, uid: u}\nspec:\n  containers:\n  - name: c\n    ports:\n    - {name: http\(i % 2), containerPort: \(8000 + i)}\n"
            case 1: out += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\(i % 5)\n  labels: {team: t\(i)}\n"
            case 2: out += "---\n# nothing\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm\(i)}\n"
            case 3: out += "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d\(i), namespace: other}\n  spec:\n    template:\n      metadata: {labels: {app: d\(i)}}\n      spec: {containers: [{name: c}]}\n"
            default: break
            }
        }
        return out
    }

    func testRandomReleasesReadAsWhole() throws {
        for seed in 1...4 as ClosedRange<UInt64> {
            let text = mixedRelease(seed: seed)
            XCTAssertGreaterThan(text.utf8.count, 2 * ManifestSource.runBytes, "several runs")
            let path = try write("r\(seed).yaml", text)
            // Read a run at a time, not through the whole-file fallback.
            XCTAssertNotNil(ManifestSource.streamedObjects([(path, Array(text.utf8))], parser: YAMLParser(), defaultNamespace: "ns"))
            try assertSameAsWholeRead(path)
        }
    }

    func testDirectoriesReadAsWhole() throws {
        _ = try write("d/b.yaml", mixedRelease(seed: 8, policies: 50))
        _ = try write("d/a.yml", mixedRelease(seed: 9, policies: 50))
        try assertSameAsWholeRead(scratch.url.appendingPathComponent("d").path)
    }

    /// Invalid documents, YAML errors after them, and what the fast parse leaves to the full one (anchors): the same
    /// result or the same first error.
    func testProblemsReportedAsWhole() throws {
        let base = mixedRelease(seed: 5)
        let cases = [
            base + "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: Bad_Name}\n",
            base.replacingOccurrences(of: "name: c17-allow", with: "name: c17-allow\n  bogus: 1"),
            base + "---\nkind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: x}\nspec: {podSelector: {matchLabels: {app: [1]}}}\n---\na: [\n",
            base + "---\nkey: &a {x: 1}\nother: *a\n",
            base.replacingOccurrences(of: "kubernetes.io/metadata.name: kube-system", with: "kubernetes.io/metadata.name: Kube-System!"),
        ]
        for (i, text) in cases.enumerated() { try assertSameAsWholeRead(try write("p\(i).yaml", text)) }
    }

    func testRenderedStreamReadAsWhole() throws {
        let bytes = Array(mixedRelease(seed: 11).utf8)
        let parser = YAMLParser(limits: .init(maxBytes: .max))
        let got = try ManifestSource.objects(bytes: bytes, file: "rendered", parser: parser, defaultNamespace: "ns")
        let want = try ManifestObjects.read(parser.parseAll(bytes: bytes, file: "rendered"), defaultNamespace: "ns")
        assertEqualObjects(got, want)
    }
}
