import XCTest

import YAMLCore

@testable import ManifestDiff

/// The connectivity section on Vald's policies.
final class ConnectivityTests: XCTestCase {
    func testValdOverlayReportsFourPoliciesAndTwoFlows() throws {
        let old = try Fixtures.load("vald-policies.yaml")
        let new = try Fixtures.load("vald-policies-overlay.yaml")
        let report = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertEqual(report.resourceSummary, [
            "NetworkPolicy/vald/vald-agent-allow:modified",
            "NetworkPolicy/vald/vald-discoverer-allow:modified",
            "NetworkPolicy/vald/vald-filter-gateway-allow:modified",
            "NetworkPolicy/vald/vald-lb-gateway-allow:modified",
        ])
        for resource in report.resources { XCTAssertEqual(resource.fields.count, 1, resource.id.name) }
        XCTAssertEqual(report.connectivity.changes, [
            FlowChange(from: "filter-gateway", to: "agent", ports: ["any"], change: .opened),
            FlowChange(from: "lb-gateway", to: "discoverer", ports: ["any"], change: .closed),
        ])
        XCTAssertTrue(report.hasDifferences)
        XCTAssertTrue(report.opensFlows)
        XCTAssertTrue(report.closesFlows)
        XCTAssertTrue(report.fails(.widen))
        XCTAssertTrue(report.fails(.anyDifference))
        XCTAssertFalse(report.fails(.never))
    }

    func testNarrowingOnlyDoesNotFailOnWiden() throws {
        // Reverse of dropping lb-gateway → discoverer alone: only the overlay's closing half.
        let old = try Fixtures.load("vald-policies.yaml")
        let new = try Fixtures.load("vald-policies-overlay.yaml")
        let reverse = try ManifestDiffer.diff(old: new, new: old)
        XCTAssertEqual(reverse.connectivity.changes.map(\.change), [.closed, .opened])  // sorted by from
        let narrowing = try ManifestDiffer.diff(old: old, new: old.filter { !$0.id.name.hasPrefix("vald-agent") } + [])
        // Removing the agent's policy makes the agent non-isolated: flows to it open (widening).
        XCTAssertTrue(narrowing.opensFlows)
    }

    func testValdEffectiveConnectivity() throws {
        let flows = try SelectorConnectivity().flows(of: try Fixtures.load("vald-policies.yaml"))
        let text = flows.sorted().map(\.description)
        XCTAssertEqual(text, [
            "agent -> kube-system any",
            "discoverer -> kube-system any",
            "filter-gateway -> kube-system any",
            "filter-gateway -> lb-gateway any",
            "index-manager -> agent any",
            "index-manager -> discoverer any",
            "index-manager -> kube-system any",
            "kube-system -> filter-gateway any",
            "kube-system -> lb-gateway any",
            "lb-gateway -> agent any",
            "lb-gateway -> discoverer any",
            "lb-gateway -> kube-system any",
        ])
    }

    func testPortsIntersectAndChangesSplitByPort() throws {
        func policies(_ ingressPorts: String) throws -> [Document] {
            try Fixtures.parse("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-allow, labels: {app.kubernetes.io/component: db}}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress]
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                    ports: \(ingressPorts)
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-allow, labels: {app.kubernetes.io/component: api}}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{podSelector: {matchLabels: {app: db}}}]
                    ports: [{port: 5432}, {port: 5433}, {protocol: UDP}]
                """)
        }
        let old = try policies("[{port: 5432}]")
        let new = try policies("[{port: 5433}, {port: 53, protocol: UDP}]")
        let report = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertEqual(report.connectivity.old.map(\.description), ["api -> db 5432/TCP"])
        XCTAssertEqual(report.connectivity.new.map(\.description), ["api -> db 53/UDP", "api -> db 5433/TCP"])
        XCTAssertEqual(report.connectivity.changes, [
            FlowChange(from: "api", to: "db", ports: ["53/UDP", "5433/TCP"], change: .opened),
            FlowChange(from: "api", to: "db", ports: ["5432/TCP"], change: .closed),
        ])
    }

    func testNoConnectivitySectionWithoutAnalyzerOrPolicyChanges() throws {
        let old = try Fixtures.load("vald-policies.yaml")
        let new = try Fixtures.load("vald-policies-overlay.yaml")
        let without = try ManifestDiffer.diff(old: old, new: new, options: DiffOptions(connectivity: nil))
        XCTAssertTrue(without.connectivity.changes.isEmpty)
        XCTAssertFalse(without.opensFlows)
        XCTAssertTrue(without.hasDifferences)
        let app = try ManifestDiffer.diff(old: try Fixtures.load("app-old.yaml"), new: try Fixtures.load("app-new.yaml"))
        XCTAssertTrue(app.connectivity.old.isEmpty && app.connectivity.changes.isEmpty)
    }

    func testMalformedPolicyIsAnInputErrorWithPosition() throws {
        let bad = try Fixtures.parse("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x}
            spec:
              podSelector: {}
              ingress: {from: []}
            """, file: "bad.yaml")
        XCTAssertThrowsError(try ManifestDiffer.diff(old: [], new: bad)) { error in
            XCTAssertEqual("\(error)", "bad.yaml:6:12: spec.ingress: must be a list of rules, found a map")
        }
    }
}

