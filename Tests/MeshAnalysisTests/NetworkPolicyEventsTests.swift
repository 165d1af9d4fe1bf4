import Diagnostics
import MeshAnalysis
import MeshModel
import TestSupport
import XCTest
import YAML

/// The event reader of NetworkPolicy documents against the tree reader: on random documents — valid policies in
/// every YAML form, and documents broken in the ways manifests break — whatever the event reader takes, the tree
/// reader reads the same (policy and marks); whatever the tree reader refuses, the event reader does not take.
final class NetworkPolicyEventsTests: XCTestCase {
    /// Both readers on one text: the event reader's objects, and the tree reader's objects or `nil` when it refuses.
    private func readBoth(_ text: String) -> (events: ManifestObjects?, tree: ManifestObjects?) {
        let bytes = Array(text.utf8)
        let events = NetworkPolicyEvents.read(YAMLEventCursor(bytes: bytes, file: "policy.yaml")).map(ManifestObjects.init)
        let node = try? YAMLParser().parse(bytes: bytes, file: "policy.yaml")
        let tree = node.flatMap { try? ManifestObjects.read(document: $0) }
        return (events, tree.flatMap { $0.policies.count == 1 ? $0 : nil })
    }

    private func assertSameMarks(_ a: PolicyMarks, _ b: PolicyMarks, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.policy, b.policy, text, file: file, line: line)
        for (x, y) in [(a.ingress, b.ingress), (a.egress, b.egress)] {
            XCTAssertEqual(x.map(\.rule), y.map(\.rule), text, file: file, line: line)
            XCTAssertEqual(x.map(\.peers), y.map(\.peers), text, file: file, line: line)
            XCTAssertEqual(x.map(\.ports), y.map(\.ports), text, file: file, line: line)
        }
    }

    func testEventReaderAgreesWithTreeReaderOnRandomDocuments() {
        var rng = SplitMix64(seed: 0x5EED_0F_E4E7)
        var taken = 0, valid = 0, refused = 0
        for _ in 0..<3000 {
            let text = RandomPolicyText.make(&rng)
            let (events, tree) = readBoth(text)
            if tree != nil { valid += 1 } else { refused += 1 }
            guard let events else { continue }
            taken += 1
            guard let tree else {
                XCTFail("the event reader took what the tree reader refuses:\n\(text)")
                continue
            }
            XCTAssertEqual(events.policies, tree.policies, text)
            assertSameMarks(events.marks(ofPolicy: 0), tree.marks(ofPolicy: 0), text)
        }
        // The generator makes both sorts, and the event reader takes most valid documents.
        XCTAssertGreaterThan(refused, 300)
        XCTAssertGreaterThan(valid, 1000)
        XCTAssertGreaterThan(taken * 10, valid * 6, "taken \(taken) of \(valid) valid")
    }

    func testPlainPolicyIsTakenWithItsMarks() throws {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web-allow
              namespace: shop
              labels: {app.kubernetes.io/component: web}
            spec:
              podSelector:
                matchLabels:
                  app: web
              ingress:
                - from:
                    - podSelector: {matchLabels: {app: api}}
                    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                  ports:
                    - port: 8080
                    - {protocol: UDP, port: 53, endPort: 60}
              egress:
                - {}

            """
        let read = try XCTUnwrap(NetworkPolicyEvents.read(YAMLEventCursor(bytes: Array(text.utf8), file: "p.yaml")))
        XCTAssertEqual(read.policy.name, "web-allow")
        XCTAssertEqual(read.policy.policyTypes, [.ingress, .egress])
        XCTAssertEqual(read.ingressMarks.first?.peers.map(\.line), [13, 14])
        XCTAssertEqual(read.ingressMarks.first?.ports.map(\.line), [16, 17])
        let (events, tree) = readBoth(text)
        XCTAssertEqual(events?.policies, tree?.policies)
    }

    func testWhatTheEventReaderLeavesToTheTreeReader() {
        let base = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: a}
            spec:
              podSelector: {}

            """
        XCTAssertNotNil(NetworkPolicyEvents.read(YAMLEventCursor(bytes: Array(base.utf8), file: "p.yaml")))
        for variant in [
            base + "  policyTypes: [Ingress, Ingress]\n",  // refused by the tree reader too
            base.replacingOccurrences(of: "{name: a}", with: "{name: a, annotations: {x: y}}"),
            base.replacingOccurrences(of: "podSelector: {}", with: "podSelector: &s {}"),
            base.replacingOccurrences(of: "podSelector: {}", with: "podSelector: {matchExpressions: [{key: a, operator: Exists}]}"),
            base.replacingOccurrences(of: "{name: a}", with: "{name: a, managedFields: [{manager: kubectl}]}"),
            base.replacingOccurrences(of: "kind: NetworkPolicy", with: "kind: !!str NetworkPolicy"),
            base + "---\n" + base,
        ] {
            XCTAssertNil(NetworkPolicyEvents.read(YAMLEventCursor(bytes: Array(variant.utf8), file: "p.yaml")), variant)
        }
    }
}

