import XCTest

import YAML

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
        let report = try ManifestDiffer.diff(old: [], new: try Fixtures.load("vald-policies.yaml"))
        let components: Set<String> = ["agent", "discoverer", "filter-gateway", "index-manager", "lb-gateway", "kube-system"]
        let text = report.connectivity.new.filter { components.contains($0.from) && components.contains($0.to) }.map(\.description)
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
        // The pods the policies select exist in both releases (nothing names them otherwise): isolating them closes.
        XCTAssertTrue(report.connectivity.changes.contains { $0.change == .closed && $0.from == "agent" })
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
        func apiToDB(_ flows: [Flow]) -> [String] { flows.filter { $0.from == "api" && $0.to == "db" }.map(\.description) }
        XCTAssertEqual(apiToDB(report.connectivity.old), ["api -> db 5432/TCP"])
        XCTAssertEqual(apiToDB(report.connectivity.new), ["api -> db 53/UDP", "api -> db 5433/TCP"])
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
        // No policies: the workload reaches and is reached by everything in both releases.
        XCTAssertFalse(app.connectivity.old.isEmpty)
        XCTAssertTrue(app.connectivity.changes.isEmpty, "\(app.connectivity.changes)")
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
            XCTAssertEqual("\(error)", "bad.yaml:6:12: spec.ingress: must be a list, not a map")
        }
    }
}

/// Port arithmetic and schema checks of the connectivity section.
final class ConnectivityPortTests: XCTestCase {
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
            old: try policies("[{port: 5000, endPort: 5010}]"), new: try policies("[{port: 5005, endPort: 5020}, {port: 53, protocol: UDP}]"))
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
        XCTAssertThrowsError(try ManifestDiffer.diff(old: [], new: bad)) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.yaml:6:"), "\(error)")
        }
    }
}
