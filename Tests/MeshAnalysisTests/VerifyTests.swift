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
                "filter-gateway → (outside world): allowed, intended denied (egress of vald-filter-gateway-allow rule 3: to any)"),
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
            ["index-manager → agent: denied, intended allowed (ingress of vald-agent-allow: no rule allows all)"])
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
}
