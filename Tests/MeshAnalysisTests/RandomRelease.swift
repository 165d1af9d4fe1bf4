import MeshModel
import YAML

@testable import MeshAnalysis

/// A random release of plain manifests — namespaces with labels, pods with labels and named container ports, and
/// NetworkPolicies using every part of the API — and a next release derived from it by the edits a chart upgrade
/// makes: a policy deleted, a type dropped, a peer's selector emptied, a policy moved off its pods, ports widened or
/// narrowed, a rule added, pod labels changed, a deny-all policy added, every policy deleted (policies switched off),
/// a pod removed together with its policy.
struct RandomRelease {
    /// Namespace name -> its labels (`kubernetes.io/metadata.name` included).
    var namespaces: [String: [String: String]]
    /// Pods `p0`, `p1`, … in index order.
    var pods: [Workload]
    var policies: [NetworkPolicy]

    /// The release as meshrender reads it from the very documents nca is given: the pod list, the namespace list and
    /// the policies.
    func objectsAsRead() throws -> ManifestObjects {
        let documents = [NCA.podList(podInventory), NCA.namespaceList(podInventory)] + policies.map(NCA.json)
        return try ManifestObjects.read(YAMLParser().parseAll(documents.joined(separator: "\n---\n"), file: "release.yaml"))
    }

    /// Exactly the pods, as the inventory nca is given: pod `p<i>` is endpoint `i`.
    var podInventory: Inventory {
        Inventory(endpoints: pods.map { pod in
            InventoryEndpoint(
                name: pod.id, role: .workload(pod.id),
                address: .pod(namespace: pod.namespace, labels: pod.podLabels, namespaceLabels: namespaces[pod.namespace] ?? [:]),
                namedPorts: pod.namedPorts)
        })
    }

    static let labelValues = ["app": ["web", "api", "db", "cache"], "tier": ["front", "back"], "role": ["x", "y"]]
    static let namespaceLabelValues = ["env": ["prod", "dev"], "team": ["a", "b"]]
    /// Named container ports a pod may declare; `http` is 8080 on some pods and 8081 on others.
    static let portNames = ["http", "metrics", "dns", "grpc"]
    /// The named ports policies use: every name pods declare, and one no pod declares.
    static let policyPortNames = portNames + ["admin"]

    /// An edit `perturb` may make.
    enum Edit: String, CaseIterable {
        case deletePolicy, dropPolicyType, emptyPeerPodSelector, emptyPeerNamespaceSelector, movePodSelectorOff
        case widenPorts, narrowPorts, addRule, changePodLabels, addDenyAll, deleteAllPolicies
    }

    // MARK: generating

    static func make(_ rng: inout SeededGenerator) -> RandomRelease {
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
        let names = Array(["alpha", "beta", "gamma"].prefix(Int.random(in: 2...3, using: &rng)))
        var namespaces: [String: [String: String]] = [:]
        for name in names {
            var labels = [namespaceNameLabelKey: name]
            for (key, values) in namespaceLabelValues.sorted(by: { $0.key < $1.key }) where chance(70) {
                labels[key] = values.randomElement(using: &rng)!
            }
            namespaces[name] = labels
        }
        var pods: [Workload] = []
        let count = Int.random(in: 4...8, using: &rng)
        for index in 0..<count {
            // Every namespace has a pod; the last pod shares the first pod's namespace (so it can be removed).
            let namespace = index < names.count ? names[index] : index == count - 1 ? names[0] : names.randomElement(using: &rng)!
            var labels: [String: String] = [:]
            for (key, values) in labelValues.sorted(by: { $0.key < $1.key }) where chance(key == "app" ? 85 : 50) {
                labels[key] = values.randomElement(using: &rng)!
            }
            var ports: [String: NamedPortBinding] = [:]
            if chance(70) { ports["http"] = NamedPortBinding(proto: .tcp, number: chance(50) ? 8080 : 8081) }
            if chance(40) { ports["metrics"] = NamedPortBinding(proto: .tcp, number: 9090) }
            if chance(25) { ports["dns"] = NamedPortBinding(proto: .udp, number: 53) }
            if chance(25) { ports["grpc"] = NamedPortBinding(proto: .sctp, number: 9000) }
            pods.append(Workload(kind: "Pod", name: NCA.podName(index), namespace: namespace, podLabels: labels, namedPorts: ports))
        }
        var release = RandomRelease(namespaces: namespaces, pods: pods, policies: [])
        for index in 0..<Int.random(in: 3...8, using: &rng) {
            release.policies.append(release.policy(named: "np-\(index)", &rng))
        }
        return release
    }

