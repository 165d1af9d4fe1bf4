import MeshModel

/// `ingress-from-world-unexposed` and `unknown-named-port`: rule ports checked against the container ports of the
/// workloads they apply to.
enum PortChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in s.policies {
            let subjects = s.selected(by: policy)
            for (index, rule) in policy.rules(.ingress) {
                out += unknownNamedPorts(s, policy, .ingress, index, rule, destinations: subjects, whose: "the pods it selects")
                if LintSubjects.reachesOutsideWorld(rule) {
                    out += unexposed(s, policy, index, rule, subjects: subjects)
                }
            }
            for (index, rule) in policy.rules(.egress) {
                let peers = rule.peers ?? []
                guard !peers.isEmpty,
                    peers.allSatisfy({ s.peerIsWithinInput($0, policyNamespace: policy.resolved.namespace) })
                else { continue }
                let destinations = Set(peers.flatMap { s.matched(by: $0, policyNamespace: policy.resolved.namespace) }).sorted()
                out += unknownNamedPorts(s, policy, .egress, index, rule, destinations: destinations, whose: "its peers' pods")
            }
        }
        return out
    }

    /// A named port none of the destination workloads declares (with that protocol); nothing when the rule applies
    /// to no workload of the input.
    private static func unknownNamedPorts(
        _ s: LintSubjects, _ policy: LintSubjects.Policy, _ direction: PolicyType, _ index: Int, _ rule: PolicyRule,
        destinations: [Int], whose: String
    ) -> [LintFinding] {
        guard !destinations.isEmpty else { return [] }
        var out: [LintFinding] = []
        for (portIndex, port) in (rule.ports ?? []).enumerated() {
            guard case .name(let name)? = port.port else { continue }
            let declared = destinations.contains { d in
                guard let binding = s.workloads[d].namedPorts[name] else { return false }
                return binding.proto.rawValue == port.effectiveProtocol
            }
            if declared { continue }
            let names = destinations.map { s.workloads[$0].id }.joined(separator: ", ")
            out.append(LintFinding(
                rule: .unknownNamedPort,
                message: "\(LintSubjects.ruleName(direction, index)) of \(policy.id) names port \"\(name)\" (\(port.effectiveProtocol)), which no container of \(whose) declares (\(names)): it allows nothing",
                subject: policy.id, location: s.location(policy.marks.port(direction, rule: index, port: portIndex))))
        }
        return out
    }

    /// Ports the rule opens to the outside world on a workload that exposes no such container port (only workloads
    /// that declare container ports are judged).
    private static func unexposed(
        _ s: LintSubjects, _ policy: LintSubjects.Policy, _ index: Int, _ rule: PolicyRule, subjects: [Int]
    ) -> [LintFinding] {
        var out: [LintFinding] = []
        for d in subjects {
            let workload = s.workloads[d]
            guard !workload.containerPorts.isEmpty else { continue }
            var exposed = PortSet()
            for port in workload.containerPorts {
                exposed = exposed.union(PortSet(port.proto, PortRangeSet([port.number...port.number])))
            }
            let allowed = PortSet.from(rule.ports, namedPorts: workload.namedPorts)
            let extra = allowed.subtracting(exposed)
            if extra.isEmpty { continue }
            let what = allowed.isAll ? "every port" : extra.description
            out.append(LintFinding(
                rule: .ingressFromWorldUnexposed,
                message: "\(LintSubjects.ruleName(.ingress, index)) of \(policy.id) admits the outside world to \(workload.id) on \(what), which none of its containers exposes (it exposes \(exposed))",
                subject: policy.id, location: s.location(policy.marks.rule(.ingress, index))))
        }
        return out
    }
}
