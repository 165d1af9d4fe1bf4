import MeshModel

/// A small deterministic random number generator (SplitMix64), so that every property-test run sees the same meshes.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random meshes exercising every feature of the values contract: components with default or explicit labels,
/// in the mesh's or another namespace, with declared ports, with their policy switched off, every kube-system
/// access mode, externals of every kind, edges with and without ports, custom rules.
enum RandomMesh {
    static func make(seed: UInt64, components count: Int? = nil, namedPorts: Bool = true) -> MeshSpec {
        var rng = SeededGenerator(seed: seed)
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
        func ports() -> [PolicyPort] {
            var list: [PolicyPort] = []
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: list.append(PolicyPort(port: .number(Int.random(in: 1000...9000, using: &rng))))
                case 1: list.append(PolicyPort(protocol: "UDP", port: .number(Int.random(in: 1...200, using: &rng))))
                case 2:
                    let start = Int.random(in: 2000...3000, using: &rng)
                    list.append(PolicyPort(protocol: "TCP", port: .number(start), endPort: start + Int.random(in: 0...50, using: &rng)))
                case 3: list.append(namedPorts ? PolicyPort(port: .name("http")) : PolicyPort(protocol: "SCTP", port: .number(7)))
                default: list.append(PolicyPort(protocol: "TCP", port: .number(8080)))
                }
            }
            return list
        }
        let namespace = "mesh"
        let n = count ?? Int.random(in: 2...9, using: &rng)
        var components: [Component] = []
        for i in 0..<n {
            let id = "c\(i)"
            let explicit = chance(20)
            components.append(Component(
                id: id, name: "svc-\(i)", labels: explicit ? ["app.kubernetes.io/name": "svc-\(i)", "tier": "t\(i % 2)"] : ["app": "svc-\(i)"],
                namespace: chance(15) ? "other" : namespace, ports: chance(30) ? ports() : [],
                policyEnabled: !chance(10),
                kubeSystemEgress: [KubeSystemEgress.namespace, .dns, .none][Int.random(in: 0..<3, using: &rng)],
                kubeSystemIngress: chance(30),
                customIngress: chance(10) ? [PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchLabels: ["app": "svc-0"]))], ports: ports())] : [],
                customEgress: chance(10) ? [PolicyRule(peers: [PolicyPeer(ipBlock: IPBlock(cidr: "203.0.113.0/24"))])] : []))
        }
        var externals: [ExternalPeer] = []
        if chance(50) { externals.append(ExternalPeer(id: "otel", kind: .pods(namespace: "monitoring", labels: ["app.kubernetes.io/name": "otel"]), ports: chance(50) ? [PolicyPort(port: .number(4317))] : [])) }
        if chance(40) { externals.append(ExternalPeer(id: "monitoring", kind: .namespace("monitoring"))) }
        if chance(40) { externals.append(ExternalPeer(id: "tenants", kind: .namespaceLabels(["tier": "tenant"]))) }
        if chance(50) { externals.append(ExternalPeer(id: "internet", kind: .ipBlock(IPBlock(cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "192.168.0.0/16"])))) }
        if chance(40) { externals.append(ExternalPeer(id: "anyone", kind: .anywhere)) }
        if chance(30) { externals.append(ExternalPeer(id: "sidecar", kind: .pods(namespace: nil, labels: ["role": "sidecar"]))) }
        externals.sort { $0.id < $1.id }

        var endpoints = components.map { Endpoint.component($0.id) } + externals.map { Endpoint.external($0.id) } + [.kubeSystem]
        endpoints.sort()
        var edges: [Edge] = []
        var seen: Set<[Endpoint]> = []
        let edgeCount = Int.random(in: 0...(n * 3), using: &rng)
        for _ in 0..<edgeCount {
            let from = endpoints.randomElement(using: &rng)!, to = endpoints.randomElement(using: &rng)!
            guard from != to, !(from == .kubeSystem && to == .kubeSystem) else { continue }
            // At least one side is a component (an edge between two non-components renders nothing).
            guard case .component = from else {
                guard case .component = to else { continue }
                if seen.insert([from, to]).inserted { edges.append(Edge(from: from, to: to, ports: chance(40) ? ports() : nil)) }
                continue
            }
            if seen.insert([from, to]).inserted { edges.append(Edge(from: from, to: to, ports: chance(40) ? ports() : nil)) }
        }
        edges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        return MeshSpec(
            policiesEnabled: !chance(3), namespace: namespace, selectorKey: "app", components: components, externals: externals,
            edges: edges,
            customIngress: chance(15) ? [PolicyRule(peers: [PolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["tier": "tenant"]))])] : [],
            customEgress: chance(15) ? [PolicyRule(peers: [PolicyPeer(podSelector: LabelSelector(matchLabels: ["role": "sidecar"]))], ports: [PolicyPort(port: .number(9000))])] : [])
    }
}
