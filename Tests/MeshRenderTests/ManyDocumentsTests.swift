import XCTest
@testable import MeshRender

/// Many documents are read concurrently: order, kinds and the first error stay as for a few.
final class ManyDocumentsTests: XCTestCase {
    func testOrderAndKindsOfManyDocuments() throws {
        let kinds = ["Service", "ConfigMap", "Deployment", "Widget"]
        let text = (0..<600).map { "kind: \(kinds[$0 % 4])\nmetadata:\n  name: n\($0)" }.joined(separator: "\n---\n")
        let (manifests, hooks) = try ChartManifestSorter.sort([(name: "c/templates/a.yaml", text: text)])
        XCTAssertTrue(hooks.isEmpty)
        XCTAssertEqual(manifests.count, 600)
        XCTAssertEqual(manifests.map(\.kind), ["ConfigMap", "Service", "Deployment", "Widget"].flatMap { Array(repeating: $0, count: 150) })
        // Stable within a kind: document order.
        XCTAssertEqual(manifests.first?.text, "kind: ConfigMap\nmetadata:\n  name: n1")
        XCTAssertEqual(manifests[1].text, "kind: ConfigMap\nmetadata:\n  name: n5")
    }

    func testFirstErrorInDocumentOrderIsReported() {
        var docs = (0..<600).map { "kind: Service\nmetadata:\n  name: n\($0)" }
        docs[300] = "kind: 5"
        docs[500] = "kind: [a"
        XCTAssertThrowsError(try ChartManifestSorter.sort([(name: "c/templates/a.yaml", text: docs.joined(separator: "\n---\n"))])) { error in
            XCTAssertEqual(
                (error as? ChartRenderError)?.message,
                "YAML parse error on c/templates/a.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field SimpleHead.kind of type string")
        }
    }
}
