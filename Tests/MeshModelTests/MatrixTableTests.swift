import XCTest
import Diagnostics
import YAML
@testable import MeshModel

final class MatrixTableTests: XCTestCase {
    let guide = """
        | from / to      | agent | discoverer | kube-system |
        | :------------- | :---: | :--------: | :---------: |
        | agent          |  N/A  |     ⛔     |     ✅      |

        | lb gateway     |  ✅   |     ✅️     |     ⛔      |
        """

    func testParsesCellsWithExactMarks() throws {
        let table = try MatrixTable.parse(guide, file: "matrix.md")
        XCTAssertEqual(table.columns.map(\.text), ["agent", "discoverer", "kube-system"])
        XCTAssertEqual(table.columns[1].mark, Mark(file: "matrix.md", line: 1, column: 28))
        XCTAssertEqual(table.rows.map(\.header.text), ["agent", "lb gateway"])
        XCTAssertEqual(table.rows[1].header.mark, Mark(file: "matrix.md", line: 5, column: 3))
        XCTAssertEqual(table.rows[1].cells.map(\.verdict), [.allow, .allow, .deny], "the emoji variation selector is ignored")
        XCTAssertEqual(table.rows[0].cells[1].cell.mark, Mark(file: "matrix.md", line: 3, column: 32))
    }

    func testHeaderIDs() {
        let cases: [(header: String, id: String)] = [
            ("filter gateway", "filter-gateway"), ("index  manager", "index-manager"), ("kube-system", "kube-system"), ("agent", "agent"),
        ]
        for c in cases {
            XCTAssertEqual(MatrixTable.id(forHeader: c.header), c.id)
        }
        XCTAssertEqual(MatrixTable.header(forID: "filter-gateway"), "filter gateway")
        XCTAssertEqual(MatrixTable.header(forID: "kube-system"), "kube-system")
    }

    func testRejectsMalformedTables() {
        let cases: [(name: String, text: String, error: String)] = [
            ("no rows", "", "m.md:1:1: a matrix table needs a header row, a separator row and rows of ✅ / ⛔ / N/A"),
            ("not a row", "| a | b |\n| - | - |\ntext\n", "m.md:3:1: not a table row (rows start with '|')"),
            ("open row", "| a | b |\n| - | - |\n| x | ✅\n", "m.md:3:8: not a table row (rows end with '|')"),
            ("only a corner", "| a |\n| - |\n", "m.md:1:3: the header row needs a corner cell and at least one destination"),
        ]
        for c in cases {
            XCTAssertEqual(inputError { () throws(InputError) in try MatrixTable.parse(c.text, file: "m.md") }, c.error, c.name)
        }
    }

    func testAddingATableFileToAMesh() throws {
        let spec = try MeshSpec.load(
            values: try yaml("mesh:\n  components: {agent: {}, discoverer: {}, lb-gateway: {}}\n"), releaseNamespace: "ns")
        let withTable = try spec.adding(try MatrixTable.parse(guide, file: "matrix.md"))
        XCTAssertEqual(withTable.edges.map { "\($0.from)->\($0.to)" }, ["lb-gateway->agent", "lb-gateway->discoverer"])
        XCTAssertEqual(withTable.components.map(\.kubeSystemEgress), [.namespace, .namespace, .none])
        let again = inputError { () throws(InputError) in try withTable.adding(try MatrixTable.parse(guide, file: "matrix.md")) }
        XCTAssertEqual(again, "matrix.md:5:21: duplicate edge lb-gateway -> agent")
    }

    func testRendersTheValdLayout() throws {
        let spec = try MeshSpec.load(
            values: try yaml("mesh:\n  components: {agent: {}, lb-gateway: {kubeSystem: {egress: false}}}\n  connectivity: {lb-gateway: [agent]}\n"),
            releaseNamespace: "ns")
        XCTAssertEqual(MatrixTable(spec: spec).render(), """
            | from / to  | agent | lb gateway | kube-system |
            | :--------- | :---: | :--------: | :---------: |
            | agent      |  N/A  |     ⛔     |     ✅      |
            | lb gateway |  ✅   |    N/A     |     ⛔      |

            """)
    }

    func testTemplateValueShape() throws {
        let spec = try MeshSpec.load(values: try yaml("""
            mesh:
              kubeSystem: {egress: dns}
              components: {a: {ports: [{port: 80}]}, b: {kubeSystem: {egress: false}}}
              external: {web: {anywhere: true}}
              connectivity: {web: [a], b: [{to: a, ports: [{port: 81}]}]}
            """), releaseNamespace: "ns")
        let value = spec.templateValue()
        guard case .map(let mesh) = value else { return XCTFail("not a map") }
        XCTAssertEqual(mesh["namespace"], .string("ns"))
        XCTAssertEqual(mesh["enabled"], .bool(true))
        guard case .list(let policies)? = mesh["policies"], case .map(let a)? = policies.first else { return XCTFail("no policies") }
        XCTAssertEqual(a["name"], .string("a-allow"))
        XCTAssertEqual(a["component"], .string("a"))
        XCTAssertEqual(a["podSelector"], .map(["matchLabels": .map(["app": .string("a")])]))
        guard case .list(let ingress)? = a["ingress"] else { return XCTFail("no ingress") }
        XCTAssertEqual(ingress.count, 2)
        guard case .list(let bPolicy)? = mesh["policies"], case .map(let b) = bPolicy[1] else { return XCTFail() }
        XCTAssertEqual(b["ingress"], .list([]), "denied direction: an empty list")
        guard case .map(let bSpec)? = b["spec"] else { return XCTFail("no spec") }
        XCTAssertNil(bSpec["ingress"])
        XCTAssertEqual(bSpec["policyTypes"], .list([.string("Ingress"), .string("Egress")]))
        XCTAssertEqual(mesh["edges"], .list([
            .map(["from": .string("b"), "to": .string("a"), "fromKind": .string("component"), "toKind": .string("component"),
                  "ports": .list([.map(["port": .int(81)])])]),
            .map(["from": .string("web"), "to": .string("a"), "fromKind": .string("external"), "toKind": .string("component")]),
        ]))
        XCTAssertEqual(mesh["matrix"], .map([
            "rows": .list([.string("a"), .string("b"), .string("web")]),
            "columns": .list([.string("a"), .string("b"), .string("kube-system")]),
            "allowed": .map(["a": .list([.string("kube-system")]), "b": .list([.string("a")]), "web": .list([.string("a")])]),
        ]))
        guard case .list(let externals)? = mesh["externals"] else { return XCTFail("no externals") }
        XCTAssertEqual(externals, [.map(["id": .string("web"), "kind": .string("anywhere"), "ports": .list([])])])
        guard case .list(let components)? = mesh["components"], case .map(let first) = components[0] else { return XCTFail() }
        XCTAssertEqual(first["kubeSystem"], .map(["egress": .string("dns"), "ingress": .bool(false)]))
    }
}
