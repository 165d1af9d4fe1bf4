import XCTest
import Diagnostics
import GoValues
import YAML
@testable import MeshModel

final class PolicyRuleParsingTests: XCTestCase {
    /// One bad egress rule per row: the YAML of the rule (as one list item under `egress`) and the exact error.
    func testRejectsRulesAgainstTheSchema() throws {
        let cases: [(name: String, yaml: String, error: String)] = [
            ("unknown field with suggestion", "- too: []", "t.yaml:1:3: r[0].too: unknown field \"too\" (did you mean \"to\"?)"),
            ("ingress key in egress rule", "- from: []", "t.yaml:1:3: r[0].from: unknown field \"from\""),
            ("rule not a map", "- 5", "t.yaml:1:3: r[0]: must be a map, not a number"),
            ("peers not a list", "- to: {podSelector: {}}", "t.yaml:1:7: r[0].to: must be a list, not a map"),
            ("port zero", "- ports: [{port: 0}]", "t.yaml:1:18: r[0].ports[0].port: port 0 is out of range 1-65535"),
            ("port too large", "- ports: [{port: 65536}]", "t.yaml:1:18: r[0].ports[0].port: port 65536 is out of range 1-65535"),
            ("port fractional", "- ports: [{port: 80.5}]", "t.yaml:1:18: r[0].ports[0].port: must be a port number or a port name, not a number"),
            ("port name uppercase", "- ports: [{port: HTTP}]", "t.yaml:1:18: r[0].ports[0].port: invalid port name \"HTTP\": must contain only lowercase letters, digits and '-'"),
            ("port name too long", "- ports: [{port: abcdefghijklmnop}]", "t.yaml:1:18: r[0].ports[0].port: invalid port name \"abcdefghijklmnop\": must be at most 15 characters"),
            ("port name digits only", "- ports: [{port: \"80\"}]", "t.yaml:1:18: r[0].ports[0].port: invalid port name \"80\": must contain at least one letter"),
            ("port name double dash", "- ports: [{port: a--b}]", "t.yaml:1:18: r[0].ports[0].port: invalid port name \"a--b\": must not contain \"--\""),
            ("port name leading dash", "- ports: [{port: -http}]", "t.yaml:1:18: r[0].ports[0].port: invalid port name \"-http\": must not begin or end with '-'"),
            ("endPort below port", "- ports: [{port: 8080, endPort: 8000}]", "t.yaml:1:33: r[0].ports[0].endPort: endPort 8000 must not be less than port 8080"),
            ("endPort with named port", "- ports: [{port: http, endPort: 8000}]", "t.yaml:1:33: r[0].ports[0].endPort: endPort requires a numeric port"),
            ("endPort without port", "- ports: [{endPort: 8000}]", "t.yaml:1:21: r[0].ports[0].endPort: endPort requires a numeric port"),
            ("protocol", "- ports: [{protocol: tcp}]", "t.yaml:1:22: r[0].ports[0].protocol: unsupported protocol \"tcp\": must be TCP, UDP or SCTP (did you mean \"TCP\"?)"),
            ("protocol ICMP", "- ports: [{protocol: ICMP}]", "t.yaml:1:22: r[0].ports[0].protocol: unsupported protocol \"ICMP\": must be TCP, UDP or SCTP"),
            ("bad cidr", "- to: [{ipBlock: {cidr: 10.0.0.0/33}}]", "t.yaml:1:25: r[0].to[0].ipBlock.cidr: invalid CIDR \"10.0.0.0/33\""),
            ("cidr leading zero", "- to: [{ipBlock: {cidr: 10.0.0.01/8}}]", "t.yaml:1:25: r[0].to[0].ipBlock.cidr: invalid CIDR \"10.0.0.01/8\""),
            ("cidr without length", "- to: [{ipBlock: {cidr: 10.0.0.0}}]", "t.yaml:1:25: r[0].to[0].ipBlock.cidr: invalid CIDR \"10.0.0.0\""),
            ("except outside", "- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}]", "t.yaml:1:46: r[0].to[0].ipBlock.except[0]: except \"11.0.0.0/16\" is not inside cidr \"10.0.0.0/8\""),
            ("except wider", "- to: [{ipBlock: {cidr: 10.1.0.0/16, except: [10.0.0.0/8]}}]", "t.yaml:1:47: r[0].to[0].ipBlock.except[0]: except \"10.0.0.0/8\" is not inside cidr \"10.1.0.0/16\""),
            ("except other family", "- to: [{ipBlock: {cidr: 0.0.0.0/0, except: [\"::/0\"]}}]", "t.yaml:1:45: r[0].to[0].ipBlock.except[0]: except \"::/0\" is not inside cidr \"0.0.0.0/0\""),
            ("ipBlock missing cidr", "- to: [{ipBlock: {except: []}}]", "t.yaml:1:18: r[0].to[0].ipBlock: missing required field \"cidr\""),
            ("ipBlock with selector", "- to: [{podSelector: {}, ipBlock: {cidr: 10.0.0.0/8}}]", "t.yaml:1:26: r[0].to[0].ipBlock: ipBlock cannot be combined with podSelector or namespaceSelector"),
            ("empty peer", "- to: [{}]", "t.yaml:1:8: r[0].to[0]: a peer needs podSelector, namespaceSelector or ipBlock"),
            ("label key two slashes", "- to: [{podSelector: {matchLabels: {a/b/c: x}}}]", "t.yaml:1:37: r[0].to[0].podSelector.matchLabels.a/b/c: invalid label key \"a/b/c\": at most one '/' is allowed"),
            ("label key bad prefix", "- to: [{podSelector: {matchLabels: {Example.com/a: x}}}]", "t.yaml:1:37: r[0].to[0].podSelector.matchLabels.Example.com/a: invalid label key \"Example.com/a\": prefix must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each part starting and ending with a letter or digit"),
            ("label key name too long", "- to: [{podSelector: {matchLabels: {\(String(repeating: "a", count: 64)): x}}}]", "t.yaml:1:37: r[0].to[0].podSelector.matchLabels.\(String(repeating: "a", count: 64)): invalid label key \"\(String(repeating: "a", count: 64))\": name must be at most 63 characters (has 64)"),
            ("label key ends with dash", "- to: [{podSelector: {matchLabels: {app-: x}}}]", "t.yaml:1:37: r[0].to[0].podSelector.matchLabels.app-: invalid label key \"app-\": name must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
            ("label value bad char", "- to: [{podSelector: {matchLabels: {app: \"a b\"}}}]", "t.yaml:1:42: r[0].to[0].podSelector.matchLabels.app: invalid label value \"a b\": value must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
            ("label value not a string", "- to: [{podSelector: {matchLabels: {app: 5}}}]", "t.yaml:1:42: r[0].to[0].podSelector.matchLabels.app: must be a string, not a number"),
            ("selector unknown field", "- to: [{podSelector: {matchLabel: {}}}]", "t.yaml:1:23: r[0].to[0].podSelector.matchLabel: unknown field \"matchLabel\" (did you mean \"matchLabels\"?)"),
            ("In without values", "- to: [{podSelector: {matchExpressions: [{key: a, operator: In}]}}]", "t.yaml:1:42: r[0].to[0].podSelector.matchExpressions[0]: operator In needs at least one value"),
            ("NotIn with empty values", "- to: [{podSelector: {matchExpressions: [{key: a, operator: NotIn, values: []}]}}]", "t.yaml:1:76: r[0].to[0].podSelector.matchExpressions[0].values: operator NotIn needs at least one value"),
            ("Exists with values", "- to: [{podSelector: {matchExpressions: [{key: a, operator: Exists, values: [x]}]}}]", "t.yaml:1:77: r[0].to[0].podSelector.matchExpressions[0].values: operator Exists takes no values"),
            ("unknown operator", "- to: [{podSelector: {matchExpressions: [{key: a, operator: in, values: [x]}]}}]", "t.yaml:1:61: r[0].to[0].podSelector.matchExpressions[0].operator: unknown operator \"in\": must be In, NotIn, Exists or DoesNotExist (did you mean \"In\"?)"),
            ("expression without key", "- to: [{podSelector: {matchExpressions: [{operator: Exists}]}}]", "t.yaml:1:42: r[0].to[0].podSelector.matchExpressions[0]: missing required field \"key\""),
        ]
        for c in cases {
            let node = try yaml(c.yaml)
            let got = inputError { () throws(InputError) in try PolicyRule.parseList(node, direction: .egress, path: "r") }
            XCTAssertEqual(got, c.error, c.name)
        }
    }

    func testAcceptsValidRules() throws {
        let cases: [(name: String, yaml: String, direction: PolicyType, rule: PolicyRule)] = [
            ("empty rule stays distinct from absent lists", "{}", .ingress, PolicyRule()),
            ("empty lists kept", "{from: [], ports: []}", .ingress, PolicyRule(peers: [], ports: [])),
            ("integral float port and endPort", "{ports: [{port: 8000.0, endPort: 8100, protocol: UDP}]}", .egress,
             PolicyRule(ports: [PolicyPort(protocol: "UDP", port: .number(8000), endPort: 8100)])),
            ("named port", "{ports: [{port: grpc-web}]}", .egress, PolicyRule(ports: [PolicyPort(port: .name("grpc-web"))])),
            ("namespace and pod selector", "{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns}}, podSelector: {matchLabels: {app: x, empty: \"\"}}}]}", .ingress,
             PolicyRule(peers: [PolicyPeer(
                podSelector: LabelSelector(matchLabels: ["app": "x", "empty": ""]),
                namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "ns"]))])),
            ("ipv6 block", "{to: [{ipBlock: {cidr: \"fd00::/8\", except: [\"fd00:1::/32\", \"fd00::1/128\"]}}]}", .egress,
             PolicyRule(peers: [PolicyPeer(ipBlock: IPBlock(cidr: "fd00::/8", except: ["fd00:1::/32", "fd00::1/128"]))])),
            ("expressions", "{to: [{podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [db]}, {key: x, operator: DoesNotExist}]}}]}", .egress,
             PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchExpressions: [
                LabelRequirement(key: "tier", operator: .notIn, values: ["db"]),
                LabelRequirement(key: "x", operator: .doesNotExist)]))])),
        ]
        for c in cases {
            let node = try yaml(c.yaml)
            do {
                let rule = try PolicyRule.parse(node, direction: c.direction, path: "r")
                XCTAssertEqual(rule, c.rule, c.name)
            } catch {
                XCTFail("\(c.name): \(error)")
            }
        }
    }

    func testRuleRoundTripsThroughValue() throws {
        let cases: [(yaml: String, direction: PolicyType)] = [
            ("{}", .ingress),
            ("{from: []}", .ingress),
            ("{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}], ports: [{port: 53, protocol: UDP}]}", .egress),
            ("{to: [{podSelector: {}}, {namespaceSelector: {matchLabels: {a: b}}, podSelector: {matchExpressions: [{key: k, operator: In, values: [v]}]}}]}", .egress),
            ("{ports: [{port: 8000, endPort: 9000}, {port: http}, {protocol: SCTP}]}", .ingress),
        ]
        for c in cases {
            let node = try yaml(c.yaml)
            let rule = try PolicyRule.parse(node, direction: c.direction, path: "r")
            XCTAssertEqual(rule.toValue(direction: c.direction), normalizeNumbers(node.toValue()), c.yaml)
        }
    }
}

/// Integral numbers as `.int`, the way `toValue` writes ports.
func normalizeNumbers(_ v: Value) -> Value {
    switch v {
    case .float(let f) where f == f.rounded(): return .int(Int64(f))
    case .list(let items): return .list(items.map(normalizeNumbers))
    case .map(let m): return .map(m.mapValues(normalizeNumbers))
    default: return v
    }
}
