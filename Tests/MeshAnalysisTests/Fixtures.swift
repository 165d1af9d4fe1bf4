import MeshModel

@testable import MeshAnalysis

/// Building blocks for tests: selectors, peers, rules and policies written the way manifests spell them.
enum Build {
    static func selector(_ labels: [String: String] = [:], _ expressions: [LabelRequirement] = []) -> LabelSelector {
        LabelSelector(matchLabels: labels, matchExpressions: expressions)
    }

    static func pods(_ labels: [String: String]) -> PolicyPeer { PolicyPeer(podSelector: selector(labels)) }

    static func namespaced(_ namespace: String, _ labels: [String: String]) -> PolicyPeer {
        PolicyPeer(podSelector: selector(labels), namespaceSelector: selector([namespaceNameLabelKey: namespace]))
    }

    static func namespace(_ namespace: String) -> PolicyPeer {
        PolicyPeer(namespaceSelector: selector([namespaceNameLabelKey: namespace]))
    }

    static func tcp(_ port: Int, _ endPort: Int? = nil) -> PolicyPort { PolicyPort(protocol: "TCP", port: .number(port), endPort: endPort) }

    static func policy(
        _ name: String, namespace: String? = "vald", selecting labels: [String: String], types: [PolicyType] = [.ingress, .egress],
        ingress: [PolicyRule]? = nil, egress: [PolicyRule]? = nil, component: String? = nil
    ) -> NetworkPolicy {
        NetworkPolicy(
            name: name, namespace: namespace, labels: component.map { [componentLabelKey: $0] } ?? [:],
            podSelector: selector(labels), policyTypes: types, ingress: ingress, egress: egress)
    }
}

/// The Vald mesh of the Vald network-policy guide, and the policies a Vald-style chart renders for it.
enum Vald {
    static let ids = ["agent", "discoverer", "filter-gateway", "lb-gateway", "index-manager"]
    static let names = [
        "agent": "vald-agent", "discoverer": "vald-discoverer", "filter-gateway": "vald-filter-gateway",
        "lb-gateway": "vald-lb-gateway", "index-manager": "vald-manager-index",
    ]
    static let edges: [(String, String)] = [
        ("filter-gateway", "lb-gateway"), ("index-manager", "agent"), ("index-manager", "discoverer"),
        ("lb-gateway", "agent"), ("lb-gateway", "discoverer"),
    ]
    static let gateways: Set<String> = ["filter-gateway", "lb-gateway"]

    static var mesh: MeshSpec {
        let components = ids.sorted().map { id in
            Component(
                id: id, name: names[id]!, labels: ["app": names[id]!], namespace: "vald",
                kubeSystemIngress: gateways.contains(id))
        }
        let meshEdges = edges.map { Edge(from: .component($0.0), to: .component($0.1)) }
            + ids.sorted().map { Edge(from: .component($0), to: .kubeSystem) }
        return MeshSpec(
            policiesEnabled: true, namespace: "vald", selectorKey: "app", components: components, externals: [],
            edges: meshEdges.sorted { ($0.from, $0.to) < ($1.from, $1.to) }, customIngress: [], customEgress: [])
    }

    /// One policy per component, as Vald's chart writes them (namespace left to `-n`).
    static var policies: [NetworkPolicy] {
        ids.sorted().map { id in
            let sources = edges.filter { $0.1 == id }.map { Build.pods(["app": names[$0.0]!]) }
                + (gateways.contains(id) ? [Build.namespace("kube-system")] : [])
            let destinations = edges.filter { $0.0 == id }.map { Build.pods(["app": names[$0.1]!]) }
            var egress = [PolicyRule(peers: [Build.namespace("kube-system")])]
            if !destinations.isEmpty { egress.insert(PolicyRule(peers: destinations), at: 0) }
            return Build.policy(
                "\(names[id]!)-allow", namespace: nil, selecting: ["app": names[id]!],
                ingress: sources.isEmpty ? [] : [PolicyRule(peers: sources)], egress: egress, component: id)
        }
    }
}
