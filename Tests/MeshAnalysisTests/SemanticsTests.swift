import MeshModel
import XCTest

@testable import MeshAnalysis

/// One case per rule of Kubernetes NetworkPolicy semantics, evaluated over a small fixed inventory.
final class SemanticsTests: XCTestCase {
    static func pod(_ name: String, _ namespace: String, _ labels: [String: String], namespaceLabels: [String: String] = [:],
                    named: [String: NamedPortBinding]? = nil) -> InventoryEndpoint {
        InventoryEndpoint(
            name: name, role: .component(name),
            address: .pod(namespace: namespace, labels: labels, namespaceLabels: namespaceLabels.merging([namespaceNameLabelKey: namespace]) { a, _ in a }),
            namedPorts: named)
    }

    static let inventory = Inventory(endpoints: [
        pod("web", "shop", ["app": "web", "tier": "front"]),
        pod("db", "shop", ["app": "db", "tier": "back"], named: ["sql": NamedPortBinding(proto: .tcp, number: 5432)]),
        pod("cache", "shop", ["app": "cache"]),
        pod("mon", "monitoring", ["app": "prom"], namespaceLabels: ["team": "ops"]),
        pod("other", "other", ["app": "web"]),
        InventoryEndpoint(name: "outside", role: .outsideWorld, address: .ip(IPAddress("198.51.100.10")!)),
        InventoryEndpoint(name: "internal", role: .outsideWorld, address: .ip(IPAddress("10.1.2.3")!)),
    ])

    typealias P = Build
    static let db = ["app": "db"], web = ["app": "web"]

    static func ingressToDB(_ peers: [PolicyPeer]?, ports: [PolicyPort]? = nil) -> [NetworkPolicy] {
        [P.policy("db", namespace: "shop", selecting: db, types: [.ingress], ingress: [PolicyRule(peers: peers, ports: ports)])]
    }

    static func expr(_ key: String, _ op: LabelRequirement.Operator, _ values: [String] = []) -> PolicyPeer {
        PolicyPeer(podSelector: LabelSelector(matchExpressions: [LabelRequirement(key: key, operator: op, values: values)]))
    }