/// Evaluates each release in full (the protocol's default `compare`), to check the incremental one.
private struct FullEvaluation: ConnectivityAnalyzer {
    func flows(of policies: [Document]) throws(InputError) -> Set<Flow> { try SelectorConnectivity().flows(of: policies) }
}

final class IncrementalConnectivityTests: XCTestCase {
    func testIncrementalComparisonEqualsFullEvaluation() throws {
        let old = MeshManifests(components: 300, degree: 4, seed: 3)
        let cases = [old.perturbed(fraction: 0.05, seed: 1), old.perturbed(fraction: 0.3, seed: 2), MeshManifests(components: 280, degree: 4, seed: 3)]
        let oldDocs = try ManifestSource.parse(bytes: Array(old.render().utf8), file: "old.yaml")
        for (n, new) in cases.enumerated() {
            let newDocs = try ManifestSource.parse(bytes: Array(new.render().utf8), file: "new.yaml")
            let incremental = try ManifestDiffer.diff(
                old: oldDocs, new: newDocs, options: DiffOptions(connectivity: SelectorConnectivity(fullEvaluationLimit: 0))).connectivity
            let full = try ManifestDiffer.diff(old: oldDocs, new: newDocs, options: DiffOptions(connectivity: FullEvaluation())).connectivity
            XCTAssertEqual(incremental.changes, full.changes, "case \(n)")
            // The incremental side lists only flows around changed components; those agree with the full lists.
            XCTAssertTrue(Set(incremental.old).isSubset(of: Set(full.old)), "case \(n)")
            XCTAssertTrue(Set(incremental.new).isSubset(of: Set(full.new)), "case \(n)")
            XCTAssertEqual(incremental.scope, n < 2 ? .changedRules : .all, "case \(n)")
            XCTAssertFalse(full.changes.isEmpty, "case \(n)")
        }
    }
}

/// The analysis module's evaluator behind the same seam.
final class AnalysisConnectivityTests: XCTestCase {
    func testValdOverlayThroughTheAnalysisModule() throws {
        let old = try Fixtures.load("vald-policies.yaml")
        let new = try Fixtures.load("vald-policies-overlay.yaml")
        let report = try ManifestDiffer.diff(old: old, new: new, options: DiffOptions(connectivity: AnalysisConnectivity()))
        XCTAssertEqual(report.resources.count, 4)
        XCTAssertEqual(report.connectivity.changes, [
            FlowChange(from: "filter-gateway", to: "agent", ports: ["any"], change: .opened),
            FlowChange(from: "lb-gateway", to: "discoverer", ports: ["any"], change: .closed),
        ])
        XCTAssertTrue(report.opensFlows)
    }

    func testPortRangesSplitIntoOpenedAndClosedParts() throws {
        func policies(_ ports: String) throws -> [Document] {
            try Fixtures.parse("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-allow, labels: {app.kubernetes.io/component: db}}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress]
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                    ports: \(ports)
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-allow, labels: {app.kubernetes.io/component: api}}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{podSelector: {matchLabels: {app: db}}}]
                """)
        }
        let report = try ManifestDiffer.diff(
            old: try policies("[{port: 5000, endPort: 5010}]"), new: try policies("[{port: 5005, endPort: 5020}, {port: 53, protocol: UDP}]"),
            options: DiffOptions(connectivity: AnalysisConnectivity()))
        XCTAssertEqual(report.connectivity.changes, [
            FlowChange(from: "api", to: "db", ports: ["5011-5020/TCP", "53/UDP"], change: .opened),
            FlowChange(from: "api", to: "db", ports: ["5000-5004/TCP"], change: .closed),
        ])
    }

    func testSchemaErrorsCarryPositions() throws {
        let bad = try Fixtures.parse("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x}
            spec:
              podSelector: {}
              ingress: [{ports: [{port: 70000}]}]
            """, file: "bad.yaml")
        XCTAssertThrowsError(try ManifestDiffer.diff(old: [], new: bad, options: DiffOptions(connectivity: AnalysisConnectivity()))) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.yaml:6:"), "\(error)")
        }
    }
}
