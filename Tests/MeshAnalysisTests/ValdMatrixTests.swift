import Foundation
import HelmValues
import MeshModel
import XCTest
import YAML

@testable import MeshAnalysis

/// The Vald network-policy guide's table, and the shipped values/vald.yaml drawn as a matrix.
final class ValdMatrixTests: XCTestCase {
    /// The table of the Vald network-policy guide, as published.
    static let guideTable = """
        | from / to      | agent | discoverer | filter gateway | lb gateway | index manager | kube-system |
        | :------------- | :---: | :--------: | :------------: | :--------: | :-----------: | :---------: |
        | agent          |  N/A  |     ⛔     |       ⛔       |     ⛔     |      ⛔       |     ✅      |
        | discoverer     |  ⛔   |    N/A     |       ⛔       |     ⛔     |      ⛔       |     ✅      |
        | filter gateway |  ⛔   |     ⛔     |      N/A       |     ✅     |      ⛔       |     ✅      |
        | lb gateway     |  ✅   |     ✅     |       ⛔       |    N/A     |      ⛔       |     ✅      |
        | index manager  |  ✅   |     ✅     |       ⛔       |     ⛔     |      N/A      |     ✅      |

        """

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The mesh of values files merged in order, as `-f a -f b` merges them.
    static func loadMesh(_ files: String..., namespace: String = "vald") throws -> MeshSpec {
        var merged: Node?
        for file in files {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
            let node = try YAMLParser().parse(text, file: file)
            merged = merged.map { ValuesMerge.mergeMaps($0, node) } ?? node
        }
        return try MeshSpec.load(values: merged ?? .null, releaseNamespace: namespace)
    }

    /// (row id, column id) -> verdict of a Markdown matrix.
    static func cells(_ markdown: String) throws -> [String: MatrixTable.Verdict] {
        let table = try MatrixTable.parse(markdown, origin: nil, path: "table")
        var cells: [String: MatrixTable.Verdict] = [:]
        for row in table.rows {
            for (column, cell) in zip(table.columns, row.cells) {
                cells[MatrixTable.id(forHeader: row.header.text) + " → " + MatrixTable.id(forHeader: column.text)] = cell.verdict
            }
        }
        return cells
    }

    func testIntendedMatrixReproducesTheGuideCellForCell() throws {
        let mesh = try Self.loadMesh("values/vald.yaml")
        let markdown = MatrixView.markdown(ConnectivityMatrix(intended: IntendedConnectivity(mesh: mesh)))
        let expected = try Self.cells(Self.guideTable)
        XCTAssertEqual(expected.count, 30)
        XCTAssertEqual(try Self.cells(markdown), expected, markdown)
    }

    func testMarkdownIsPaddedLikeTheGuide() throws {
        // With the guide's row and column order, the output is the guide's text with ids for labels.
        let order = ["agent", "discoverer", "filter-gateway", "lb-gateway", "index-manager"]
        let mesh = try Self.loadMesh("values/vald.yaml")
        let matrix = ConnectivityMatrix(intended: IntendedConnectivity(mesh: mesh))
        let rowIndex = order.map { try! XCTUnwrap(matrix.rows.firstIndex(of: $0)) }
        let columnIndex = (order + ["kube-system"]).map { matrix.columns.firstIndex(of: $0)! }
        let reordered = ConnectivityMatrix(
            rows: order, columns: order + ["kube-system"],
            cells: rowIndex.map { r in columnIndex.map { matrix.cells[r][$0] } }, flows: [])
        var expected = Self.guideTable
        for label in ["filter gateway", "lb gateway", "index manager"] {
            expected = expected.replacingOccurrences(of: label, with: label.replacingOccurrences(of: " ", with: "-"))
        }
        XCTAssertEqual(MatrixView.markdown(reordered), expected)
    }

    func testRenderedPoliciesGiveTheGuideMatrix() throws {
        let mesh = try Self.loadMesh("values/vald.yaml")
        let expected = try Self.cells(Self.guideTable)
        let policies = mesh.expand()
        // Over the mesh's inventory...
        let effective = EffectiveConnectivity(policies: policies, defaultNamespace: "vald", inventory: Inventory(mesh: mesh))
        XCTAssertEqual(try Self.cells(MatrixView.markdown(ConnectivityMatrix(effective: effective, mesh: mesh))), expected)
        // ...and from the policies alone, endpoints named by their component label.
        let inferred = EffectiveConnectivity(policies: policies, defaultNamespace: "vald")
        let all = try Self.cells(MatrixView.markdown(ConnectivityMatrix(effective: inferred)))
        XCTAssertEqual(all.filter { expected[$0.key] != nil }, expected)
        // verify agrees.
        let result = verify(mesh: mesh, policies: policies, defaultNamespace: "vald")
        XCTAssertTrue(result.passed, result.description)
    }

    func testShippedValuesVerify() throws {
        let directory = Self.repositoryRoot.appendingPathComponent("values")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            // Overlays (files without a mesh) are verified on top of vald.yaml by the CLI tests; here each file alone.
            guard let mesh = try? Self.loadMesh("values/" + file), !mesh.components.isEmpty else { continue }
            let result = verify(mesh: mesh, policies: mesh.expand(), defaultNamespace: "vald")
            XCTAssertTrue(result.passed, "\(file):\n\(result)")
        }
    }

    /// The observability overlay's custom rules are checked too: their peers are part of the inventory.
    func testCustomRulesOfTheObservabilityOverlayAreVerified() throws {
        let mesh = try Self.loadMesh("values/vald.yaml", "values/vald-observability.yaml")
        var policies = mesh.expand()
        XCTAssertTrue(verify(mesh: mesh, policies: policies, defaultNamespace: "vald").passed)
        let effective = EffectiveConnectivity(policies: policies, defaultNamespace: "vald", inventory: Inventory(mesh: mesh))
        let otel = "pods app.kubernetes.io/name=opentelemetry-collector-collector"
        XCTAssertEqual(effective.map.ports(from: "agent", to: otel), .all)
        XCTAssertEqual(effective.map.ports(from: "pods app.kubernetes.io/name=pyroscope", to: "agent"), .all)
        XCTAssertEqual(effective.map.ports(from: "agent", to: Inventory.unrelatedName), .empty)

        let index = try XCTUnwrap(policies.firstIndex { $0.name == "vald-agent-allow" })
        policies[index].egress!.removeLast()
        let result = verify(mesh: mesh, policies: policies, defaultNamespace: "vald")
        XCTAssertEqual(
            result.differences.map(\.description),
            ["agent → \(otel): denied, intended allowed (egress of vald-agent-allow: no rule allows all; intended by global custom egress rule 1)"])
    }
}
