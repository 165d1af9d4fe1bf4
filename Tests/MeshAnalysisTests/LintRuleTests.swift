import MeshAnalysis
import MeshModel
import XCTest
import YAML

/// Each lint rule on the smallest input that triggers it, and on the nearest input that must not.
final class LintRuleTests: XCTestCase {
    private static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: app}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]}
        """

    private static let db = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: app}
        spec:
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: db, ports: [{name: sql, containerPort: 5432}]}]}
        """

    private func policy(_ name: String, selector: String = "{matchLabels: {app: web}}", types: String = "[Ingress, Egress]", _ rules: String = "") -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(name), namespace: app}
        spec:
          podSelector: \(selector)
          policyTypes: \(types)
        \(rules)
        """
    }

    private func findings(_ documents: [String], options: LintOptions = LintOptions()) throws -> [LintFinding] {
        let nodes = try YAMLParser().parseAll(documents.joined(separator: "\n---\n"), file: "input.yaml")
        let objects = try ManifestObjects.read(nodes, defaultNamespace: "app")
        return Linter(options: options).findings(in: objects, defaultNamespace: "app")
    }

    private func rules(_ documents: [String], options: LintOptions = LintOptions()) throws -> [String] {
        try findings(documents, options: options).map(\.rule.rawValue)
    }

    func testIsolationPerDirectionAndDefaultDeny() throws {
        let onlyIngress = policy("web", types: "[Ingress]")
        XCTAssertEqual(
            try rules([Self.web, onlyIngress]).sorted(), ["namespace-without-default-deny", "non-isolated-egress"])
        let denyAll = policy("deny", selector: "{}")
        XCTAssertEqual(try rules([Self.web, denyAll]), [])
        // Default policyTypes: Ingress only, since the policy has no egress rules.
        let defaulted = policy("deny", selector: "{}", types: "[]")
        XCTAssertEqual(try rules([Self.web, defaulted]).sorted(), ["namespace-without-default-deny", "non-isolated-egress"])
    }

    func testDanglingPolicyAndPeerOnlyWithWorkloads() throws {
        let deny = policy("deny", selector: "{}")
        let orphan = policy("orphan", selector: "{matchLabels: {app: gone}}", """
              ingress:
              - from: [{podSelector: {matchLabels: {app: also-gone}}}]
              - from: [{namespaceSelector: {matchLabels: {team: x}}, podSelector: {matchLabels: {app: elsewhere}}}]
            """)
        let found = try findings([Self.web, deny, orphan])
        XCTAssertEqual(found.map(\.rule.rawValue), ["dangling-policy", "dangling-peer"])
        XCTAssertEqual(found.map { $0.location?.line }, [17, 24])
        XCTAssertTrue(found[1].message.contains("app=also-gone"), found[1].message)
        // Policies alone: nothing to say which pods exist.
        XCTAssertEqual(try rules([orphan]), [])
    }

    func testOpenPeersAndWorldEgress() throws {
        let open = policy("web", """
              ingress:
              - from: [{namespaceSelector: {}}]
              - from: [{ipBlock: {cidr: "::/0"}}]
                ports: [{port: 8080}]
              egress:
              - {}
              - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ports: [{port: 443}]
            """)
        let found = try findings([Self.web, open], options: LintOptions(disabled: [.namespaceWithoutDefaultDeny]))
        XCTAssertEqual(
            found.map(\.rule.rawValue), ["open-peer", "open-peer", "egress-to-world-any-port", "open-peer", "redundant-rule"])
        XCTAssertTrue(found[1].message.contains("every IPv6 address"), found[1].message)
    }

    func testWorldIngressOnUnexposedPorts() throws {
        let world = policy("web", """
              ingress:
              - from: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ports: [{port: http}, {port: 9090}]
              - from: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{port: 9999}]
            """)
        let found = try findings([Self.web, Self.db, world], options: LintOptions(disabled: [.namespaceWithoutDefaultDeny, .nonIsolatedIngress, .nonIsolatedEgress]))
        XCTAssertEqual(found.map(\.rule.rawValue), ["ingress-from-world-unexposed"])
        XCTAssertTrue(found[0].message.contains("TCP 9090"), found[0].message)
        XCTAssertFalse(found[0].message.contains("8080,"), found[0].message)
    }

    func testNamedPortsCheckedOnSubjectsAndPeers() throws {
        let ports = policy("web", """
              ingress:
              - from: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{port: http}, {port: https}]
              egress:
              - to: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{port: sql}, {port: sql, protocol: UDP}, {port: postgres}]
              - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ports: [{port: whatever}]
            """)
        let found = try findings([Self.web, Self.db, ports], options: LintOptions(disabled: [.namespaceWithoutDefaultDeny, .nonIsolatedIngress, .nonIsolatedEgress]))
        XCTAssertEqual(found.map(\.rule.rawValue), ["unknown-named-port", "unknown-named-port", "unknown-named-port"])
        XCTAssertEqual(found.map(\.severity), [.error, .error, .error])
        XCTAssertTrue(found[0].message.contains("\"https\""), found[0].message)
        XCTAssertTrue(found[1].message.contains("\"sql\" (UDP)"), found[1].message)
        XCTAssertTrue(found[2].message.contains("\"postgres\""), found[2].message)
    }

    func testIPBlocksOverlappingClusterRanges() throws {
        let blocks = policy("web", """
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
              - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16]}}]
              - to: [{ipBlock: {cidr: 10.96.1.0/24}}]
                ports: [{port: 443}]
              - to: [{ipBlock: {cidr: 192.168.0.0/16}}]
            """)
        let options = LintOptions(
            disabled: [.namespaceWithoutDefaultDeny, .egressToWorldAnyPort, .nonIsolatedIngress, .redundantRule],
            podCIDRs: [CIDR("10.244.0.0/16")!], serviceCIDRs: [CIDR("10.96.0.0/12")!])
        let found = try findings([Self.web, blocks], options: options)
        XCTAssertEqual(found.map(\.rule.rawValue), Array(repeating: "ipblock-covers-pods", count: 4))
        XCTAssertEqual(found.map { $0.location?.line }, [16, 16, 17, 18])
        XCTAssertTrue(found[3].message.contains("10.96.1.0/24, part of the service range 10.96.0.0/12"), found[3].message)
    }

    func testRedundantRulesAreSubsumedOnes() throws {
        let rules = policy("web", """
              ingress:
              - from: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{port: 8000, endPort: 8100}]
              - from: [{podSelector: {matchLabels: {app: db, tier: data}}}]
                ports: [{port: 8080}]
              - from: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{port: 8000, endPort: 8100}]
              - from: [{podSelector: {matchLabels: {app: db}}}, {podSelector: {matchLabels: {app: cache}}}]
                ports: [{port: 8080}]
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
              - to: [{ipBlock: {cidr: 10.1.0.0/16}}]
                ports: [{port: 53, protocol: UDP}]
              - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
            """)
        let found = try findings([Self.web, Self.db, rules], options: LintOptions(disabled: [.namespaceWithoutDefaultDeny, .nonIsolatedIngress, .nonIsolatedEgress, .egressToWorldAnyPort, .danglingPeer]))
        XCTAssertEqual(found.map(\.rule.rawValue), Array(repeating: "redundant-rule", count: 4))
        XCTAssertEqual(found.map { $0.location?.line }, [26, 28, 34, 36])
        XCTAssertTrue(found[1].message.hasPrefix("ingress rule 3 "), found[1].message)
        XCTAssertTrue(found[1].message.contains("that ingress rule 1 "), found[1].message)
    }

    func testUnknownRuleIsAnErrorWithASuggestion() {
        XCTAssertThrowsError(try LintOptions(disabling: ["dangling-peers"], podCIDRs: [], serviceCIDRs: [])) { error in
            XCTAssertTrue("\(error)".contains("did you mean \"dangling-peer\""), "\(error)")
        }
        XCTAssertThrowsError(try LintOptions(disabling: [], podCIDRs: ["10.0.0.0"], serviceCIDRs: []))
    }
}