    func chance(_ percent: Int, _ rng: inout SeededGenerator) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    /// A selector over `values`: labels, expressions (every operator), or both.
    func selector(_ values: [String: [String]], _ rng: inout SeededGenerator) -> LabelSelector {
        let keys = values.keys.sorted()
        var selector = LabelSelector()
        let key = keys.randomElement(using: &rng)!
        let value = values[key]!.randomElement(using: &rng)!
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: selector.matchLabels[key] = value
        case 2: selector.matchExpressions = [LabelRequirement(key: key, operator: .in, values: Array(values[key]!.shuffled(using: &rng).prefix(2)))]
        case 3: selector.matchExpressions = [LabelRequirement(key: key, operator: .notIn, values: [value])]
        case 4: selector.matchExpressions = [LabelRequirement(key: key, operator: chance(50, &rng) ? .exists : .doesNotExist)]
        default:
            selector.matchLabels[key] = value
            let other = keys.randomElement(using: &rng)!
            selector.matchExpressions = [LabelRequirement(key: other, operator: .exists)]
        }
        return selector
    }

    func podSelector(_ rng: inout SeededGenerator) -> LabelSelector {
        chance(15, &rng) ? LabelSelector() : selector(Self.labelValues, &rng)
    }

    func namespaceSelector(_ rng: inout SeededGenerator) -> LabelSelector {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return LabelSelector()
        case 1: return LabelSelector(matchLabels: [namespaceNameLabelKey: namespaces.keys.sorted().randomElement(using: &rng)!])
        default: return selector(Self.namespaceLabelValues, &rng)
        }
    }

    func peer(_ rng: inout SeededGenerator) -> PolicyPeer {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1, 2: return PolicyPeer(podSelector: podSelector(&rng))
        case 3, 4: return PolicyPeer(namespaceSelector: namespaceSelector(&rng))
        case 5, 6: return PolicyPeer(podSelector: podSelector(&rng), namespaceSelector: namespaceSelector(&rng))
        case 7: return chance(50, &rng) ? PolicyPeer(podSelector: LabelSelector()) : PolicyPeer(namespaceSelector: LabelSelector())
        case 8: return PolicyPeer(ipBlock: IPBlock(cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "192.168.0.0/16"]))
        default: return PolicyPeer(ipBlock: IPBlock(cidr: "10.0.0.0/8", except: chance(50, &rng) ? ["10.244.0.0/16"] : nil))
        }
    }

    func port(_ rng: inout SeededGenerator) -> PolicyPort {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0, 1: return PolicyPort(port: .number([53, 80, 8080, 8081, 9090, 9000].randomElement(using: &rng)!))
        case 2: return PolicyPort(protocol: "UDP", port: .number(chance(50, &rng) ? 53 : 8080))
        case 3: return PolicyPort(protocol: "SCTP", port: .number(9000))
        case 4:
            let start = [8000, 8080, 9000].randomElement(using: &rng)!
            return PolicyPort(protocol: chance(70, &rng) ? "TCP" : "UDP", port: .number(start), endPort: start + Int.random(in: 0...100, using: &rng))
        case 5, 6:
            let name = Self.policyPortNames.randomElement(using: &rng)!
            return PolicyPort(protocol: name == "dns" ? "UDP" : name == "grpc" && chance(70, &rng) ? "SCTP" : nil, port: .name(name))
        case 7: return PolicyPort(protocol: ["TCP", "UDP", "SCTP"].randomElement(using: &rng)!)
        default: return PolicyPort(port: .number(Int.random(in: 1...65535, using: &rng)))
        }
    }

    func rule(_ rng: inout SeededGenerator) -> PolicyRule {
        var rule = PolicyRule()
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: break
        case 1: rule.peers = []
        default: rule.peers = (0..<Int.random(in: 1...2, using: &rng)).map { _ in peer(&rng) }
        }
        if !chance(30, &rng) { rule.ports = (0..<Int.random(in: 1...3, using: &rng)).map { _ in port(&rng) } }
        return rule
    }

    func rules(_ rng: inout SeededGenerator) -> [PolicyRule] {
        (0..<Int.random(in: 0...2, using: &rng)).map { _ in rule(&rng) }
    }

    func policy(named name: String, _ rng: inout SeededGenerator) -> NetworkPolicy {
        var policy = NetworkPolicy(
            name: name, namespace: namespaces.keys.sorted().randomElement(using: &rng)!, podSelector: podSelector(&rng),
            policyTypes: [], ingress: nil, egress: nil)
        // policyTypes absent (the API's default applies), or each combination; rules only of a listed direction.
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            if chance(80, &rng) { policy.ingress = rules(&rng) }
            if chance(50, &rng) { policy.egress = rules(&rng) }
        case 1: policy.policyTypes = [.ingress]
        case 2: policy.policyTypes = [.egress]
        default: policy.policyTypes = [.ingress, .egress]
        }
        if policy.policyTypes.contains(.ingress), chance(85, &rng) { policy.ingress = rules(&rng) }
        if policy.policyTypes.contains(.egress), chance(85, &rng) { policy.egress = rules(&rng) }
        return policy
    }

    // MARK: deriving the next release

    /// Applies one random edit; `false` when it found nothing to edit.
    mutating func perturb(_ edit: Edit, _ rng: inout SeededGenerator) -> Bool {
        guard !policies.isEmpty || [.changePodLabels, .addDenyAll].contains(edit) else { return false }
        let p = policies.isEmpty ? 0 : Int.random(in: 0..<policies.count, using: &rng)
        switch edit {
        case .deleteAllPolicies:
            policies.removeAll()
        case .addDenyAll:
            let types: [[PolicyType]] = [[.ingress], [.egress], [.ingress, .egress]]
            policies.append(NetworkPolicy(
                name: "deny-all-\(policies.count)", namespace: namespaces.keys.sorted().randomElement(using: &rng)!,
                podSelector: LabelSelector(), policyTypes: types.randomElement(using: &rng)!, ingress: nil, egress: nil))
        case .deletePolicy:
            policies.remove(at: p)
        case .dropPolicyType:
            // The effective types less one; that direction's rules go with it (nca refuses rules of an unlisted type).
            let types = ResolvedPolicy(policies[p], defaultNamespace: "")
            var effective: [PolicyType] = []
            if types.isolatesIngress { effective.append(.ingress) }
            if types.isolatesEgress { effective.append(.egress) }
            guard effective.count == 2 else { return false }
            let dropped = effective.randomElement(using: &rng)!
            policies[p].policyTypes = effective.filter { $0 != dropped }
            if dropped == .ingress { policies[p].ingress = nil } else { policies[p].egress = nil }
        case .emptyPeerPodSelector, .emptyPeerNamespaceSelector:
            var places: [(egress: Bool, rule: Int, peer: Int)] = []
            for (egress, rules) in [(false, policies[p].ingress ?? []), (true, policies[p].egress ?? [])] {
                for (r, rule) in rules.enumerated() {
                    for (q, peer) in (rule.peers ?? []).enumerated() where peer.ipBlock == nil {
                        let selector = edit == .emptyPeerPodSelector ? peer.podSelector : peer.namespaceSelector
                        if selector != LabelSelector() { places.append((egress, r, q)) }
                    }
                }
            }
            guard let place = places.randomElement(using: &rng) else { return false }
            // An absent namespaceSelector next to a podSelector becomes `{}`: those pods in any namespace.
            let pods = edit == .emptyPeerPodSelector
            func apply(_ rules: inout [PolicyRule]?) {
                if pods {
                    rules![place.rule].peers![place.peer].podSelector = LabelSelector()
                } else {
                    rules![place.rule].peers![place.peer].namespaceSelector = LabelSelector()
                }
            }
            if place.egress { apply(&policies[p].egress) } else { apply(&policies[p].ingress) }
        case .movePodSelectorOff:
            policies[p].podSelector = LabelSelector(matchLabels: ["app": "retired"])
        case .widenPorts, .narrowPorts:
            var places: [(egress: Bool, rule: Int)] = []
            for (egress, rules) in [(false, policies[p].ingress ?? []), (true, policies[p].egress ?? [])] {
                for (r, rule) in rules.enumerated() where edit == .widenPorts || rule.ports?.isEmpty == false || rule.ports == nil {
                    places.append((egress, r))
                }
            }
            guard let place = places.randomElement(using: &rng) else { return false }
            var rule = place.egress ? policies[p].egress![place.rule] : policies[p].ingress![place.rule]
            if edit == .widenPorts {
                if rule.ports == nil || chance(40, &rng) {
                    rule.ports = (rule.ports ?? []) + [port(&rng)]
                } else if chance(50, &rng) {
                    rule.ports = nil
                } else {
                    let i = Int.random(in: 0..<rule.ports!.count, using: &rng)
                    if case .number(let n)? = rule.ports![i].port { rule.ports![i].endPort = max(rule.ports![i].endPort ?? n, n) + 50 }
                    else { rule.ports![i] = PolicyPort(protocol: rule.ports![i].protocol) }
                }
            } else if rule.ports == nil {
                rule.ports = [port(&rng)]
            } else {
                rule.ports!.remove(at: Int.random(in: 0..<rule.ports!.count, using: &rng))
                if rule.ports!.isEmpty { rule.ports = [PolicyPort(port: .number(1))] }
            }
            if place.egress { policies[p].egress![place.rule] = rule } else { policies[p].ingress![place.rule] = rule }
        case .addRule:
            let types = ResolvedPolicy(policies[p], defaultNamespace: "")
            let egress = policies[p].policyTypes.isEmpty ? chance(50, &rng) : !types.isolatesIngress || (types.isolatesEgress && chance(50, &rng))
            if egress { policies[p].egress = (policies[p].egress ?? []) + [rule(&rng)] } else { policies[p].ingress = (policies[p].ingress ?? []) + [rule(&rng)] }
        case .changePodLabels:
            let i = Int.random(in: 0..<pods.count, using: &rng)
            let key = Self.labelValues.keys.sorted().randomElement(using: &rng)!
            if pods[i].podLabels[key] != nil && chance(40, &rng) {
                pods[i].podLabels[key] = nil
            } else {
                pods[i].podLabels[key] = Self.labelValues[key]!.filter { $0 != pods[i].podLabels[key] }.randomElement(using: &rng)!
            }
        }
        return true
    }

    /// The same release, the same connectivity in Kubernetes, written around two places where nca 2.1.0 reads
    /// NetworkPolicy otherwise than Kubernetes does:
    /// - a peer that combines a `namespaceSelector` with a `podSelector` requirement `Exists` or `DoesNotExist`: nca
    ///   evaluates it in the policy's own namespace only (`{podSelector: {matchExpressions: [{key: tier, operator:
    ///   Exists}]}, namespaceSelector: {}}` in namespace beta does not reach a `tier: front` pod in alpha, while `tier
    ///   In (front)` does). The requirement is written as `In` / `NotIn` over every value the generator uses.
    /// - `egress: []` without `policyTypes`: Kubernetes adds `Egress` to the default types only for a non-empty
    ///   `egress` list (`len(spec.Egress) != 0`), nca for any `egress` key. The empty list is left out.
    var avoidingNCAGaps: RandomRelease {
        func rewrite(_ selector: LabelSelector) -> LabelSelector {
            var result = selector
            result.matchExpressions = selector.matchExpressions.map { requirement in
                let values = Self.labelValues[requirement.key] ?? []
                switch requirement.operator {
                case .exists: return LabelRequirement(key: requirement.key, operator: .in, values: values)
                case .doesNotExist: return LabelRequirement(key: requirement.key, operator: .notIn, values: values)
                case .in, .notIn: return requirement
                }
            }
            return result
        }
        func rewrite(_ rules: [PolicyRule]?) -> [PolicyRule]? {
            rules?.map { rule in
                var rule = rule
                rule.peers = rule.peers?.map { peer in
                    var peer = peer
                    if let pods = peer.podSelector, peer.namespaceSelector != nil { peer.podSelector = rewrite(pods) }
                    return peer
                }
                return rule
            }
        }
        var result = self
        for index in result.policies.indices {
            result.policies[index].ingress = rewrite(result.policies[index].ingress)
            result.policies[index].egress = rewrite(result.policies[index].egress)
            if result.policies[index].policyTypes.isEmpty, result.policies[index].egress?.isEmpty == true {
                result.policies[index].egress = nil
            }
        }
        return result
    }

    /// Removes the last pod and one policy selecting it (if any).
    mutating func removeLastPod() {
        let pod = pods.removeLast()
        if let index = policies.firstIndex(where: { $0.namespace == pod.namespace && $0.podSelector.matches(pod.podLabels) }) {
            policies.remove(at: index)
        }
    }
}