    /// (rule, policies, -n namespace, [(from, to, expected)]) — expected is a PortSet description or "none".
    static let cases: [(String, [NetworkPolicy], String, [(String, String, String)])] = [
        ("no policy: everything allowed", [], "shop", [("web", "db", "all"), ("outside", "db", "all")]),
        ("Ingress isolation denies what no rule allows",
         [P.policy("db", namespace: "shop", selecting: db, types: [.ingress], ingress: [])], "shop",
         [("web", "db", "none"), ("db", "web", "all")]),
        ("Egress isolation denies what no rule allows",
         [P.policy("web", namespace: "shop", selecting: web, types: [.egress], egress: [])], "shop",
         [("web", "db", "none"), ("db", "web", "all"), ("other", "db", "all")]),
        ("policyTypes absent, no egress rules: Ingress only",
         [P.policy("db", namespace: "shop", selecting: db, types: [], ingress: [], egress: nil)], "shop",
         [("web", "db", "none"), ("db", "outside", "all")]),
        ("policyTypes absent, egress rules present: Ingress and Egress",
         [P.policy("db", namespace: "shop", selecting: db, types: [], egress: [PolicyRule(peers: [P.pods(["app": "cache"])])])], "shop",
         [("db", "outside", "none"), ("db", "cache", "all"), ("web", "db", "none")]),
        ("rules of a direction not in policyTypes are ignored",
         [P.policy("db", namespace: "shop", selecting: db, types: [.ingress], ingress: [], egress: [PolicyRule()])], "shop",
         [("db", "outside", "all"), ("web", "db", "none")]),
        ("a connection needs egress AND ingress",
         [P.policy("web", namespace: "shop", selecting: web, types: [.egress], egress: [PolicyRule(peers: [P.pods(db)])]),
          P.policy("db", namespace: "shop", selecting: db, types: [.ingress], ingress: [PolicyRule(peers: [P.pods(["app": "cache"])])])],
         "shop", [("web", "db", "none"), ("cache", "db", "all"), ("web", "cache", "none")]),
        ("policies selecting the same pod add up",
         ingressToDB([P.pods(web)]) + [P.policy("db2", namespace: "shop", selecting: db, types: [.ingress],
                                                ingress: [PolicyRule(peers: [P.pods(["app": "cache"])])])], "shop",
         [("web", "db", "all"), ("cache", "db", "all"), ("mon", "db", "none")]),
        ("podSelector alone: pods of the policy's namespace", ingressToDB([P.pods(web)]), "shop",
         [("web", "db", "all"), ("other", "db", "none")]),
        ("namespaceSelector alone: every pod of matching namespaces",
         ingressToDB([PolicyPeer(namespaceSelector: P.selector(["team": "ops"]))]), "shop",
         [("mon", "db", "all"), ("web", "db", "none")]),
        ("podSelector AND namespaceSelector in one peer",
         ingressToDB([PolicyPeer(podSelector: P.selector(web), namespaceSelector: P.selector([namespaceNameLabelKey: "other"]))]), "shop",
         [("other", "db", "all"), ("web", "db", "none"), ("mon", "db", "none")]),
        ("empty podSelector: every pod of the policy's namespace", ingressToDB([PolicyPeer(podSelector: P.selector())]), "shop",
         [("cache", "db", "all"), ("web", "db", "all"), ("mon", "db", "none"), ("outside", "db", "none")]),
        ("empty namespaceSelector: every pod of every namespace", ingressToDB([PolicyPeer(namespaceSelector: P.selector())]), "shop",
         [("mon", "db", "all"), ("other", "db", "all"), ("outside", "db", "none")]),
        ("ipBlock with except matches addresses, not pods",
         ingressToDB([PolicyPeer(ipBlock: IPBlock(cidr: "0.0.0.0/0", except: ["10.0.0.0/8"]))]), "shop",
         [("outside", "db", "all"), ("internal", "db", "none"), ("web", "db", "none")]),
        ("a rule without peers: anyone, addresses too", ingressToDB(nil), "shop",
         [("outside", "db", "all"), ("internal", "db", "all"), ("mon", "db", "all")]),
        ("matchExpressions In", ingressToDB([expr("tier", .in, ["front", "x"])]), "shop",
         [("web", "db", "all"), ("cache", "db", "none")]),
        ("matchExpressions NotIn (absent key matches)", ingressToDB([expr("app", .notIn, ["web"])]), "shop",
         [("web", "db", "none"), ("cache", "db", "all")]),
        ("matchExpressions Exists", ingressToDB([expr("tier", .exists)]), "shop",
         [("web", "db", "all"), ("cache", "db", "none")]),
        ("matchExpressions DoesNotExist", ingressToDB([expr("tier", .doesNotExist)]), "shop",
         [("web", "db", "none"), ("cache", "db", "all")]),
        ("protocol defaults to TCP", ingressToDB(nil, ports: [PolicyPort(port: .number(80))]), "shop", [("web", "db", "TCP 80")]),
        ("explicit protocol", ingressToDB(nil, ports: [PolicyPort(protocol: "UDP", port: .number(53))]), "shop",
         [("web", "db", "UDP 53")]),
        ("endPort makes a range", ingressToDB(nil, ports: [P.tcp(8000, 8100)]), "shop", [("web", "db", "TCP 8000-8100")]),
        ("port without number: the whole protocol", ingressToDB(nil, ports: [PolicyPort(protocol: "SCTP")]), "shop",
         [("web", "db", "SCTP all")]),
        ("named port resolved against the pod's container ports", ingressToDB(nil, ports: [PolicyPort(port: .name("sql"))]), "shop",
         [("web", "db", "TCP 5432")]),
        ("named port the pod does not have: nothing", ingressToDB(nil, ports: [PolicyPort(port: .name("http"))]), "shop",
         [("web", "db", "none")]),
        ("named port on a pod with unknown ports stays symbolic",
         [P.policy("web", namespace: "shop", selecting: web, types: [.ingress], ingress: [PolicyRule(ports: [PolicyPort(port: .name("http"))])])],
         "shop", [("db", "web", "TCP http")]),
        ("no ports: every port", ingressToDB(nil, ports: []), "shop", [("web", "db", "all")]),
        ("egress and ingress ports intersect",
         [P.policy("web", namespace: "shop", selecting: web, types: [.egress], egress: [PolicyRule(ports: [P.tcp(80, 90)])]),
          P.policy("db", namespace: "shop", selecting: db, types: [.ingress], ingress: [PolicyRule(ports: [P.tcp(85, 100)])])],
         "shop", [("web", "db", "TCP 85-90")]),
        ("policy without namespace belongs to -n",
         [P.policy("db", namespace: nil, selecting: db, types: [.ingress], ingress: [])], "shop", [("web", "db", "none")]),
        ("policy without namespace, -n elsewhere: selects nothing here",
         [P.policy("db", namespace: nil, selecting: db, types: [.ingress], ingress: [])], "other", [("web", "db", "all")]),
        ("empty podSelector selects every pod of its namespace",
         [P.policy("all", namespace: "shop", selecting: [:], types: [.ingress, .egress], ingress: [], egress: [])], "shop",
         [("web", "db", "none"), ("mon", "other", "all"), ("outside", "mon", "all")]),
    ]

