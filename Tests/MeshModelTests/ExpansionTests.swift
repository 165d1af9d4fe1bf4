import XCTest
import Diagnostics
import YAML
@testable import MeshModel

final class ExpansionTests: XCTestCase {
    func expand(_ text: String, namespace: String = "ns") throws -> [NetworkPolicy] {
        try MeshSpec.load(values: try yaml(text), releaseNamespace: namespace).expand()
    }

    func pods(_ app: String, _ ns: String = "ns") -> PolicyPeer {
        PolicyPeer(
            podSelector: LabelSelector(matchLabels: ["app": app]),
            namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": ns]))
    }

    func tcp(_ ports: Int...) -> [PolicyPort] { ports.map { PolicyPort(protocol: "TCP", port: .number($0)) } }

    let kubeSystem = PolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "kube-system"]))

    func testPolicyShape() throws {
        let policies = try expand("mesh:\n  kubeSystem: {egress: false}\n  components:\n    a: {name: alpha, labels: {tier: x}, namespace: other}\n")
        XCTAssertEqual(policies, [NetworkPolicy(
            name: "alpha-allow", namespace: "other", labels: ["app.kubernetes.io/component": "a"],
            podSelector: LabelSelector(matchLabels: ["tier": "x"]), policyTypes: [.ingress, .egress],
            ingress: nil, egress: nil)])
    }

    /// A hub reached on more than a handful of distinct port sets still groups peers by set
    /// (the grouping switches from a list to a dictionary past 16 sets).
    func testAHubWithManyPortSetsGroupsPeersBySet() throws {
        var text = "mesh:\n  kubeSystem: {egress: false}\n  components:\n    hub: {}\n"
        for i in 0..<40 { text += "    s\(String(format: "%02d", i)): {}\n" }
        text += "  connectivity:\n"
        // Source i reaches the hub on port 1000 + i % 20, written in either order with a duplicate.
        for i in 0..<40 {
            let p = 1000 + i % 20
            let ports = i < 20 ? "[{port: \(p), protocol: TCP}]" : "[{port: \(p)}, {port: \(p), protocol: TCP}]"
            text += "    s\(String(format: "%02d", i)): [{to: hub, ports: \(ports)}]\n"
        }
        let hub = try XCTUnwrap(try expand(text).first { $0.name == "hub-allow" })
        let ingress = try XCTUnwrap(hub.ingress)
        XCTAssertEqual(ingress.count, 20)
        for (i, rule) in ingress.enumerated() {
            XCTAssertEqual(rule.peers, [pods("s\(String(format: "%02d", i))"), pods("s\(String(format: "%02d", i + 20))")])
            XCTAssertEqual(rule.ports, tcp(1000 + i))
        }
    }

    func testSourcesWithTheSamePortSetShareARule() throws {
        let policies = try expand("""
            mesh:
              kubeSystem: {egress: false}
              components:
                d: {ports: [{port: 80, protocol: TCP}]}
                a: {}
                b: {}
                c: {}
                e: {}
              connectivity:
                e: [d]
                c: [{to: d, ports: [{port: 9000, protocol: TCP}]}]
                a: [d]
                b: [{to: d, ports: [{port: 9000}]}]
            """)
        let d = try XCTUnwrap(policies.first { $0.name == "d-allow" })
        // a and e use d's declared port 80; b and c share 9000 (TCP written or defaulted: the same set).
        XCTAssertEqual(d.ingress, [
            PolicyRule(peers: [pods("a"), pods("e")], ports: tcp(80)),
            PolicyRule(peers: [pods("b"), pods("c")], ports: [PolicyPort(port: .number(9000))]),
        ])
        let a = try XCTUnwrap(policies.first { $0.name == "a-allow" })
        XCTAssertEqual(a.egress, [PolicyRule(peers: [pods("d")], ports: tcp(80))], "egress narrowed to d's declared ports")
        XCTAssertNil(a.ingress)
    }

    func testPortsPrecedenceEdgeThenDeclaredThenAny() throws {
        let twice = try yaml("mesh:\n  components: {a: {}, b: {}}\n  connectivity:\n    a: [b, {to: b, ports: [{port: 1}]}]\n")
        let error = inputError { () throws(InputError) in try MeshSpec.load(values: twice, releaseNamespace: "ns") }
        XCTAssertEqual(error, "t.yaml:4:12: mesh.connectivity.a[1]: duplicate edge a -> b (first given at t.yaml:4:9)", "one edge, one port set")

        let fixed = try expand("""
            mesh:
              kubeSystem: {egress: false}
              components:
                src: {}
                declared: {ports: [{port: 8081}]}
                open: {}
                narrowed: {ports: [{port: 8081}]}
              external:
                db: {ipBlock: {cidr: 10.0.0.0/24}, ports: [{port: 5432}]}
              connectivity:
                src: [declared, open, {to: db, ports: [{port: 6432}]}, {to: narrowed, ports: [{port: 9090}]}]
            """)
        let src = try XCTUnwrap(fixed.first { $0.name == "src-allow" })
        XCTAssertEqual(src.egress, [
            PolicyRule(peers: [pods("declared")], ports: [PolicyPort(port: .number(8081))]),
            PolicyRule(peers: [pods("narrowed")], ports: [PolicyPort(port: .number(9090))]),
            PolicyRule(peers: [pods("open")], ports: nil),
            PolicyRule(peers: [PolicyPeer(ipBlock: IPBlock(cidr: "10.0.0.0/24"))], ports: [PolicyPort(port: .number(6432))]),
        ])
    }

    func testKubeSystemModes() throws {
        let policies = try expand("""
            mesh:
              kubeSystem: {egress: dns, ingress: true}
              components:
                default: {}
                whole: {kubeSystem: {egress: true}, ports: [{port: 80}]}
                none: {kubeSystem: {egress: false, ingress: false}}
            """)
        let byName = Dictionary(uniqueKeysWithValues: policies.map { ($0.name, $0) })
        let dns = PolicyRule(
            peers: [PolicyPeer(
                podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]),
                namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "kube-system"]))],
            ports: [PolicyPort(protocol: "UDP", port: .number(53)), PolicyPort(protocol: "TCP", port: .number(53))])
        XCTAssertEqual(byName["default-allow"]?.egress, [dns])
        XCTAssertEqual(byName["default-allow"]?.ingress, [PolicyRule(peers: [kubeSystem])])
        XCTAssertEqual(byName["whole-allow"]?.egress, [PolicyRule(peers: [kubeSystem])])
        XCTAssertEqual(byName["whole-allow"]?.ingress, [PolicyRule(peers: [kubeSystem], ports: [PolicyPort(port: .number(80))])], "on the declared ports")
        XCTAssertNil(byName["none-allow"]?.egress)
        XCTAssertNil(byName["none-allow"]?.ingress)
        XCTAssertEqual(byName["none-allow"]?.policyTypes, [.ingress, .egress], "deny both directions")
    }

    func testRuleOrderMatrixThenKubeSystemThenGlobalThenOwnCustom() throws {
        let policies = try expand("""
            defaults:
              networkPolicy:
                custom:
                  ingress: [{from: [{podSelector: {matchLabels: {g: "1"}}}]}, {from: [{podSelector: {matchLabels: {g: "2"}}}]}]
                  egress: [{}]
            mesh:
              kubeSystem: {ingress: true}
              components:
                a:
                  networkPolicy:
                    custom:
                      ingress: [{ports: [{port: 1}]}]
                      egress: [{to: []}]
                b: {}
              connectivity:
                b: [a]
            """)
        let a = try XCTUnwrap(policies.first { $0.name == "a-allow" })
        XCTAssertEqual(a.ingress, [
            PolicyRule(peers: [pods("b")]),
            PolicyRule(peers: [kubeSystem]),
            PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchLabels: ["g": "1"]))]),
            PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchLabels: ["g": "2"]))]),
            PolicyRule(ports: [PolicyPort(port: .number(1))]),
        ])
        XCTAssertEqual(a.egress, [PolicyRule(peers: [kubeSystem]), PolicyRule(), PolicyRule(peers: [])])
        let b = try XCTUnwrap(policies.first { $0.name == "b-allow" })
        XCTAssertEqual(b.egress, [PolicyRule(peers: [pods("a")]), PolicyRule(peers: [kubeSystem]), PolicyRule()], "global custom only")
    }

    func testDisabledComponentsAndGlobalSwitch() throws {
        let text = """
            defaults: {networkPolicy: {enabled: ENABLED}}
            mesh:
              kubeSystem: {egress: false}
              components:
                a: {networkPolicy: {enabled: false}}
                b: {}
              connectivity:
                b: [a]
            """
        let on = try expand(text.replacingOccurrences(of: "ENABLED", with: "true"))
        XCTAssertEqual(on.map(\.name), ["b-allow"], "a's policy is off, b still may reach it")
        XCTAssertEqual(on.first?.egress, [PolicyRule(peers: [pods("a")])])
        XCTAssertEqual(try expand(text.replacingOccurrences(of: "ENABLED", with: "false")), [])
    }

    func testExternalsOfEveryKind() throws {
        let policies = try expand("""
            mesh:
              kubeSystem: {egress: false}
              components:
                app: {}
              external:
                otel: {namespace: monitoring, labels: {app.kubernetes.io/name: otel}}
                local: {labels: {role: helper}}
                monitoring: {namespace: monitoring}
                tenants: {namespaceLabels: {tier: tenant}}
                internet: {ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}
                anyone: {anywhere: true, ports: [{port: 443}]}
              connectivity:
                app: [otel, local, monitoring, tenants, internet, anyone]
                tenants: [app]
                anyone: [{to: app, ports: [{port: 8080}]}]
                monitoring: [app]
            """, namespace: "prod")
        let app = try XCTUnwrap(policies.first)
        // External ids sorted: anyone (its own rule, no peers), internet, local, monitoring, otel, tenants.
        XCTAssertEqual(app.egress, [
            PolicyRule(peers: nil, ports: [PolicyPort(port: .number(443))]),
            PolicyRule(peers: [
                PolicyPeer(ipBlock: IPBlock(cidr: "0.0.0.0/0", except: ["10.0.0.0/8"])),
                PolicyPeer(
                    podSelector: LabelSelector(matchLabels: ["role": "helper"]),
                    namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "prod"])),
                PolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "monitoring"])),
                PolicyPeer(
                    podSelector: LabelSelector(matchLabels: ["app.kubernetes.io/name": "otel"]),
                    namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "monitoring"])),
                PolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["tier": "tenant"])),
            ]),
        ])
        XCTAssertEqual(app.ingress, [
            PolicyRule(peers: nil, ports: [PolicyPort(port: .number(8080))]),
            PolicyRule(peers: [
                PolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "monitoring"])),
                PolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["tier": "tenant"])),
            ]),
        ])
    }

    func testExplicitKubeSystemEdgeJoinsTheMatrixRules() throws {
        let policies = try expand("""
            mesh:
              kubeSystem: {egress: false}
              components: {a: {}, b: {}}
              connectivity:
                a: [b, {to: kube-system, ports: [{port: 443}]}]
            """)
        XCTAssertEqual(policies.first?.egress, [
            PolicyRule(peers: [pods("b")]),
            PolicyRule(peers: [kubeSystem], ports: [PolicyPort(port: .number(443))]),
        ])
    }

    func testTableKubeSystemColumnKeepsDNSAndTurnsOff() throws {
        let spec = try MeshSpec.load(values: try yaml("""
            mesh:
              kubeSystem: {egress: dns}
              components: {a: {}, b: {}, c: {kubeSystem: {egress: false}}}
              connectivityTable: |
                | from / to | kube-system |
                | :-- | :-: |
                | a | ✅ |
                | b | ⛔ |
            """), releaseNamespace: "ns")
        XCTAssertEqual(spec.components.map(\.kubeSystemEgress), [.dns, .none, .none])
    }

    func testUnsortedComponentsBuiltInCodeExpandInIDOrder() {
        let spec = MeshSpec(
            policiesEnabled: true, namespace: "ns", selectorKey: "app",
            components: [
                Component(id: "z", name: "z", labels: ["app": "z"], namespace: "ns"),
                Component(id: "a", name: "a", labels: ["app": "a"], namespace: "ns"),
            ],
            externals: [], edges: [Edge(from: .component("z"), to: .component("a"))], customIngress: [], customEgress: [])
        let policies = spec.expand()
        XCTAssertEqual(policies.map(\.name), ["a-allow", "z-allow"])
        XCTAssertEqual(policies.first?.ingress, [PolicyRule(peers: [pods("z")])])
    }

    func testOutputIsDeterministicAcrossKeyOrders() throws {
        let one = try expand("mesh:\n  components: {b: {}, a: {}, c: {}}\n  connectivity: {c: [b, a], a: [c, b]}\n")
        let two = try expand("mesh:\n  components: {c: {}, a: {}, b: {}}\n  connectivity: {a: [b, c], c: [a, b]}\n")
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.map(\.name), ["a-allow", "b-allow", "c-allow"])
    }

    /// Ten thousand components with five edges each expand whole (bench/run measures how fast).
    func testExpandsTenThousandComponents() throws {
        let count = 10_000
        let components = (0..<count).map { i in
            Component(id: "c\(i)", name: "c\(i)", labels: ["app": "c\(i)"], namespace: "ns", ports: i % 2 == 0 ? [PolicyPort(port: .number(8080))] : [])
        }
        var edges: [Edge] = []
        for i in 0..<count {
            for k in 1...5 { edges.append(Edge(from: .component("c\(i)"), to: .component("c\((i + k * 7) % count)"))) }
        }
        let spec = MeshSpec(
            policiesEnabled: true, namespace: "ns", selectorKey: "app", components: components, externals: [],
            edges: edges, customIngress: [], customEgress: [])
        let policies = spec.expand()
        XCTAssertEqual(policies.count, count)
        XCTAssertEqual(policies.reduce(0) { $0 + ($1.egress?.flatMap { $0.peers ?? [] }.count ?? 0) }, count * 6)
    }

    /// Ten thousand components with five edges each load from values and give `.Mesh` one policy each.
    func testLoadsTenThousandComponentsFromValues() throws {
        let count = 10_000
        var text = "mesh:\n  components:\n"
        for i in 0..<count { text += "    c\(i): {name: comp-\(i), ports: [{port: 8080, protocol: TCP}]}\n" }
        text += "  connectivity:\n"
        for i in 0..<count {
            text += "    c\(i): [" + (1...5).map { "c\((i + $0 * 7) % count)" }.joined(separator: ", ") + "]\n"
        }
        let node = try yaml(text)
        let spec = try MeshSpec.load(values: node, releaseNamespace: "ns")
        XCTAssertEqual(spec.edges.count, count * 5)
        guard case .map(let mesh) = spec.templateValue(), case .list(let list)? = mesh["policies"] else { return XCTFail("no policies") }
        XCTAssertEqual(list.count, count)
    }
}
