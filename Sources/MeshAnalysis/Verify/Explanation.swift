import MeshModel

/// Why one flow is allowed or denied: every rule of every policy that selects the source (egress side) or the
/// destination (ingress side), with what each contributes to this pair.
public struct Explanation: Sendable, CustomStringConvertible {
    /// One rule of a policy that selects an endpoint of the flow.
    public struct RuleVerdict: Hashable, Sendable {
        public var policy: String
        public var namespace: String
        /// 1-based index among the policy's rules of this direction; `nil` when the policy has none.
        public var ruleNumber: Int?
        /// `to any`, `from pods app=x on TCP 8081`, ...
        public var ruleText: String
        /// Whether the rule's peers denote the other endpoint.
        public var peerMatches: Bool
        /// What the rule allows for this pair (empty when the peer does not match).
        public var ports: PortSet
        /// The first of the rule's peers that denotes the other endpoint (0-based); `nil` when none does or the rule
        /// names no peers.
        public var matchedPeer: Int? = nil
        /// The values entry the rule came from, when the policies were rendered from known values.
        public var source: ValuesOrigin? = nil

        /// `vald-agent-allow rule 2: to any`, or `vald-agent-allow: no egress rules`.
        public func reference(_ direction: PolicyType) -> String {
            let side = direction == .egress ? "egress" : "ingress"
            guard let ruleNumber else { return "\(side) of \(policy): no \(side) rules" }
            return "\(side) of \(policy) rule \(ruleNumber): \(ruleText)"
        }
    }

    /// One side of the flow.
    public struct Side: Sendable {
        public var direction: PolicyType
        /// The endpoint whose policies decide this side (the source for egress, the destination for ingress).
        public var endpoint: String
        /// Whether some policy isolates the endpoint in this direction.
        public var isolated: Bool
        public var verdicts: [RuleVerdict]
        /// What this side allows (everything when not isolated).
        public var allowed: PortSet
    }

    public var from: String
    public var to: String
    public var egress: Side
    public var ingress: Side
    /// What the flow is allowed on: egress ∩ ingress.
    public var allowed: PortSet { egress.allowed.intersection(ingress.allowed) }
    /// What the mesh intends for the flow, when a mesh was given.
    public var intended: PortSet?

    public var description: String {
        var lines = ["\(from) → \(to): \(Self.verdictText(allowed))"
            + (intended.map { ", intended \(Self.verdictText($0))" } ?? "")]
        for side in [egress, ingress] {
            let word = side.direction == .egress ? "egress" : "ingress"
            guard side.isolated else {
                lines.append("  \(word) of \(side.endpoint): not isolated (no policy selects it for \(side.direction.rawValue)): allowed")
                continue
            }
            lines.append("  \(word) of \(side.endpoint): \(Self.verdictText(side.allowed))")
            for verdict in side.verdicts {
                let effect: String
                if verdict.ruleNumber == nil {
                    effect = "isolates, allows nothing"
                } else if !verdict.peerMatches {
                    effect = "peer does not match"
                } else if verdict.ports.isEmpty {
                    effect = "peer matches, ports do not"
                } else {
                    effect = "allows \(verdict.ports)"
                }
                lines.append("    \(verdict.reference(side.direction)) — \(effect)" + (verdict.source.map { " (\($0))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `allowed`, `denied` or `allowed TCP 8081`.
    public static func verdictText(_ ports: PortSet) -> String {
        if ports.isAll { return "allowed" }
        if ports.isEmpty { return "denied" }
        return "allowed \(ports)"
    }
}

extension EffectiveConnectivity {
    /// Explains the flow between two inventory endpoints (indices into `inventory.endpoints`).
    public func explain(from source: Int, to destination: Int, intended: PortSet? = nil) -> Explanation {
        let s = inventory.endpoints[source], d = inventory.endpoints[destination]
        func side(_ direction: PolicyType) -> Explanation.Side {
            let subject = direction == .egress ? s : d
            let other = direction == .egress ? d : s
            var verdicts: [Explanation.RuleVerdict] = []
            var isolated = false
            for policy in policies where policy.selects(subject) {
                let isolates = direction == .egress ? policy.isolatesEgress : policy.isolatesIngress
                guard isolates else { continue }
                isolated = true
                let rules = direction == .egress ? policy.egressRules : policy.ingressRules
                if rules.isEmpty {
                    verdicts.append(
                        .init(policy: policy.name, namespace: policy.namespace, ruleNumber: nil, ruleText: "",
                              peerMatches: false, ports: .empty))
                }
                for (index, rule) in rules.enumerated() {
                    let matches = rule.matchesPeer(other, policyNamespace: policy.namespace)
                    let ports = matches ? PortSet.from(rule.ports, namedPorts: d.namedPorts) : .empty
                    verdicts.append(
                        .init(policy: policy.name, namespace: policy.namespace, ruleNumber: index + 1,
                              ruleText: rule.text(direction: direction), peerMatches: matches, ports: ports,
                              matchedPeer: rule.peers?.firstIndex { $0.matches(other, policyNamespace: policy.namespace) }))
                }
            }
            let allowed = isolated ? verdicts.reduce(PortSet.empty) { $0.union($1.ports) } : .all
            return .init(direction: direction, endpoint: subject.name, isolated: isolated, verdicts: verdicts, allowed: allowed)
        }
        return Explanation(from: s.name, to: d.name, egress: side(.egress), ingress: side(.ingress), intended: intended)
    }

    /// Explains the flow between two endpoints named as results name them (component, external or workload id,
    /// `kube-system`, a representative such as `vald/*`, an outside-world piece, or `outside-world` / `unrelated`).
    /// `intended` must have been computed over the same inventory.
    public func explain(from source: String, to destination: String, intended: IntendedConnectivity? = nil) throws(AnalysisError)
        -> Explanation
    {
        let names = inventory.endpoints.map(\.name)
        guard let s = inventory.index(resolving: source) else { throw .unknownEndpoint(source, known: names) }
        guard let d = inventory.index(resolving: destination) else { throw .unknownEndpoint(destination, known: names) }
        return explain(from: s, to: d, intended: intended?.map.ports(from: s, to: d))
    }
}
