import Diagnostics
import YAML

/// Where one rule, its peers and its port entries were written.
public struct RuleMarks: Sendable {
    /// Where the rule starts (`- from:`, `- {}`).
    public var rule: Mark?
    /// One entry per `from` / `to` peer, in order.
    public var peers: [Mark?]
    /// One entry per `ports` entry, in order.
    public var ports: [Mark?]

    /// Marks as values (none known by default).
    public init(rule: Mark? = nil, peers: [Mark?] = [], ports: [Mark?] = []) {
        self.rule = rule
        self.peers = peers
        self.ports = ports
    }

    init(_ node: Node, peersKey: String) {
        self.init(
            rule: node.mark, peers: (node[peersKey]?.sequence ?? []).map(\.mark),
            ports: (node["ports"]?.sequence ?? []).map(\.mark))
    }
}
