import MeshModel
import Diagnostics
import YAML

/// Where a NetworkPolicy and its parts were written: kept beside the policy (not in it, so that policies read from
/// different files still compare equal) for findings that name file:line.
public struct PolicyMarks: Sendable {
    /// Where the policy's document starts.
    public var policy: Mark?
    /// One entry per `spec.ingress` rule, in order.
    public var ingress: [RuleMarks]
    /// One entry per `spec.egress` rule, in order.
    public var egress: [RuleMarks]

    /// Marks as values (none known by default).
    public init(policy: Mark? = nil, ingress: [RuleMarks] = [], egress: [RuleMarks] = []) {
        self.policy = policy
        self.ingress = ingress
        self.egress = egress
    }

    /// The marks of a NetworkPolicy document.
    public init(_ node: Node) {
        let spec = node["spec"]
        self.init(
            policy: node.mark,
            ingress: (spec?["ingress"]?.sequence ?? []).map { RuleMarks($0, peersKey: "from") },
            egress: (spec?["egress"]?.sequence ?? []).map { RuleMarks($0, peersKey: "to") })
    }

    /// The rules' marks of one direction.
    public func rules(_ direction: PolicyType) -> [RuleMarks] { direction == .ingress ? ingress : egress }

    /// The mark of rule `index` of a direction, else the policy's.
    public func rule(_ direction: PolicyType, _ index: Int) -> Mark? {
        let list = rules(direction)
        return index < list.count ? list[index].rule ?? policy : policy
    }

    /// The mark of peer `peer` of rule `index`, else the rule's.
    public func peer(_ direction: PolicyType, rule index: Int, peer: Int) -> Mark? {
        let list = rules(direction)
        guard index < list.count, peer < list[index].peers.count else { return rule(direction, index) }
        return list[index].peers[peer] ?? rule(direction, index)
    }

    /// The mark of port entry `port` of rule `index`, else the rule's.
    public func port(_ direction: PolicyType, rule index: Int, port: Int) -> Mark? {
        let list = rules(direction)
        guard index < list.count, port < list[index].ports.count else { return rule(direction, index) }
        return list[index].ports[port] ?? rule(direction, index)
    }
}
