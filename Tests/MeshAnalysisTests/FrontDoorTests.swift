import MeshModel
import XCTest
import YAML

@testable import MeshAnalysis

/// Manifests in, verification / explanation / matrix out, through the calls the CLI's pipeline makes: the manifests'
/// objects, an inventory (the mesh's, else inferred from the policies), effective connectivity over it.
final class FrontDoorTests: XCTestCase {
    static let manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: unrelated}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web-allow
          labels: {app.kubernetes.io/component: web}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
            - ports: [{port: 80}]
          egress:
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
              ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        ---
        apiVersion: v1
        kind: List
        items:
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-allow, labels: {app.kubernetes.io/component: db}}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
                - from: [{podSelector: {matchLabels: {app: web}}}]
                  ports: [{port: 5432}]
          - apiVersion: v1
            kind: Service
            metadata: {name: db}
        """

    func read(_ text: String) throws -> ManifestObjects {
        try ManifestObjects.read(YAMLParser().parseAll(text, file: "manifests.yaml"))
    }

    /// The policies' connectivity over the endpoints they name (no mesh).
    func effective(_ policies: [NetworkPolicy], namespace: String) -> EffectiveConnectivity {
        EffectiveConnectivity(policies: policies, defaultNamespace: namespace, inventory: Inventory(policies: policies, defaultNamespace: namespace))
    }

    func testManifestsAreReadAndOtherKindsCounted() throws {
        let manifests = try read(Self.manifests)
        XCTAssertEqual(manifests.policies.map(\.name), ["web-allow", "db-allow"])
        XCTAssertEqual(manifests.skipped, 2)
        XCTAssertEqual(manifests.policies[1].policyTypes, [.ingress], "policyTypes defaulted by the parser")
    }

    func testBadSelectorOperatorIsAnInputError() {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x}
            spec:
              podSelector:
                matchExpressions: [{key: app, operator: Equals, values: [a]}]
            """
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertTrue("\(error)".hasPrefix("manifests.yaml:6:"), "\(error)")
            XCTAssertTrue("\(error)".contains("unknown operator \"Equals\""), "\(error)")
        }
    }

    func testEffectiveMatrixFromManifestsAlone() throws {
        let manifests = try read(Self.manifests)
        let matrix = ConnectivityMatrix(effective: effective(manifests.policies, namespace: "shop"))
        XCTAssertEqual(
            matrix.rendered(as: .csv),
            """
            from / to,db,web,kube-system/*,shop/*,kube-system,*/*,0.0.0.0/0
            db,N/A,TCP 80,all,all,all,all,all
            web,denied,N/A,denied,denied,"TCP 53, UDP 53",denied,denied
            kube-system/*,denied,TCP 80,N/A,all,all,all,all
            shop/*,denied,TCP 80,all,N/A,all,all,all
            kube-system,denied,TCP 80,all,all,N/A,all,all
            */*,denied,TCP 80,all,all,all,N/A,all
            0.0.0.0/0,denied,TCP 80,all,all,all,all,N/A

            """)
    }

    func testExplainWithoutMesh() throws {
        let manifests = try read(Self.manifests)
        let explanation = try effective(manifests.policies, namespace: "shop").explain(from: "outside-world", to: "web")
        XCTAssertEqual(
            explanation.description,
            """
            0.0.0.0/0 → web: allowed TCP 80
              egress of 0.0.0.0/0: not isolated (no policy selects it for Egress): allowed
              ingress of web: allowed TCP 80
                ingress of web-allow rule 1: from any on TCP 80 — allows TCP 80
            """)
        XCTAssertThrowsError(
            try effective(manifests.policies, namespace: "shop").explain(from: "wbe", to: "db")
        ) { error in
            XCTAssertEqual(
                "\(error)",
                "unknown endpoint \"wbe\" (did you mean \"web\"?); known: kube-system, db, web, kube-system/*, shop/*, */*, 0.0.0.0/0")
        }
    }

    func testVerifyRenderedValdTamperedWithAnOpenEgress() throws {
        let mesh = try ValdMatrixTests.loadMesh("values/vald.yaml")
        var policies = mesh.expand()
        XCTAssertTrue(verify(mesh: mesh, policies: policies, defaultNamespace: "vald").passed)
        let index = try XCTUnwrap(policies.firstIndex { $0.labels[componentLabelKey] == "filter-gateway" })
        policies[index].egress = (policies[index].egress ?? []) + [PolicyRule(peers: nil, ports: nil)]
        let result = verify(mesh: mesh, policies: policies, defaultNamespace: "vald")
        XCTAssertFalse(result.passed)
        let rule = policies[index].egress!.count
        XCTAssertTrue(
            result.description.contains(
                "filter-gateway → 0.0.0.0/0: allowed, intended denied (egress of vald-filter-gateway-allow rule \(rule): to any)"),
            result.description)
        // The explanation of that flow names the same rule.
        let intended = IntendedConnectivity(mesh: mesh)
        let explanation = try EffectiveConnectivity(policies: policies, defaultNamespace: "vald", inventory: intended.inventory)
            .explain(from: "filter-gateway", to: "outside-world", intended: intended)
        XCTAssertEqual(explanation.intended, .empty)
        XCTAssertTrue(explanation.description.contains("egress of vald-filter-gateway-allow rule \(rule): to any — allows all"))
        XCTAssertTrue(explanation.description.hasPrefix("filter-gateway → 0.0.0.0/0: allowed, intended denied"))
    }
}
