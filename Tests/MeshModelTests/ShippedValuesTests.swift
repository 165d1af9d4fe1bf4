import XCTest
import YAML
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

    func testValdTableRoundTrips() throws {
        let spec = try load("vald.yaml")
        let table = MatrixTable(spec: spec)
        let rendered = table.render()
        XCTAssertTrue(rendered.contains("| lb gateway     |"), rendered)
        var values = try yaml(try String(contentsOf: Self.valuesDirectory.appendingPathComponent("vald.yaml"), encoding: .utf8))
        // Replace the table and the connectivity by the rendered table alone: same edges come back.
        guard var root = values.mapping, var mesh = root["mesh"]?.mapping else { return XCTFail("no mesh") }
        mesh.entries["connectivity"] = nil
        mesh.entries["connectivityTable"] = Node(.string(rendered))
        root.entries["mesh"] = Node(.mapping(mesh))
        values = Node(.mapping(root))
        let again = try MeshSpec.load(values: values, releaseNamespace: "vald")
        XCTAssertEqual(again.edges.map { [$0.from, $0.to] }, spec.edges.map { [$0.from, $0.to] })
        XCTAssertEqual(again.components, spec.components)
    }

    func testValdObservabilityAppendsTheGuideRulesToEveryComponent() throws {
        let plain = try load("vald.yaml").expand()
        let observed = try load("vald.yaml", "vald-observability.yaml").expand()
        let pyroscope = PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchLabels: ["app.kubernetes.io/name": "pyroscope"]))])
        let otel = PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchLabels: ["app.kubernetes.io/name": "opentelemetry-collector-collector"]))])
        XCTAssertEqual(observed.count, 5)
        for (before, after) in zip(plain, observed) {
            XCTAssertEqual(after.ingress, (before.ingress ?? []) + [pyroscope], after.name)
            XCTAssertEqual(after.egress, (before.egress ?? []) + [otel], after.name)
        }
    }

    func testJaegerStorageIsReachableOnlyFromJaegerOnCQL() throws {
        let policies = try load("jaeger.yaml", namespace: "tracing").expand()
        let cassandra = try policy(policies, "cassandra-allow")
        let jaegerPeer = PolicyPeer(
            podSelector: LabelSelector(matchLabels: ["app.kubernetes.io/name": "jaeger"]),
            namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "tracing"]))
        let cql = [PolicyPort(protocol: "TCP", port: .number(9042))]
        XCTAssertEqual(cassandra.ingress?.first, PolicyRule(peers: [jaegerPeer], ports: cql))
        XCTAssertEqual(cassandra.ingress?.count, 2, "matrix rule, then the gossip custom rule")
        XCTAssertEqual(cassandra.ingress?.last?.ports, [PolicyPort(protocol: "TCP", port: .number(7000))])
        let jaeger = try policy(policies, "jaeger-allow")
        XCTAssertEqual(jaeger.egress?.first?.ports, cql, "egress narrowed to the storage's declared port")
        XCTAssertEqual(jaeger.egress?.last, PeerTable.dnsRule)
        XCTAssertEqual(jaeger.ingress, [PolicyRule(peers: nil, ports: [4317, 4318, 16686].map { PolicyPort(protocol: "TCP", port: .number($0)) })])
    }

    func testBackendReachesMySQLOn3306Only() throws {
        let policies = try load("backend-mysql.yaml", namespace: "shop").expand()
        let backendPeer = PolicyPeer(
            podSelector: LabelSelector(matchLabels: ["tier": "backend"]),
            namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "shop"]))
        let mysqlPeer = PolicyPeer(
            podSelector: LabelSelector(matchLabels: ["tier": "mysql"]),
            namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "shop"]))
        let port = [PolicyPort(protocol: "TCP", port: .number(3306))]
        let backend = try policy(policies, "backend-allow")
        XCTAssertNil(backend.ingress)
        XCTAssertEqual(backend.egress, [PolicyRule(peers: [mysqlPeer], ports: port), PeerTable.dnsRule])
        let mysql = try policy(policies, "mysql-allow")
        XCTAssertEqual(mysql.ingress, [PolicyRule(peers: [backendPeer], ports: port)])
        XCTAssertEqual(mysql.egress, [PeerTable.dnsRule])
    }

    func testNginxAcceptsPort80FromAnywhereAndOpensOnlyDNS() throws {
        let policies = try load("nginx.yaml", namespace: "web").expand()
        XCTAssertEqual(policies.count, 1)
        let nginx = try policy(policies, "nginx-allow")
        XCTAssertEqual(nginx.namespace, "web")
        XCTAssertEqual(nginx.podSelector.matchLabels, ["app": "nginx"])
        XCTAssertEqual(nginx.policyTypes, [.ingress, .egress])
        XCTAssertEqual(nginx.ingress, [PolicyRule(peers: nil, ports: [PolicyPort(protocol: "TCP", port: .number(80))])])
        XCTAssertEqual(nginx.egress, [PeerTable.dnsRule])
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
