import XCTest
import GoValues
import YAML

@testable import ManifestDiff

/// How list entries pair: by identity where one exists, so insertions are single entries and
/// order-only changes of sets are no change.
final class ListIdentityTests: XCTestCase {
    struct Case {
        var name: String
        var old: String
        var new: String
        /// `path change` of every expected field change, in order.
        var expected: [String]
        var line: UInt = #line
    }

    static let cases: [Case] = [
        Case(name: "peer inserted in the middle is one added entry",
             old: "from: [{podSelector: {matchLabels: {app: a}}}, {podSelector: {matchLabels: {app: c}}}]",
             new: "from: [{podSelector: {matchLabels: {app: a}}}, {podSelector: {matchLabels: {app: b}}}, {podSelector: {matchLabels: {app: c}}}]",
             expected: ["from[1] added"]),
        Case(name: "peers reordered is no change",
             old: "from: [{podSelector: {matchLabels: {app: a}}}, {namespaceSelector: {}}]",
             new: "from: [{namespaceSelector: {}}, {podSelector: {matchLabels: {app: a}}}]",
             expected: []),
        Case(name: "peer with another label is removed + added",
             old: "to: [{podSelector: {matchLabels: {app: a}}}, {ipBlock: {cidr: 10.0.0.0/8}}]",
             new: "to: [{podSelector: {matchLabels: {app: b}}}, {ipBlock: {cidr: 10.0.0.0/8}}]",
             expected: ["to[0] removed", "to[0] added"]),
        Case(name: "ports pair by port+protocol",
             old: "ports: [{port: 80}, {port: 53, protocol: UDP}]",
             new: "ports: [{port: 53, protocol: UDP}, {port: 443}, {port: 80, protocol: TCP}]",
             expected: ["ports[1] added", "ports[2].protocol added"]),
        Case(name: "policyTypes reordered is no change",
             old: "policyTypes: [Ingress, Egress]", new: "policyTypes: [Egress, Ingress]", expected: []),
        Case(name: "policyTypes entry removed",
             old: "policyTypes: [Ingress, Egress]", new: "policyTypes: [Ingress]", expected: ["policyTypes[1] removed"]),
        Case(name: "entries pair by name, modification inside",
             old: "env: [{name: A, value: '1'}, {name: B, value: '2'}]",
             new: "env: [{name: X, value: '0'}, {name: A, value: '1'}, {name: B, value: '3'}]",
             expected: ["env[0] added", "env[2].value modified"]),
        Case(name: "entries pair by key",
             old: "items: [{key: a, path: x}, {key: b, path: y}]",
             new: "items: [{key: b, path: z}, {key: a, path: x}]",
             expected: ["items[0].path modified"]),
        Case(name: "entries pair by a field unique across all entries",
             old: "hosts: [{host: a.example, tls: true}, {host: b.example, tls: false}]",
             new: "hosts: [{host: c.example, tls: true}, {host: a.example, tls: true}, {host: b.example, tls: true}]",
             expected: ["hosts[0] added", "hosts[2].tls modified"]),
        Case(name: "rules without identity: equal ones pair, the changed one pairs by position",
             old: "ingress: [{from: [{podSelector: {}}]}, {ports: [{port: 80}]}]",
             new: "ingress: [{ports: [{port: 80}]}, {from: [{podSelector: {}}], ports: [{port: 8080}]}]",
             expected: ["ingress[1].ports added"]),
        Case(name: "rule inserted in the middle is one added entry",
             old: "egress: [{to: [{podSelector: {}}]}, {ports: [{port: 53}]}]",
             new: "egress: [{to: [{podSelector: {}}]}, {ports: [{port: 80}], to: [{ipBlock: {cidr: 1.2.3.4/32}}]}, {ports: [{port: 53}]}]",
             expected: ["egress[1] added"]),
        Case(name: "ordered scalar list: insertion is an entry",
             old: "args: [--a, --c]", new: "args: [--a, --b, --c]", expected: ["args[1] added"]),
        Case(name: "ordered scalar list: reordering changes the list",
             old: "args: [--a, --b]", new: "args: [--b, --a]", expected: ["args modified"]),
        Case(name: "type change is a value change",
             old: "x: [1]", new: "x: {a: 1}", expected: ["x modified"]),
        Case(name: "int and float of the same number are equal",
             old: "x: 80", new: "x: 80.0", expected: []),
        Case(name: "quoted number is a different type",
             old: "x: 80", new: "x: '80'", expected: ["x modified"]),
        Case(name: "map keys added and removed",
             old: "m: {a: 1, b: 2}", new: "m: {b: 2, c: 3}", expected: ["m.a removed", "m.c added"]),
        Case(name: "keys with dots print quoted",
             old: "labels: {app.kubernetes.io/name: a}", new: "labels: {app.kubernetes.io/name: b}",
             expected: ["labels[\"app.kubernetes.io/name\"] modified"]),
    ]

    func testCases() throws {
        for c in Self.cases {
            let old = try YAMLParser().parse(c.old, file: "old").toValue()
            let new = try YAMLParser().parse(c.new, file: "new").toValue()
            var differ = ValueDiffer()
            differ.compare(old, new)
            let got = differ.changes.map { "\($0.path) \($0.change.rawValue)" }
            XCTAssertEqual(got, c.expected, c.name, line: c.line)
        }
    }

    func testAddedEntryCarriesItsValue() throws {
        let old = try YAMLParser().parse("from: [{podSelector: {matchLabels: {app: a}}}]", file: "old").toValue()
        let new = try YAMLParser().parse("from: [{podSelector: {matchLabels: {app: b}}}, {podSelector: {matchLabels: {app: a}}}]", file: "new").toValue()
        var differ = ValueDiffer()
        differ.compare(old, new)
        XCTAssertEqual(differ.changes, [
            FieldChange(path: FieldPath([.key("from"), .index(0)]), change: .added, from: nil,
                        to: .map(["podSelector": .map(["matchLabels": .map(["app": .string("b")])])]))
        ])
    }

    func testLongPeerListInsertionIsOneChange() throws {
        // 5,000 peers, one inserted at the front: one change, no cascade.
        let peers = (0..<5000).map { Value.map(["podSelector": .map(["matchLabels": .map(["app": .string("c\($0)")])])]) }
        let inserted = [Value.map(["podSelector": .map(["matchLabels": .map(["app": .string("new")])])])] + peers
        var differ = ValueDiffer()
        differ.compare(.map(["from": .list(peers)]), .map(["from": .list(inserted.reversed())]))
        XCTAssertEqual(differ.changes.map { "\($0.path) \($0.change.rawValue)" }, ["from[5000] added"])
    }
}
