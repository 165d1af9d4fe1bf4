import MeshModel
import XCTest

@testable import MeshAnalysis

/// csv and json are written a row at a time with cells derived from the flows (`CellStorage.derived`), so a matrix of
/// any size streams in bounded memory: every row must equal the stored cells, and every output the stored matrix's.
final class DerivedCellsTests: XCTestCase {
    private func assertDerivedEqualsStored(
        _ make: (ConnectivityMatrix.CellStorage) -> ConnectivityMatrix, _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let stored = make(.stored), derived = make(.derived)
        XCTAssertTrue(derived.cells.isEmpty, name, file: file, line: line)
        XCTAssertFalse(stored.cells.isEmpty, name, file: file, line: line)
        XCTAssertEqual(derived.cellRows, stored.cells, name, file: file, line: line)
        for format in stored.rows.count > 60 ? [MatrixFormat.csv, .json] : [.csv, .json, .table, .markdown, .svg] {
            XCTAssertEqual(derived.rendered(as: format), stored.rendered(as: format), "\(name) \(format)", file: file, line: line)
        }
        // Written piece by piece, the pieces make the same text.
        var pieces: [Substring] = []
        derived.write(as: .json, to: { pieces.append($0) })
        XCTAssertEqual(pieces.joined(), stored.rendered(as: .json), name, file: file, line: line)
    }

    func testMeshLayout() throws {
        for mesh in [try ValdMatrixTests.loadMesh("values/vald.yaml"), MatrixViewGoldenTests.shop,
                     ScaleTests.largeMesh(components: 300, degree: 5)] {
            let intended = IntendedConnectivity(mesh: mesh)
            assertDerivedEqualsStored({ ConnectivityMatrix(intended: intended, cells: $0) }, "intended")
            let effective = EffectiveConnectivity(policies: mesh.expand(), defaultNamespace: mesh.namespace, inventory: intended.inventory)
            assertDerivedEqualsStored({ ConnectivityMatrix(effective: effective, mesh: mesh, cells: $0) }, "effective over the mesh")
        }
    }

    func testEveryEndpoint() throws {
        let mesh = try ValdMatrixTests.loadMesh("values/vald.yaml")
        let inferred = EffectiveConnectivity(policies: mesh.expand(), defaultNamespace: "vald")
        for hidden: Set<String> in [[], ["representatives"], ["kube-system", "representatives"]] {
            assertDerivedEqualsStored(
                { ConnectivityMatrix(effective: inferred, mesh: mesh, scope: .all(hidden: hidden), cells: $0) }, "all but \(hidden)")
        }
        // Without cells there are no rows to write, only endpoints, columns and flows.
        let none = ConnectivityMatrix(effective: inferred, scope: .all(hidden: []), cells: .none)
        XCTAssertTrue(none.cellRows.isEmpty)
        XCTAssertFalse(none.flows.isEmpty)
    }
}