/// Random NetworkPolicy documents: valid ones written in block and flow style, quoted and plain, with nulls and
/// empty lists, and ones broken as manifests break (unknown fields, wrong types, bad names, ports out of range,
/// repeated keys, anchors, tags, keys YAML types as booleans).
enum RandomPolicyText {
    static func make(_ rng: inout SplitMix64) -> String {
        func chance(_ percent: Int) -> Bool { Int(rng.next() % 100) < percent }
        func pick(_ items: [String]) -> String { rng.pick(items) }
        let breakage = chance(30) ? Int(rng.next() % 24) : -1
        func broken(_ n: Int) -> Bool { breakage == n }
        func scalar(_ s: String) -> String {
            switch rng.next() % 4 {
            case 0: return "\"\(s)\""
            case 1: return "'\(s)'"
            default: return s
            }
        }
        func labelsFlow(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(scalar($0.0)): \(scalar($0.1))" }.joined(separator: ", ") + "}"
        }
        func labelPairs() -> [(String, String)] {
            var pairs: [(String, String)] = []
            for i in 0..<Int(rng.next() % 3) + 1 {
                let key = broken(0) && i == 0 ? "bad key!" : pick(["app", "tier", "app.kubernetes.io/name", "team\(i)"])
                if pairs.contains(where: { $0.0 == key }) { continue }
                let value = broken(1) && i == 0 ? "-bad" : pick(["web", "api", "db-1", "a.b_c", "v\(rng.next() % 100)"])
                pairs.append((key, value))
            }
            return pairs
        }
        func selector() -> String {
            switch rng.next() % 6 {
            case 0: return "{}"
            case 1: return "{matchLabels: \(labelsFlow(labelPairs()))}"
            case 2: return broken(2) ? "{matchLabels: {app: true}}" : "{matchLabels: {app: \"true\"}}"
            case 3: return broken(3) ? "{matchLabels: {app: 12}}" : "{matchLabels: null}"
            case 4: return broken(4) ? "{matchLabel: {app: x}}" : "{matchLabels: {}}"
            default: return broken(5) ? "{matchLabels: [app]}" : "{matchLabels: \(labelsFlow(labelPairs()))}"
            }
        }
        func peer() -> String {
            switch rng.next() % 5 {
            case 0: return "{podSelector: \(selector())}"
            case 1: return "{namespaceSelector: \(selector()), podSelector: \(selector())}"
            case 2:
                if broken(6) { return "{ipBlock: {cidr: 999.0.0.0/99}}" }
                if broken(7) { return "{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}" }
                return pick([
                    "{ipBlock: {cidr: 10.0.0.0/8}}", "{ipBlock: {cidr: \"0.0.0.0/0\", except: [10.0.0.0/8, 192.168.0.0/16]}}",
                    "{ipBlock: {cidr: 'fd00::/8', except: null}}", "{ipBlock: {cidr: 10.0.0.0/8, except: []}}",
                ])
            case 3: return broken(8) ? "{}" : "{namespaceSelector: \(selector())}"
            default: return broken(9) ? "{podSelector: {}, extra: 1}" : "{podSelector: \(selector()), ipBlock: null}"
            }
        }
        func port() -> String {
            switch rng.next() % 8 {
            case 0: return "{port: \(rng.next() % 65535 + 1)}"
            case 1: return "{protocol: \(pick(["TCP", "UDP", "SCTP"])), port: \(rng.next() % 1000 + 1)}"
            case 2: return "{port: \(scalar(pick(["http", "grpc", "metrics"])))}"
            case 3: return broken(10) ? "{port: 99999}" : "{port: 8080.0}"
            case 4: return broken(11) ? "{port: http, endPort: 90}" : "{port: 80, endPort: \(80 + rng.next() % 20)}"
            case 5: return broken(12) ? "{protocol: tcp, port: 80}" : "{protocol: null, port: 80}"
            case 6: return broken(13) ? "{port: \"8080\"}" : "{}"
            default: return broken(14) ? "{port: 80, endPort: 70}" : "{port: \"dns-udp\", protocol: UDP}"
            }
        }
        func rules(_ peersKey: String) -> String {
            var out = ""
            for _ in 0..<Int(rng.next() % 3) {
                switch rng.next() % 5 {
                case 0: out += "    - {}\n"
                case 1: out += "    - \(peersKey): []\n"
                case 2: out += "    - \(peersKey): null\n      ports: [\(port())]\n"
                default:
                    out += "    - \(peersKey):\n"
                    for _ in 0..<Int(rng.next() % 3) + 1 { out += "        - \(peer())\n" }
                    if chance(60) {
                        out += "      ports:\n"
                        for _ in 0..<Int(rng.next() % 2) + 1 { out += "        - \(port())\n" }
                    }
                }
            }
            return out.isEmpty ? " []\n" : "\n" + out
        }
        var text = "apiVersion: \(broken(15) ? "networking.k8s.io/v1beta1" : scalar("networking.k8s.io/v1"))\n"
        text += "kind: \(broken(16) ? "NetPol" : scalar("NetworkPolicy"))\n"
        text += "metadata:\n  name: \(broken(17) ? "Bad_Name" : scalar(pick(["web-allow", "a", "x.y-z"])))\n"
        if chance(50) { text += "  namespace: \(broken(18) ? "ns.with.dots" : pick(["shop", "kube-system", "null"]))\n" }
        if chance(40) { text += "  labels: \(labelsFlow(labelPairs()))\n" }
        if chance(10) { text += "  uid: 1234-abcd\n  generation: 3\n" }
        if broken(19) { text += "  name: again\n" }
        if !chance(5) {
            text += "spec:\n"
            if chance(80) { text += "  podSelector: \(selector())\n" }
            if chance(70) { text += "  ingress:" + rules("from") }
            if chance(50) { text += "  egress:" + rules("to") }
            if chance(50) {
                let types = chance(50) ? "[Ingress, Egress]" : pick(["[Ingress]", "[Egress]", "[]", "null"])
                text += "  policyTypes: \(broken(20) ? "[Ingres]" : types)\n"
            }
            if broken(21) { text += "  yes: 1\n" }
        }
        if chance(10) { text += "status: {}\n" }
        if broken(22) { text = text.replacingOccurrences(of: "metadata:", with: "metadata: &m") }
        if broken(23) { text += "spec: null\n" }
        return text
    }
}
