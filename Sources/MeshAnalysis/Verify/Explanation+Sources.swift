import MeshModel

extension Explanation {
    /// The explanation with each rule of the built-in chart's policies naming the values entry it came from:
    /// `traces` are `MeshSpec.trace(values:)` of the values the policies were rendered from, keyed `namespace/name`.
    /// A rule matching the other endpoint through a peer names that peer's entry; any other, the rule's own.
    public func citingSources(_ traces: [String: PolicyTrace]) -> Explanation {
        func cite(_ side: Side) -> Side {
            var side = side
            for (i, verdict) in side.verdicts.enumerated() {
                guard let number = verdict.ruleNumber, let trace = traces[verdict.namespace + "/" + verdict.policy] else { continue }
                let rules = side.direction == .egress ? trace.egress : trace.ingress
                guard number - 1 < rules.count else { continue }
                side.verdicts[i].source = rules[number - 1].source(peer: verdict.matchedPeer)
            }
            return side
        }
        var result = self
        result.egress = cite(egress)
        result.ingress = cite(ingress)
        return result
    }
}
