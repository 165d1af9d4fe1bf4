import MeshModel

/// `open-peer` and `egress-to-world-any-port`: rules that open a direction to everyone, or to the outside world on
/// every port.
enum OpenPeerChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in s.policies {
            for direction in [PolicyType.ingress, .egress] {
                for (index, rule) in policy.rules(direction) {
                    let name = "\(LintSubjects.ruleName(direction, index)) of \(policy.id)"
                    let everyone = direction == .ingress ? "from every pod and address" : "to every pod and address"
                    let ports = (rule.ports ?? []).isEmpty ? "on every port" : "on \((rule.ports ?? []).map(\.text).joined(separator: ", "))"
                    if rule.appliesToAnyone {
                        out.append(LintFinding(
                            rule: .openPeer, message: "\(name) has no peers: it allows connections \(everyone) \(ports)",
                            subject: policy.id, location: s.location(policy.marks.rule(direction, index))))
                    }
                    for (peerIndex, peer) in (rule.peers ?? []).enumerated() {
                        guard let what = openness(of: peer) else { continue }
                        out.append(LintFinding(
                            rule: .openPeer, message: "\(name) allows \(what) \(ports)", subject: policy.id,
                            location: s.location(policy.marks.peer(direction, rule: index, peer: peerIndex))))
                    }
                    if direction == .egress, (rule.ports ?? []).isEmpty, LintSubjects.reachesOutsideWorld(rule) {
                        out.append(LintFinding(
                            rule: .egressToWorldAnyPort,
                            message: "\(name) lets the pods the policy selects connect to the outside world on every port",
                            subject: policy.id, location: s.location(policy.marks.rule(direction, index))))
                    }
                }
            }
        }
        return out
    }

    /// What an open peer lets in or out, or `nil` when the peer is narrower than everyone.
    static func openness(of peer: PolicyPeer) -> String? {
        if let block = peer.ipBlock {
            guard block.cidr == "0.0.0.0/0" || block.cidr == "::/0" else { return nil }
            let except = (block.except ?? []).isEmpty ? "" : " but \((block.except ?? []).joined(separator: ", "))"
            return "every \(block.cidr == "::/0" ? "IPv6" : "IPv4") address\(except) (ipBlock \(block.cidr))"
        }
        guard let namespaces = peer.namespaceSelector, namespaces.isEmpty, peer.podSelector?.isEmpty ?? true else { return nil }
        return "every pod of every namespace (namespaceSelector: {})"
    }
}
