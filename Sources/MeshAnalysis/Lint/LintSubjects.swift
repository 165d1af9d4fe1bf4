import MeshModel
import Diagnostics

/// What the lint rules look at: the policies (resolved, with their marks) and the workloads (as endpoints of the
/// analysis, so that selection and peer matching use the one NetworkPolicy semantics).
struct LintSubjects {
    struct Policy {
        let resolved: ResolvedPolicy
        let marks: PolicyMarks
        /// Its index in `policies`.
        let position: Int
        /// `ns/name`.
        var id: String { "\(resolved.namespace)/\(resolved.name)" }

        /// The rules that take effect in a direction, with their index in the manifest.
        func rules(_ direction: PolicyType) -> [(index: Int, rule: PolicyRule)] {
            Array((direction == .ingress ? resolved.ingressRules : resolved.egressRules).enumerated())
                .map { (index: $0.offset, rule: $0.element) }
        }
    }

    /// One rule of one policy, where the manifest has it.
    struct RuleSite {
        let policy: Policy
        let direction: PolicyType
        let index: Int
        let rule: PolicyRule
        /// `egress rule 2 of ns/name`.
        var name: String { "\(LintSubjects.ruleName(direction, index)) of \(policy.id)" }
    }

    /// One peer of a rule.
    struct PeerSite {
        let site: RuleSite
        let index: Int
        let peer: PolicyPeer
        var mark: Mark? { site.policy.marks.peer(site.direction, rule: site.index, peer: index) }
    }

    let policies: [Policy]

    /// Every rule that takes effect, policy by policy, ingress before egress.
    var ruleSites: [RuleSite] {
        policies.flatMap { policy in
            [PolicyType.ingress, .egress].flatMap { direction in
                policy.rules(direction).map { RuleSite(policy: policy, direction: direction, index: $0.index, rule: $0.rule) }
            }
        }
    }

    /// Every peer of every rule that takes effect.
    var peerSites: [PeerSite] {
        ruleSites.flatMap { site in (site.rule.peers ?? []).enumerated().map { PeerSite(site: site, index: $0.offset, peer: $0.element) } }
    }
    let workloads: [Workload]
    /// Each workload's pods as an endpoint of the analysis.
    let endpoints: [InventoryEndpoint]
    /// Namespaces that hold at least one workload of the input.
    let populatedNamespaces: Set<String>
    /// Workload indices per namespace.
    let workloadsByNamespace: [String: [Int]]
    /// Per policy, the indices of the workloads it selects.
    private let selection: [[Int]]
    let namespaceObjects: [String: [String: String]]
    let options: LintOptions

    init(objects: ManifestObjects, defaultNamespace: String, options: LintOptions) {
        policies = objects.policies.indices.map {
            Policy(
                resolved: ResolvedPolicy(objects.policies[$0], defaultNamespace: defaultNamespace),
                marks: objects.marks(ofPolicy: $0), position: $0)
        }
        workloads = objects.workloads
        namespaceObjects = objects.namespaces
        endpoints = objects.workloads.map { workload in
            var labels = objects.namespaces[workload.namespace] ?? [:]
            labels[namespaceNameLabelKey] = workload.namespace
            return InventoryEndpoint(
                name: workload.id, role: .workload(workload.id),
                address: .pod(namespace: workload.namespace, labels: workload.podLabels, namespaceLabels: labels),
                namedPorts: workload.namedPorts)
        }
        populatedNamespaces = Set(objects.workloads.map(\.namespace))
        var byNamespace: [String: [Int]] = [:]
        for (index, workload) in objects.workloads.enumerated() { byNamespace[workload.namespace, default: []].append(index) }
        workloadsByNamespace = byNamespace
        let endpoints = self.endpoints
        selection = policies.map { policy in
            (byNamespace[policy.resolved.namespace] ?? []).filter { policy.resolved.selects(endpoints[$0]) }
        }
        self.options = options
    }

    /// A finding's location from a mark.
    func location(_ mark: Mark?) -> LintLocation? { LintLocation(mark, withLines: options.sourceLines) }

    /// Indices of the workloads a policy selects.
    func selected(by policy: Policy) -> [Int] { selection[policy.position] }

    /// Indices of the workloads a peer of a rule in `namespace` denotes (ascending).
    func matched(by peer: PolicyPeer, policyNamespace namespace: String) -> [Int] {
        if peer.ipBlock != nil { return [] }
        let candidates: [Int]
        if let names = namespaces(of: peer, policyNamespace: namespace) {
            candidates = names.flatMap { workloadsByNamespace[$0] ?? [] }.sorted()
        } else {
            candidates = Array(endpoints.indices)
        }
        return candidates.filter { peer.matches(endpoints[$0], policyNamespace: namespace) }
    }

    /// The namespaces a pod peer can denote when they can be told from the peer alone (no namespaceSelector: the
    /// policy's; one pinned by `kubernetes.io/metadata.name`: those names); `nil` otherwise.
    func namespaces(of peer: PolicyPeer, policyNamespace namespace: String) -> Set<String>? {
        guard peer.ipBlock == nil else { return nil }
        guard let selector = peer.namespaceSelector else { return [namespace] }
        if let name = selector.matchLabels[namespaceNameLabelKey] { return [name] }
        for requirement in selector.matchExpressions where requirement.key == namespaceNameLabelKey && requirement.operator == .in {
            return Set(requirement.values)
        }
        return nil
    }

    /// Whether every pod the peer can denote lives in a namespace whose workloads the input holds, so that "matches
    /// no workload of the input" means "matches nothing".
    func peerIsWithinInput(_ peer: PolicyPeer, policyNamespace namespace: String) -> Bool {
        guard let names = namespaces(of: peer, policyNamespace: namespace) else { return false }
        return names.isSubset(of: populatedNamespaces)
    }

    /// Whether a rule's peers reach addresses outside the cluster (no peers, or an ipBlock).
    static func reachesOutsideWorld(_ rule: PolicyRule) -> Bool {
        rule.appliesToAnyone || (rule.peers ?? []).contains { $0.ipBlock != nil }
    }

    /// `ingress rule 2` (1-based, as people count).
    static func ruleName(_ direction: PolicyType, _ index: Int) -> String {
        "\(direction == .ingress ? "ingress" : "egress") rule \(index + 1)"
    }
}
