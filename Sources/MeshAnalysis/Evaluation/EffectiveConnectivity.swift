import MeshModel
import Platform

/// The connectivity that a set of NetworkPolicies gives over an inventory (Kubernetes semantics).
public struct EffectiveConnectivity: Sendable {
    /// The policies, namespace resolved and sorted by namespace and name.
    public let policies: [ResolvedPolicy]
    public let map: ConnectivityMap
    public var inventory: Inventory { map.inventory }

    /// Evaluates `policies` over `inventory`; policies without `metadata.namespace` belong to `defaultNamespace`.
    public init(policies: [NetworkPolicy], defaultNamespace: String, inventory: Inventory) {
        let resolved = ResolvedPolicy.sorted(policies, defaultNamespace: defaultNamespace)
        self.policies = resolved
        var map = ConnectivityMap(inventory: inventory)
        map.applyMatchingInParallel(resolved)
        self.map = map
    }

    /// Convenience: the inventory inferred from the policies themselves.
    public init(policies: [NetworkPolicy], defaultNamespace: String) {
        self.init(
            policies: policies, defaultNamespace: defaultNamespace,
            inventory: Inventory(policies: policies, defaultNamespace: defaultNamespace))
    }
}

extension ConnectivityMap {
    /// Adds what `policies` isolate and allow. Policies are additive, so the map of a set of policies is the map of
    /// any part of it with the rest applied on top.
    ///
    /// With a `focus`, rule entries of pairs outside it are left out: the map is then exact on the focused pairs and
    /// on every group's isolation and rules towards / from anyone, which is what `groupPorts` reads for them.
    mutating func apply(_ policies: [ResolvedPolicy], matcher: PeerMatcher, focus: PairFocus? = nil) {
        for policy in policies { apply(policy, PolicyMatch(policy, matcher: matcher), focus: focus) }
    }

    /// `apply(_:matcher:focus:)`, the groups the policies' selectors denote found on every core (each with a matcher
    /// of its own) before they are added in order.
    mutating func applyMatchingInParallel(_ policies: [ResolvedPolicy], focus: PairFocus? = nil) {
        let parts = min(Parallel.cores, max(1, policies.count / Self.policiesPerCore))
        let bounds = (0...parts).map { $0 * policies.count / parts }
        let groups = inventory.groups
        let matched = Parallel.map(parts) { part in
            let matcher = PeerMatcher(groups: groups)
            return policies[bounds[part]..<bounds[part + 1]].map { PolicyMatch($0, matcher: matcher) }
        }
        for (policy, match) in zip(policies, matched.joined()) { apply(policy, match, focus: focus) }
    }

    /// Below this many policies per core, matching stays on the caller's thread.
    static let policiesPerCore = 512

    private mutating func apply(_ policy: ResolvedPolicy, _ match: PolicyMatch, focus: PairFocus?) {
        let groups = inventory.groups
        let subjects = match.subjects
        if subjects.isEmpty { return }
        for s in subjects {
            if policy.isolatesIngress { ingressIsolated[s] = true }
            if policy.isolatesEgress { egressIsolated[s] = true }
        }
        // Subjects whose every pair is needed (all of them without a focus).
        let focusedSubjects = focus.map { focus in subjects.filter { focus.isSource($0) } } ?? subjects
        for (rule, destinations) in zip(policy.egressRules, match.egress) {
            guard let destinations else {
                for s in subjects { allowEgressToAnyone(from: s, rule.ports) }
                continue
            }
            for d in destinations {
                let sources = (focus?.isDestination(d) ?? true) ? subjects : focusedSubjects
                if sources.isEmpty { continue }
                let ports = PortSet.from(rule.ports, namedPorts: groups[d].namedPorts)
                for s in sources { allowEgress(from: s, to: d, ports) }
            }
        }
        for (rule, sources) in zip(policy.ingressRules, match.ingress) {
            guard let sources else {
                for d in subjects { allowIngressFromAnyone(to: d, rule.ports) }
                continue
            }
            let focusedSources = focus.map { focus in sources.filter { focus.isSource($0) } } ?? sources
            for d in subjects {
                let allowed = (focus?.isDestination(d) ?? true) ? sources : focusedSources
                if allowed.isEmpty { continue }
                let ports = PortSet.from(rule.ports, namedPorts: groups[d].namedPorts)
                for s in allowed { allowIngress(to: d, from: s, ports) }
            }
        }
    }
}

/// The groups a policy's selectors denote: the pods it selects and, per rule that takes effect, the groups its peers
/// denote (`nil` for a rule without peers: towards / from anyone). Nothing past the subjects when it selects none.
struct PolicyMatch: Sendable {
    var subjects: [Int]
    var egress: [[Int]?] = []
    var ingress: [[Int]?] = []

    init(_ policy: ResolvedPolicy, matcher: PeerMatcher) {
        subjects = matcher.selected(by: policy.policy.podSelector, in: policy.namespace)
        if subjects.isEmpty { return }
        func peers(_ rule: PolicyRule) -> [Int]? {
            rule.appliesToAnyone ? nil : matcher.matching(rule.peers ?? [], namespace: policy.namespace)
        }
        egress = policy.egressRules.map(peers)
        ingress = policy.ingressRules.map(peers)
    }
}
