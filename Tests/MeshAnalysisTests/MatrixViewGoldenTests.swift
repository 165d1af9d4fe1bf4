import Foundation
import MeshModel
import XCTest

@testable import MeshAnalysis
import TestSupport

/// Whole outputs of every matrix view, compared with golden files in Golden/ (regenerate them with
/// MESHRENDER_UPDATE_GOLDEN=1 and review the diff).
final class MatrixViewGoldenTests: XCTestCase {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func assertGolden(_ output: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try GoldenFile.assert(output, matches: Self.goldenDirectory.appendingPathComponent(name), file: file, line: line)
    }

    func testValdIntendedMatrixInEveryFormat() throws {
        let mesh = try ValdMatrixTests.loadMesh("values/vald.yaml")
        let matrix = ConnectivityMatrix(intended: IntendedConnectivity(mesh: mesh))
        for format in MatrixFormat.allCases {
            try assertGolden(matrix.rendered(as: format), "vald-intended.\(format.rawValue == "markdown" ? "md" : format.rawValue == "table" ? "txt" : format.rawValue)")
        }
    }

    /// A shop: web accepts from anyone on 80 and 443, calls api on 8080; api reads db on 5432 and sends traces to
    /// otel; db reaches nothing but DNS; batch (policy off) calls api; internet egress for api only.
    static var shop: MeshSpec {
        let web = Component(id: "web", name: "shop-web", labels: ["app": "shop-web"], namespace: "shop",
                            ports: [PolicyPort(port: .number(80)), PolicyPort(port: .number(443))], kubeSystemEgress: .dns)
        let api = Component(id: "api", name: "shop-api", labels: ["app": "shop-api"], namespace: "shop",
                            ports: [PolicyPort(port: .number(8080))], kubeSystemEgress: .dns)
        let db = Component(id: "db", name: "shop-db", labels: ["app": "shop-db"], namespace: "shop",
                           ports: [PolicyPort(port: .number(5432))], kubeSystemEgress: .dns)
        let batch = Component(id: "batch", name: "shop-batch", labels: ["app": "shop-batch"], namespace: "shop", policyEnabled: false)
        let externals = [
            ExternalPeer(id: "anyone", kind: .anywhere),
            ExternalPeer(id: "internet", kind: .ipBlock(IPBlock(cidr: "0.0.0.0/0", except: ["10.0.0.0/8"]))),
            ExternalPeer(id: "otel", kind: .pods(namespace: "monitoring", labels: ["app.kubernetes.io/name": "otel"]),
                         ports: [PolicyPort(port: .number(4317))]),
        ]
        let edges = [
            Edge(from: .component("api"), to: .component("db")),
            Edge(from: .component("api"), to: .external("internet"), ports: [PolicyPort(port: .number(443))]),
            Edge(from: .component("api"), to: .external("otel")),
            Edge(from: .component("batch"), to: .component("api")),
            Edge(from: .component("web"), to: .component("api")),
            Edge(from: .external("anyone"), to: .component("web")),
        ]
        return MeshSpec(policiesEnabled: true, namespace: "shop", selectorKey: "app", components: [api, batch, db, web],
                        externals: externals, edges: edges, customIngress: [], customEgress: [])
    }

    func testPortsAndExternalsInEveryFormat() throws {
        let mesh = Self.shop
        let intended = IntendedConnectivity(mesh: mesh)
        let matrix = ConnectivityMatrix(intended: intended)
        XCTAssertEqual(matrix.columns, ["api", "batch", "db", "web", "internet", "otel", "kube-system"])
        // The rendered policies draw the same matrix.
        let effective = EffectiveConnectivity(policies: mesh.expand(), defaultNamespace: "shop", inventory: intended.inventory)
        XCTAssertEqual(ConnectivityMatrix(effective: effective, mesh: mesh), matrix)
        for format in MatrixFormat.allCases {
            try assertGolden(matrix.rendered(as: format), "shop.\(format.rawValue == "markdown" ? "md" : format.rawValue == "table" ? "txt" : format.rawValue)")
        }
    }

    func testFiftyComponentSVG() throws {
        let mesh = ScaleTests.largeMesh(components: 50, degree: 3)
        let svg = MatrixView.svg(ConnectivityMatrix(intended: IntendedConnectivity(mesh: mesh)))
        // 50 × 51 cells, each with its tooltip; every label present.
        XCTAssertEqual(svg.components(separatedBy: "<title>").count - 1, 50 * 51)
        for component in mesh.components { XCTAssertTrue(svg.contains(">\(component.id)</text>")) }
        try assertGolden(svg, "mesh-50.svg")
    }

    func testCSVQuotesCellsWithCommas() {
        let matrix = ConnectivityMatrix(
            rows: ["a"], columns: ["a", "b"],
            cells: [[.notApplicable, .allowed(PortSet(.tcp, PortRangeSet([53...53])).union(PortSet(.udp, PortRangeSet([53...53]))))]],
            flows: [])
        XCTAssertEqual(MatrixView.csv(matrix), "from / to,a,b\na,N/A,\"TCP 53, UDP 53\"\n")
    }
}
