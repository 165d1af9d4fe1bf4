import XCTest

import YAML

@testable import ManifestDiff

/// Un-isolation is widening: every way a release can stop isolating pods opens flows, and `--fail-on widen` fails
/// on it; removing a workload together with its policy only closes flows.
final class WideningTests: XCTestCase {
    /// Two workloads in `shop` (web, db), web may reach db on 5432, db accepts only web; both isolated both ways.
    static func release(
        dbPolicy: String? = nil, webPolicy: String? = nil, withDB: Bool = true, extra: String = ""
    ) throws -> [Document] {
        let db = dbPolicy ?? """
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 5432}]
            """
        let web = webPolicy ?? """
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              egress:
              - to: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{port: 5432}]
            """
        var text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            \(web)
            """
        if withDB {
            text += """

                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: db, image: db, ports: [{name: sql, containerPort: 5432}]}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                \(db)
                """
        }
        return try Fixtures.parse(text + extra, namespace: "shop")
    }

    func opened(_ old: [Document], _ new: [Document]) throws -> [String] {
        let report = try ManifestDiffer.diff(old: old, new: new)
        return report.connectivity.changes.filter { $0.change == .opened }.map { "\($0.from) -> \($0.to) \($0.ports.joined(separator: ","))" }
    }

    func testBaselineIsExact() throws {
        let report = try ManifestDiffer.diff(old: [], new: try Self.release())
        let named = report.connectivity.new.filter { $0.from.hasSuffix("]") && $0.to.hasSuffix("]") }.map(\.description)
        XCTAssertEqual(named, ["shop/web[Deployment] -> shop/db[Deployment] 5432/TCP"])
    }

    func testDeletingEveryPolicyOpensEverything() throws {
        let old = try Self.release()
        let new = old.filter { $0.id.kind != "NetworkPolicy" }
        let opened = try opened(old, new)
        XCTAssertTrue(opened.contains("shop/db[Deployment] -> shop/web[Deployment] any"), "\(opened)")
        XCTAssertTrue(opened.contains("*/* -> shop/db[Deployment] any"), "\(opened)")
        XCTAssertTrue(opened.contains("shop/web[Deployment] -> 0.0.0.0/0 any"), "\(opened)")
        let report = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertTrue(report.opensFlows)
        XCTAssertFalse(report.connectivity.changes.contains { $0.change == .closed })
    }

    func testDroppingEgressFromPolicyTypesOpensEgress() throws {
        let new = try Self.release(dbPolicy: """
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 5432}]
            """)
        let opened = try opened(try Self.release(), new)
        XCTAssertTrue(opened.contains("shop/db[Deployment] -> 0.0.0.0/0 any"), "\(opened)")
        XCTAssertFalse(opened.contains { $0.hasSuffix("-> shop/db[Deployment] any") }, "ingress stays isolated: \(opened)")
    }

    func testPodSelectorPeerBecomingEmptyOpensToEveryPodOfTheNamespace() throws {
        let new = try Self.release(dbPolicy: """
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {}}]
                ports: [{port: 5432}]
            """)
        let opened = try opened(try Self.release(), new)
        XCTAssertEqual(opened, ["shop/* -> shop/db[Deployment] 5432/TCP"])
    }

    func testNamespaceSelectorBecomingEmptyOpensToThosePodsEverywhere() throws {
        let old = try Self.release(dbPolicy: """
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}, namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}]
            """)
        let new = try Self.release(dbPolicy: """
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}, namespaceSelector: {}}]
            """)
        let opened = try opened(old, new)
        // Pods labelled app=web in any namespace: one the input knows (kube-system) and one it does not.
        XCTAssertEqual(opened, ["*/{app=web} -> shop/db[Deployment] any", "kube-system/{app=web} -> shop/db[Deployment] any"])
    }

    func testMovingThePodSelectorOffThePodsUnisolatesThem() throws {
        let new = try Self.release(dbPolicy: """
            spec:
              podSelector: {matchLabels: {app: database}}
              policyTypes: [Ingress, Egress]
            """)
        let opened = try opened(try Self.release(), new)
        XCTAssertTrue(opened.contains("*/* -> shop/db[Deployment] any"), "\(opened)")
        XCTAssertTrue(opened.contains("shop/db[Deployment] -> 0.0.0.0/0 any"), "\(opened)")
    }

    func testDeletingOnePolicyIsWideningNotARename() throws {
        let old = try Self.release()
        let new = old.filter { $0.id.name != "db" || $0.id.kind != "NetworkPolicy" }
        let report = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertTrue(report.opensFlows)
        XCTAssertFalse(report.connectivity.changes.contains { $0.change == .closed }, "\(report.connectivity.changes)")
    }

    func testRemovingAWorkloadWithItsPolicyIsANarrowing() throws {
        let report = try ManifestDiffer.diff(old: try Self.release(), new: try Self.release(withDB: false))
        XCTAssertFalse(report.opensFlows, "\(report.connectivity.changes)")
        XCTAssertTrue(report.connectivity.changes.contains {
            $0.change == .closed && $0.from == "shop/web[Deployment]" && $0.to == "shop/db[Deployment]"
        })
    }

    func testEgressRangeMeetsIngressPortInsideIt() throws {
        let new = try Self.release(
            dbPolicy: """
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress, Egress]
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                    ports: [{port: 5005}]
                """,
            webPolicy: """
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Ingress, Egress]
                  egress:
                  - to: [{podSelector: {matchLabels: {app: db}}}]
                    ports: [{port: 5000, endPort: 5010}]
                """)
        let report = try ManifestDiffer.diff(old: [], new: new)
        let flow = report.connectivity.new.filter { $0.from == "shop/web[Deployment]" && $0.to == "shop/db[Deployment]" }
        XCTAssertEqual(flow.map(\.port), ["5005/TCP"])
    }

    func testNamedPortResolvesAtTheDestinationPod() throws {
        let new = try Self.release(dbPolicy: """
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: sql}]
            """)
        let report = try ManifestDiffer.diff(old: try Self.release(), new: new)
        XCTAssertTrue(report.connectivity.changes.isEmpty, "sql is 5432 on the db pod: \(report.connectivity.changes)")
    }

    func testInvalidPolicyIsRefusedAsVerifyRefusesIt() throws {
        let cases: [(String, String)] = [
            ("podSelector: {matchExpressions: [{key: app, operator: Foo}]}", "unknown operator \"Foo\""),
            ("podSelector: {}\n  ingress: [{ports: [{port: 99999}]}]", "port 99999 is out of range 1-65535"),
            ("podSelector: {}\n  ingress: [{ports: [{port: 80, endPort: -5}]}]", "endPort"),
            ("podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: 999.0.0.0/99}}]}]", "999.0.0.0/99"),
        ]
        for (spec, expected) in cases {
            let bad = try Self.release(dbPolicy: "spec:\n  " + spec)
            XCTAssertThrowsError(try ManifestDiffer.diff(old: try Self.release(), new: bad), spec) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(spec): \(error)")
                XCTAssertTrue("\(error)".hasPrefix("inline.yaml:"), "\(spec): \(error)")
            }
        }
    }
}

/// `egress: []` without `policyTypes` isolates nothing for egress (the API adds Egress only for egress rules): a
/// release that empties the list that way opens the pod's egress.
final class DefaultPolicyTypesWideningTests: XCTestCase {
    func testEmptyingEgressWithoutPolicyTypesIsAWidening() throws {
        func release(_ egress: String) throws -> [Document] {
            try Fixtures.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: demo, labels: {app: a}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: demo, labels: {app: b}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a, namespace: demo}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  ingress: [{}]
                  egress: \(egress)
                """, namespace: "demo")
        }
        let report = try ManifestDiffer.diff(
            old: try release("[{to: [{podSelector: {matchLabels: {app: b}}}], ports: [{port: 443}]}]"), new: try release("[]"))
        XCTAssertTrue(report.opensFlows, "\(report.connectivity.changes)")
        XCTAssertTrue(report.connectivity.changes.contains { $0.change == .opened && $0.from == "demo/a[Pod]" && $0.to == "demo/b[Pod]" })
        XCTAssertFalse(report.connectivity.changes.contains { $0.change == .closed })
    }
}

/// A workload whose pods change labels between releases is one endpoint per release under one name: it compares
/// with itself, so flows nothing changed stay unreported.
final class RelabelledWorkloadTests: XCTestCase {
    func testRelabelledWorkloadComparesWithItself() throws {
        func release(_ labels: String) throws -> [Document] {
            try Fixtures.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    metadata: {labels: \(labels)}
                    spec: {containers: [{name: web, image: web}]}
                """, namespace: "shop")
        }
        let report = try ManifestDiffer.diff(old: try release("{app: web}"), new: try release("{app: web, tier: front}"))
        XCTAssertEqual(report.resources.count, 1)
        XCTAssertTrue(report.connectivity.changes.isEmpty, "\(report.connectivity.changes)")
    }
}