    func testSemanticsTable() throws {
        for (rule, policies, namespace, flows) in Self.cases {
            let effective = EffectiveConnectivity(policies: policies, defaultNamespace: namespace, inventory: Self.inventory)
            for (from, to, expected) in flows {
                let ports = try XCTUnwrap(effective.map.ports(from: from, to: to))
                XCTAssertEqual(ports.description, expected, "\(rule): \(from) → \(to)")
                // The explanation agrees with the evaluation.
                XCTAssertEqual(try effective.explain(from: from, to: to).allowed, ports, "\(rule): explain \(from) → \(to)")
            }
        }
    }

    func testGroupsShareEvaluation() {
        let inventory = Inventory(endpoints: [
            Self.pod("a", "ns", ["app": "x"]), Self.pod("b", "ns", ["app": "x"]), Self.pod("c", "ns", ["app": "y"]),
        ])
        XCTAssertEqual(inventory.groupCount, 2)
        let effective = EffectiveConnectivity(
            policies: [P.policy("p", namespace: "ns", selecting: ["app": "y"], types: [.ingress],
                                ingress: [PolicyRule(peers: [P.pods(["app": "x"])], ports: [P.tcp(80)])])],
            defaultNamespace: "ns", inventory: inventory)
        XCTAssertEqual(effective.map.ports(from: "a", to: "c")?.description, "TCP 80")
        XCTAssertEqual(effective.map.ports(from: "b", to: "c")?.description, "TCP 80")
        XCTAssertEqual(effective.map.ports(from: "c", to: "a")?.description, "all")
    }

    func testIPBlocks() {
        let cases: [(cidr: String, except: [String], address: String, inside: Bool)] = [
            ("0.0.0.0/0", [], "1.2.3.4", true),
            ("10.0.0.0/8", [], "10.255.0.1", true),
            ("10.0.0.0/8", ["10.1.0.0/16"], "10.1.2.3", false),
            ("192.168.1.0/24", [], "192.168.2.1", false),
            ("::/0", [], "2001:db8::1", true),
            ("2001:db8::/32", [], "2001:db9::1", false),
            ("0.0.0.0/0", [], "::1", false),
        ]
        for c in cases {
            let matcher = IPBlockMatcher(cidr: c.cidr, except: c.except)!
            XCTAssertEqual(matcher.contains(IPAddress(c.address)!), c.inside, "\(c)")
        }
        XCTAssertNil(IPBlockMatcher(cidr: "10.0.0.0/33", except: nil))
        XCTAssertNil(IPAddress("1.2.3"))
        XCTAssertEqual(IPBlockMatcher(cidr: "10.0.0.0/8", except: ["10.0.0.0/9"])!.sampleAddress()?.description, "10.128.0.0")
        XCTAssertNil(IPBlockMatcher(cidr: "10.0.0.0/8", except: ["10.0.0.0/8"])!.sampleAddress())
        XCTAssertEqual(IPBlockMatcher(cidr: "0.0.0.0/0", except: ["0.0.0.0/1", "128.0.0.0/2"])!.sampleAddress()?.description, "192.0.0.0")
    }
}
