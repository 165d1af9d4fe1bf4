import MeshModel

/// `open-peer` and `egress-to-world-any-port`: rules that open a direction to everyone, or to the outside world on
/// every port.
enum OpenPeerChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        var out: [LintFinding] = []
        for site in s.ruleSites {
            let rule = site.rule, ports = rule.ports ?? []
            let portsText = ports.isEmpty ? "on every port" : "on \(ports.map(\.text).joined(separator: ", "))"
            let ruleLocation = s.location(site.policy.marks.rule(site.direction, site.index))
            if rule.appliesToAnyone {
                let everyone = site.direction == .ingress ? "from every pod and address" : "to every pod and address"
                out.append(LintFinding(
                    rule: .openPeer, message: "\(site.name) has no peers: it allows connections \(everyone) \(portsText)",
                    subject: site.policy.id, location: ruleLocation))
            }
            if site.direction == .egress, ports.isEmpty, LintSubjects.reachesOutsideWorld(rule) {
                out.append(LintFinding(
                    rule: .egressToWorldAnyPort,
                    message: "\(site.name) lets the pods the policy selects connect to the outside world on every port",
                    subject: site.policy.id, location: ruleLocation))
            }
        }
        for peer in s.peerSites {
            guard let what = openness(of: peer.peer) else { continue }
            let ports = peer.site.rule.ports ?? []
            let portsText = ports.isEmpty ? "on every port" : "on \(ports.map(\.text).joined(separator: ", "))"
            out.append(LintFinding(
                rule: .openPeer, message: "\(peer.site.name) allows \(what) \(portsText)", subject: peer.site.policy.id,
                location: s.location(peer.mark)))
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
