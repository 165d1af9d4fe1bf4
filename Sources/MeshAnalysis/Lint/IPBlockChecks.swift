import MeshModel

/// `ipblock-covers-pods`: ipBlocks meant for addresses outside the cluster that overlap its pod or service ranges
/// (Kubernetes leaves it to the network plugin whether such a block matches pod traffic).
enum IPBlockChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        let ranges = s.options.podCIDRs.map { ($0, "pod") } + s.options.serviceCIDRs.map { ($0, "service") }
        guard !ranges.isEmpty else { return [] }
        var out: [LintFinding] = []
        for peer in s.peerSites {
            // An ipBlock of every address is open-peer's finding already.
            guard let block = peer.peer.ipBlock, OpenPeerChecks.openness(of: peer.peer) == nil,
                let matcher = IPBlockMatcher(cidr: block.cidr, except: block.except)
            else { continue }
            for (range, kind) in ranges {
                guard let overlap = overlap(matcher.cidr, range), !matcher.excepts.contains(where: { covers($0, overlap) })
                else { continue }
                let part = overlap == range ? "the \(kind) range \(range)" : "\(overlap), part of the \(kind) range \(range)"
                out.append(LintFinding(
                    rule: .ipBlockCoversPods,
                    message: "\(peer.site.name): ipBlock \(block.cidr) covers \(part): whether it matches pod traffic is up to the network plugin",
                    subject: peer.site.policy.id, location: s.location(peer.mark)))
            }
        }
        return out
    }

    /// The common part of two CIDR blocks (the smaller one, when one holds the other), or `nil`.
    static func overlap(_ a: CIDR, _ b: CIDR) -> CIDR? {
        guard a.isIPv4 == b.isIPv4 else { return nil }
        if covers(a, b) { return b }
        if covers(b, a) { return a }
        return nil
    }

    /// Whether `outer` holds every address of `inner`.
    static func covers(_ outer: CIDR, _ inner: CIDR) -> Bool {
        outer.isIPv4 == inner.isIPv4 && outer.prefixLength <= inner.prefixLength && outer.contains(inner.first)
    }
}
