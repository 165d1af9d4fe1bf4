import MeshModel

/// `non-isolated-ingress`, `non-isolated-egress` and `namespace-without-default-deny`: pods no policy isolates.
enum IsolationChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        var out: [LintFinding] = []
        var ingressIsolated = Array(repeating: false, count: s.workloads.count)
        var egressIsolated = ingressIsolated
        for policy in s.policies {
            for index in s.selected(by: policy) {
                if policy.resolved.isolatesIngress { ingressIsolated[index] = true }
                if policy.resolved.isolatesEgress { egressIsolated[index] = true }
            }
        }
        for (index, workload) in s.workloads.enumerated() {
            let location = s.location(workload.mark)
            if !ingressIsolated[index] {
                out.append(LintFinding(
                    rule: .nonIsolatedIngress,
                    message: "no NetworkPolicy isolates \(workload.id) for ingress: any pod or address may connect to its pods",
                    subject: workload.id, location: location))
            }
            if !egressIsolated[index] {
                out.append(LintFinding(
                    rule: .nonIsolatedEgress,
                    message: "no NetworkPolicy isolates \(workload.id) for egress: its pods may connect to anything",
                    subject: workload.id, location: location))
            }
        }
        for namespace in s.populatedNamespaces.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let selectingAll = s.policies.filter { $0.resolved.namespace == namespace && $0.resolved.policy.podSelector.isEmpty }
            let ingress = selectingAll.contains(where: \.resolved.isolatesIngress)
            let egress = selectingAll.contains(where: \.resolved.isolatesEgress)
            if ingress && egress { continue }
            let missing = ingress ? "egress" : egress ? "ingress" : "ingress and egress"
            let running = (s.workloadsByNamespace[namespace] ?? []).map { s.workloads[$0] }
            let others = running.count > 1 ? " and \(running.count - 1) more workload\(running.count > 2 ? "s" : "")" : ""
            out.append(LintFinding(
                rule: .namespaceWithoutDefaultDeny,
                message: "namespace \(namespace), where \(running[0].id)\(others) run\(others.isEmpty ? "s" : ""), has no default deny for \(missing): no policy with `podSelector: {}` isolates all its pods that way",
                subject: namespace, location: s.location(running[0].mark)))
        }
        return out
    }
}
