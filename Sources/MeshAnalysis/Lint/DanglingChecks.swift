import MeshModel

/// `dangling-policy` and `dangling-peer`: selectors that match no workload of the input. Run only when the input
/// holds workloads (policies alone say nothing about which pods exist), and only about namespaces whose workloads the
/// input holds.
enum DanglingChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        guard !s.workloads.isEmpty else { return [] }
        var out: [LintFinding] = []
        for policy in s.policies {
            let namespace = policy.resolved.namespace
            if s.populatedNamespaces.contains(namespace), s.selected(by: policy).isEmpty {
                out.append(LintFinding(
                    rule: .danglingPolicy,
                    message: "policy \(policy.id) selects no workload of the input (podSelector \(policy.resolved.policy.podSelector.text) in namespace \(namespace))",
                    subject: policy.id, location: s.location(policy.marks.policy)))
            }
        }
        for peer in s.peerSites {
            let namespace = peer.site.policy.resolved.namespace
            guard let pods = peer.peer.podSelector, s.peerIsWithinInput(peer.peer, policyNamespace: namespace),
                s.matched(by: peer.peer, policyNamespace: namespace).isEmpty
            else { continue }
            let names = s.namespaces(of: peer.peer, policyNamespace: namespace)?.sorted().joined(separator: ", ") ?? namespace
            out.append(LintFinding(
                rule: .danglingPeer,
                message: "\(peer.site.name) names pods \(pods.text) that no workload in namespace \(names) runs",
                subject: peer.site.policy.id, location: s.location(peer.mark)))
        }
        return out
    }
}
