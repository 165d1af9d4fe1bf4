import XCTest
import YAML
@testable import MeshRender

/// The library's in-memory front door: the same results as the pipeline on files, errors with positions.
final class MeshRenderingTests: XCTestCase {
    static let chart = """
        ---
        # Source: app/templates/web.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              labels: {app.kubernetes.io/name: web, tier: front}
        ---
        # Source: app/templates/api.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            metadata:
              labels: {app.kubernetes.io/name: api}
        """
    static let mesh = """
        mesh:
          components:
            web: {workload: web}
            api: {workload: Deployment/api, ports: [{port: 9000}]}
          connectivity:
            web: [api]
        """

    func testPostRenderKeepsTheInputAndSelectsTheWorkloadsPods() throws {
        let result = try MeshRendering.postRender(manifests: Self.chart, values: Self.mesh, namespace: "shop", verify: true)
        XCTAssertTrue(result.text.hasPrefix(Self.chart + "\n---\n"))
        XCTAssertEqual(result.text, Self.chart + "\n" + result.policies)
        XCTAssertEqual(result.verification?.passed, true, result.verification?.description ?? "")
        let documents = try YAMLParser().parseAll(result.policies, file: "policies")
        let selectors = documents.compactMap { $0["spec"]?["podSelector"]?["matchLabels"] }
        XCTAssertEqual(selectors.map { $0["tier"]?.string }, [nil, "front"])
        XCTAssertEqual(documents.compactMap { $0["metadata"]?["name"]?.string }, ["api-allow", "web-allow"])
    }

    func testPoliciesAndVerifyAgreeWithEachOther() throws {
        let values = "mesh:\n  components:\n    a: {}\n    b: {}\n  connectivity:\n    a: [b]\n"
        let policies = try MeshRendering.policies(values: values, namespace: "ns")
        XCTAssertTrue(try MeshRendering.verify(values: values, manifests: policies, namespace: "ns").passed)
        // A policy edited to open more no longer verifies.
        let widened = policies.replacingOccurrences(of: "  egress:\n", with: "  egress:\n    - {}\n")
        XCTAssertNotEqual(widened, policies)
        let outcome = try MeshRendering.verify(values: values, manifests: widened, namespace: "ns")
        XCTAssertFalse(outcome.passed)
        XCTAssertTrue(outcome.text.contains("allowed, intended denied"), outcome.text)
    }

    func testBadValuesNameTheirPosition() {
        XCTAssertThrowsError(try MeshRendering.mesh(values: "mesh:\n  components:\n    a: {nmae: x}\n", namespace: "ns", valuesName: "prod.yaml")) {
            XCTAssertEqual(String(describing: $0), "prod.yaml:3:9: mesh.components.a.nmae: unknown key \"nmae\" (did you mean \"name\"?)")
        }
    }
}
