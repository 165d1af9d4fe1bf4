import MeshModel
import XCTest

@testable import MeshAnalysis

final class VerifyTests: XCTestCase {
    func testValdPoliciesGiveTheIntendedConnectivity() {
        let result = verify(mesh: Vald.mesh, policies: Vald.policies, defaultNamespace: "vald")
        XCTAssertTrue(result.passed, result.description)
        XCTAssertGreaterThan(result.pairsCompared, 50)
    }

    func testOpenFilterGatewayEgressIsNamed() throws {
        var policies = Vald.policies
        let index = try XCTUnwrap(policies.firstIndex { $0.name == "vald-filter-gateway-allow" })
        policies[index].egress = (policies[index].egress ?? []) + [PolicyRule()]
        let result = verify(mesh: Vald.mesh, policies: policies, defaultNamespace: "vald")
        XCTAssertFalse(result.passed)
        let lines = result.differences.map(\.description)
        XCTAssertTrue(
            lines.contains(
                "filter-gateway → 0.0.0.0/0: allowed, intended denied (egress of vald-filter-gateway-allow rule 3: to any)"),
            result.description)
        XCTAssertTrue(result.differences.allSatisfy { $0.from == "filter-gateway" }, result.description)
        // Reaching the unrelated pod, which accepts everything, is now allowed too.
        XCTAssertTrue(result.differences.contains { $0.to == Inventory.unrelatedName })
    }

    func testMissingEdgeIsReportedWithThePolicyThatDeniesIt() throws {
        var policies = Vald.policies
        let index = try XCTUnwrap(policies.firstIndex { $0.name == "vald-agent-allow" })
        policies[index].ingress = [PolicyRule(peers: [Build.pods(["app": "vald-lb-gateway"])])]
        let result = verify(mesh: Vald.mesh, policies: policies, defaultNamespace: "vald")
        XCTAssertEqual(
            result.differences.map(\.description),
            ["index-manager → agent: denied, intended allowed (ingress of vald-agent-allow: no rule allows all; intended by matrix edge index-manager → agent)"])
    }

    func testPortNarrowingIsADifference() throws {
        var policies = Vald.policies
        let index = try XCTUnwrap(policies.firstIndex { $0.name == "vald-lb-gateway-allow" })
        policies[index].ingress = [
            PolicyRule(peers: [Build.pods(["app": "vald-filter-gateway"])], ports: [Build.tcp(8081)]),
            PolicyRule(peers: [Build.namespace("kube-system")]),
        ]
        let result = verify(mesh: Vald.mesh, policies: policies, defaultNamespace: "vald")
        XCTAssertEqual(result.differences.count, 1, result.description)
        XCTAssertEqual(result.differences.first?.effective.description, "TCP 8081")
        XCTAssertEqual(result.differences.first?.intended, .all)
    }

    func testExplainListsBothSides() throws {
        let effective = EffectiveConnectivity(
            policies: Vald.policies, defaultNamespace: "vald", inventory: Inventory(mesh: Vald.mesh))
        let explanation = try effective.explain(from: "lb-gateway", to: "agent")
        XCTAssertEqual(explanation.allowed, .all)
        XCTAssertEqual(
            explanation.description,
            """
            lb-gateway → agent: allowed
              egress of lb-gateway: allowed
                egress of vald-lb-gateway-allow rule 1: to pods app=vald-agent or pods app=vald-discoverer — allows all
                egress of vald-lb-gateway-allow rule 2: to namespaces kubernetes.io/metadata.name=kube-system — peer does not match
              ingress of agent: allowed
                ingress of vald-agent-allow rule 1: from pods app=vald-manager-index or pods app=vald-lb-gateway — allows all
            """)
        XCTAssertThrowsError(try effective.explain(from: "agnet", to: "agent")) { error in
            XCTAssertTrue("\(error)".hasPrefix("unknown endpoint \"agnet\" (did you mean \"agent\"?)"), "\(error)")
        }
    }

    func testMissingFlowsNameWhatIntendsThem() throws {
        let mesh = MatrixViewGoldenTests.shop
        let policies = mesh.expand()
        // (policy, direction, rule to drop, expected difference)
        let cases: [(String, PolicyType, Int, String)] = [
            ("shop-db-allow", .egress, 0,
             "db → kube-system: denied, intended allowed TCP 53, UDP 53 (egress of shop-db-allow: no rule allows TCP 53, UDP 53; intended by kube-system DNS egress of db)"),
            ("shop-api-allow", .ingress, 0,
             "batch → api: denied, intended allowed TCP 8080 (ingress of shop-api-allow: no rule allows TCP 8080; intended by matrix edge batch → api)"),
            ("shop-web-allow", .ingress, 0,
             "11.0.0.0-255.255.255.255 → web: denied, intended allowed TCP 80,443 (ingress of shop-web-allow: no rule allows TCP 80,443; intended by matrix edge anyone → web)"),
        ]
        for (name, direction, rule, expected) in cases {
            var tampered = policies
            let index = try XCTUnwrap(tampered.firstIndex { $0.name == name })
            if direction == .egress { tampered[index].egress!.remove(at: rule) } else { tampered[index].ingress!.remove(at: rule) }
            let result = verify(mesh: mesh, policies: tampered, defaultNamespace: "shop")
            XCTAssertTrue(result.differences.map(\.description).contains(expected), "\(name):\n\(result)")
        }
    }
}
