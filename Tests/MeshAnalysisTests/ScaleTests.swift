import Foundation
import MeshModel
import XCTest

@testable import MeshAnalysis

/// Verify of a large mesh gives the whole result: it passes on the expansion, and one open egress is reported for the
/// one component it opens (bench/run measures how fast).
final class ScaleTests: XCTestCase {
    /// `count` components, each with `degree` edges to other components, declared ports on some, kube-system access.
    static func largeMesh(components count: Int, degree: Int) -> MeshSpec {
        var rng = SeededGenerator(seed: 2026)
        let components = (0..<count).map { i in
            Component(
                id: String(format: "c%05d", i), name: String(format: "svc-%05d", i), labels: ["app": String(format: "svc-%05d", i)],
                namespace: "mesh", ports: i % 3 == 0 ? [PolicyPort(port: .number(8080))] : [],
                kubeSystemEgress: i % 2 == 0 ? .namespace : .dns, kubeSystemIngress: i % 10 == 0)
        }
        var edges: [Edge] = []
        for i in 0..<count {
            var targets: Set<Int> = []
            while targets.count < degree {
                let j = Int.random(in: 0..<count, using: &rng)
                if j != i { targets.insert(j) }
            }
            for j in targets.sorted() { edges.append(Edge(from: .component(components[i].id), to: .component(components[j].id))) }
        }
        return MeshSpec(
            policiesEnabled: true, namespace: "mesh", selectorKey: "app", components: components, externals: [], edges: edges,
            customIngress: [], customEgress: [])
    }

    func testVerifyOfThousandComponentsAndFiveThousandEdges() {
        let mesh = Self.largeMesh(components: 1000, degree: 5)
        XCTAssertEqual(mesh.edges.count, 5000)
        let policies = mesh.expand()
        let result = verify(mesh: mesh, policies: policies, defaultNamespace: "mesh")
        XCTAssertTrue(result.passed)

        // A tampered set names the flows it opens.
        var tampered = policies
        tampered[0].egress = (tampered[0].egress ?? []) + [PolicyRule()]
        let failed = verify(mesh: mesh, policies: tampered, defaultNamespace: "mesh")
        XCTAssertFalse(failed.passed)
        XCTAssertTrue(failed.differences.allSatisfy { $0.from == "c00000" })
    }
}
