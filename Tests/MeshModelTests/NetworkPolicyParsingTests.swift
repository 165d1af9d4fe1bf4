import XCTest
import Diagnostics
import YAML
@testable import MeshModel

final class NetworkPolicyParsingTests: XCTestCase {
    let manifest = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: vald-agent-allow
          namespace: vald
          labels:
            app.kubernetes.io/component: agent
        spec:
          podSelector:
            matchLabels:
              app: vald-agent
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: vald
                  podSelector:
                    matchLabels:
                      app: vald-lb-gateway
          egress:
            - {}
        """

    func testParsesAManifestAndWritesItBack() throws {
        let node = try yaml(manifest)
        let policy = try NetworkPolicy.parse(node, path: "")
        XCTAssertEqual(policy.name, "vald-agent-allow")
        XCTAssertEqual(policy.namespace, "vald")
        XCTAssertEqual(policy.labels, ["app.kubernetes.io/component": "agent"])
        XCTAssertEqual(policy.podSelector, LabelSelector(matchLabels: ["app": "vald-agent"]))
        XCTAssertEqual(policy.policyTypes, [.ingress, .egress])
        XCTAssertEqual(policy.ingress?.first?.peers?.count, 1)
        XCTAssertEqual(policy.egress, [PolicyRule()])
        XCTAssertEqual(policy.toValue(), node.toValue())
    }

    func testDefaultsPolicyTypesLikeKubernetes() throws {
        let cases: [(spec: String, types: [PolicyType])] = [
            ("{podSelector: {}}", [.ingress]),
            ("{podSelector: {}, egress: []}", [.ingress]),
            ("{podSelector: {}, egress: [{}]}", [.ingress, .egress]),
            ("{podSelector: {}, ingress: [{}]}", [.ingress]),
            ("{podSelector: {}, policyTypes: [Egress]}", [.egress]),
        ]
        for c in cases {
            let node = try yaml("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: \(c.spec)\n")
            XCTAssertEqual(try NetworkPolicy.parse(node, path: "").policyTypes, c.types, c.spec)
        }
    }

    func testRejectsBadManifests() throws {
        let head = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
        let cases: [(name: String, yaml: String, error: String)] = [
            ("api version", "apiVersion: v1\nkind: NetworkPolicy\nmetadata: {name: p}\n", "t.yaml:1:13: apiVersion: apiVersion must be networking.k8s.io/v1, not \"v1\""),
            ("kind", "apiVersion: networking.k8s.io/v1\nkind: Service\nmetadata: {name: p}\n", "t.yaml:2:7: kind: kind must be NetworkPolicy, not \"Service\""),
            ("missing name", head + "metadata: {namespace: x}\n", "t.yaml:3:11: metadata: missing required field \"name\""),
            ("bad name", head + "metadata: {name: Bad_Name}\n", "t.yaml:3:18: metadata.name: invalid name \"Bad_Name\": must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each part starting and ending with a letter or digit"),
            ("bad namespace", head + "metadata: {name: p, namespace: a.b}\n", "t.yaml:3:32: metadata.namespace: invalid namespace \"a.b\": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
            ("unknown spec field", head + "metadata: {name: p}\nspec: {podSelectr: {}}\n", "t.yaml:4:8: spec.podSelectr: unknown field \"podSelectr\" (did you mean \"podSelector\"?)"),
            ("bad policy type", head + "metadata: {name: p}\nspec: {policyTypes: [ingress]}\n", "t.yaml:4:22: spec.policyTypes[0]: unknown policy type \"ingress\": must be Ingress or Egress (did you mean \"Ingress\"?)"),
            ("duplicate policy type", head + "metadata: {name: p}\nspec: {policyTypes: [Egress, Egress]}\n", "t.yaml:4:30: spec.policyTypes[1]: duplicate policy type \"Egress\""),
            ("egress field in ingress", head + "metadata: {name: p}\nspec: {ingress: [{to: []}]}\n", "t.yaml:4:19: spec.ingress[0].to: unknown field \"to\""),
            ("bad annotation key", head + "metadata: {name: p, annotations: {\"a b\": x}}\n", "t.yaml:3:35: metadata.annotations.a b: invalid annotation key \"a b\": name must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
        ]
        for c in cases {
            let node = try yaml(c.yaml)
            XCTAssertEqual(inputError { () throws(InputError) in try NetworkPolicy.parse(node, path: "") }, c.error, c.name)
        }
    }

    func testCIDRParsing() {
        let cases: [(text: String, valid: String?)] = [
            ("10.0.0.0/8", "10.0.0.0/8"), ("10.1.2.3/8", "10.0.0.0/8"), ("0.0.0.0/0", "0.0.0.0/0"),
            ("192.168.1.1/32", "192.168.1.1/32"), ("::/0", "0:0:0:0:0:0:0:0/0"), ("fd00::1/64", "fd00:0:0:0:0:0:0:0/64"),
            ("::ffff:10.0.0.1/128", "0:0:0:0:0:ffff:a00:1/128"), ("1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7:8/128"),
            ("256.0.0.0/8", nil), ("10.0.0/8", nil), ("10.0.0.0/", nil), ("10.0.0.0/08", nil), ("1::2::3/64", nil),
            ("fd00::/129", nil), ("1:2:3:4:5:6:7:8:9/64", nil), ("x/8", nil), ("", nil),
        ]
        for c in cases { XCTAssertEqual(CIDR(c.text)?.description, c.valid, c.text) }
    }

    func testDidYouMean() {
        let cases: [(word: String, candidates: [String], suggestion: String?)] = [
            ("too", ["to", "ports"], "to"), ("discover", ["discoverer", "agent"], "discoverer"),
            ("agnet", ["agent", "lb-gateway"], "agent"), ("zzz", ["agent"], nil), ("gateway", ["lb-gateway", "filter-gateway"], nil),
        ]
        for c in cases { XCTAssertEqual(DidYouMean.suggestion(for: c.word, among: c.candidates), c.suggestion, c.word) }
    }
}
