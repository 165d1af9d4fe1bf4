import MeshModel
import Diagnostics

/// A check `lint` runs, by its stable id.
public enum LintRule: String, CaseIterable, Sendable, Comparable {
    case nonIsolatedIngress = "non-isolated-ingress"
    case nonIsolatedEgress = "non-isolated-egress"
    case namespaceWithoutDefaultDeny = "namespace-without-default-deny"
    case danglingPolicy = "dangling-policy"
    case danglingPeer = "dangling-peer"
    case openPeer = "open-peer"
    case egressToWorldAnyPort = "egress-to-world-any-port"
    case ingressFromWorldUnexposed = "ingress-from-world-unexposed"
    case unknownNamedPort = "unknown-named-port"
    case ipBlockCoversPods = "ipblock-covers-pods"
    case redundantRule = "redundant-rule"

    public static func < (a: LintRule, b: LintRule) -> Bool { a.rawValue < b.rawValue }

    /// The severity every finding of the rule has.
    public var severity: LintSeverity {
        switch self {
        case .unknownNamedPort: return .error
        case .redundantRule: return .info
        default: return .warning
        }
    }

    /// One sentence on what the rule flags.
    public var summary: String {
        switch self {
        case .nonIsolatedIngress: return "A workload no NetworkPolicy isolates for ingress: anything may connect to its pods."
        case .nonIsolatedEgress: return "A workload no NetworkPolicy isolates for egress: its pods may connect anywhere."
        case .namespaceWithoutDefaultDeny:
            return "A namespace with workloads but no policy selecting all its pods that denies both ingress and egress."
        case .danglingPolicy: return "A policy whose podSelector selects no workload of the input."
        case .danglingPeer: return "A podSelector peer that matches no workload in the namespaces it denotes."
        case .openPeer:
            return "A rule that opens a direction to everyone: an empty rule, `namespaceSelector: {}` without a pod selector, or 0.0.0.0/0 or ::/0."
        case .egressToWorldAnyPort: return "Egress to the outside world on every port."
        case .ingressFromWorldUnexposed:
            return "Ingress from the outside world to a workload on a port none of its containers exposes."
        case .unknownNamedPort: return "A named port that no container of the pods it applies to declares: it never matches."
        case .ipBlockCoversPods: return "An ipBlock that overlaps the pod or service CIDRs given with --pod-cidr / --service-cidr."
        case .redundantRule: return "A rule that allows nothing another rule of the same policy and direction does not already allow."
        }
    }

    /// The rule with this id; an `InputError` naming the closest id when there is none.
    public static func named(_ id: String) throws(InputError) -> LintRule {
        if let rule = LintRule(rawValue: id) { return rule }
        let ids = allCases.map(\.rawValue)
        throw InputError(
            "unknown lint rule \"\(id)\"" + DidYouMean.hint(for: id, among: ids) + "; rules: " + ids.joined(separator: ", "),
            at: nil)
    }
}
