import XCTest
import YAMLCore
@testable import MeshModel

/// The values files in values/ load, validate and expand to the connectivity they promise.
final class ShippedValuesTests: XCTestCase {
    static let valuesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("values")

    /// Loads values files merged in order (maps merge, everything else replaces) as `-f a -f b` would.
    func load(_ names: String..., namespace: String = "vald") throws -> MeshSpec {
        var merged: Node?
        for name in names {
            let url = Self.valuesDirectory.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let node = try YAMLParser().parse(text, file: "values/" + name)
            merged = merged.map { mergeForTest($0, node) } ?? node
        }
        return try MeshSpec.load(values: merged ?? .null, releaseNamespace: namespace)
    }

    func policy(_ policies: [NetworkPolicy], _ name: String) throws -> NetworkPolicy {
        try XCTUnwrap(policies.first { $0.name == name }, "no policy \(name)")
    }

    func testValdReproducesTheGuideMatrix() throws {
        let spec = try load("vald.yaml")
        XCTAssertEqual(spec.components.map(\.id), ["agent", "discoverer", "filter-gateway", "index-manager", "lb-gateway"])
        let componentEdges = spec.edges.filter { $0.from.isComponent }.map { "\($0.from) -> \($0.to)" }
        XCTAssertEqual(componentEdges, [
            "filter-gateway -> lb-gateway", "index-manager -> agent", "index-manager -> discoverer",
            "lb-gateway -> agent", "lb-gateway -> discoverer",
        ])
        XCTAssertTrue(spec.components.allSatisfy { $0.kubeSystemEgress == .namespace })

        let policies = spec.expand()
        XCTAssertEqual(policies.map(\.name), [
            "vald-agent-allow", "vald-discoverer-allow", "vald-filter-gateway-allow", "vald-manager-index-allow",
            "vald-lb-gateway-allow",
        ])
        let agent = try policy(policies, "vald-agent-allow")
        XCTAssertEqual(agent.namespace, "vald")
        XCTAssertEqual(agent.podSelector.matchLabels, ["app": "vald-agent"])
        XCTAssertEqual(agent.ingress?.count, 1, "agent accepts only from the matrix, not from kube-system")
        XCTAssertEqual(agent.ingress?.first?.peers?.compactMap { $0.podSelector?.matchLabels["app"] }, ["vald-manager-index", "vald-lb-gateway"])
        XCTAssertEqual(agent.egress, [PolicyRule(peers: [PeerTable.kubeSystemPeer])])

        let lb = try policy(policies, "vald-lb-gateway-allow")
        XCTAssertEqual(lb.ingress?.first?.peers?.compactMap { $0.podSelector?.matchLabels["app"] }, ["vald-filter-gateway"])
        XCTAssertEqual(lb.ingress?.last, PolicyRule(peers: [PeerTable.kubeSystemPeer]))
        XCTAssertEqual(lb.egress?.first?.peers?.compactMap { $0.podSelector?.matchLabels["app"] }, ["vald-agent", "vald-discoverer"])

        let filter = try policy(policies, "vald-filter-gateway-allow")
        XCTAssertEqual(filter.ingress?.first, PolicyRule(peers: nil, ports: [PolicyPort(protocol: "TCP", port: .number(8081))]))
    }
}

/// Helm-style merge of two values trees for tests: maps merge recursively, anything else replaces.
func mergeForTest(_ base: Node, _ overlay: Node) -> Node {
    guard var b = base.mapping, let o = overlay.mapping else { return overlay }
    for (k, v) in o.entries {
        b.entries[k] = b.entries[k].map { mergeForTest($0, v) } ?? v
        if let mark = o.keyMarks[k] { b.keyMarks[k] = mark }
    }
    return Node(.mapping(b), mark: base.mark)
}
