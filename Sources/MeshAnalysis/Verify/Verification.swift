import MeshModel

/// One ordered endpoint pair whose effective connectivity differs from the intended one.
public struct FlowDifference: Hashable, Sendable, CustomStringConvertible {
    public var from: String
    public var to: String
    public var effective: PortSet
    public var intended: PortSet
    /// Allowed but not intended.
    public var extra: PortSet { effective.subtracting(intended) }
    /// Intended but not allowed.
    public var missing: PortSet { intended.subtracting(effective) }
    /// The policies and rules responsible: for extra ports the rules that allow them (or a side that is not
    /// isolated), for missing ports the policies that isolate a side without a rule allowing them.
    public var responsible: [String]
    /// For missing ports: what in the mesh intends the flow (`matrix edge index-manager → agent`).
    public var intendedBy: [String] = []
    /// The policies and rules `responsible` names, to locate them in their files.
    public var citedRules: [CitedRule] = []

    /// `filter-gateway → (outside world): allowed, intended denied (egress of vald-filter-gateway-allow rule 2: to any)`.
    public var description: String {
        let intent = intendedBy.isEmpty ? [] : ["intended by " + intendedBy.joined(separator: ", ")]
        let because = (responsible + intent).isEmpty ? "" : " (\((responsible + intent).joined(separator: "; ")))"
        return "\(from) → \(to): \(Explanation.verdictText(effective)), intended \(Explanation.verdictText(intended))\(because)"
    }
}

/// A policy, or one of its rules, that a result cites.
public struct CitedRule: Hashable, Sendable {
    public var namespace: String
    public var policy: String
    public var direction: PolicyType
    /// 1-based among the policy's rules of `direction`; `nil` cites the policy as a whole.
    public var ruleNumber: Int?

    public init(namespace: String, policy: String, direction: PolicyType, ruleNumber: Int?) {
        self.namespace = namespace
        self.policy = policy
        self.direction = direction
        self.ruleNumber = ruleNumber
    }
}

/// The result of comparing effective with intended connectivity: every missing and every extra flow.
public struct Verification: Sendable, CustomStringConvertible {
    /// Differences in inventory order (source, then destination).
    public var differences: [FlowDifference]
    /// Number of ordered endpoint pairs compared.
    public var pairsCompared: Int
    /// Every flow the policies allow, by endpoint name.
    public var flows: [ConnectivityMatrix.Flow] = []
    /// Every endpoint compared, in inventory order.
    public var endpoints: [String] = []

    /// True when effective and intended connectivity are equal.
    public var passed: Bool { differences.isEmpty }

    public var description: String {
        if passed { return "verified: effective connectivity equals the intended one (\(pairsCompared) flows)" }
        return differences.map(\.description).joined(separator: "\n")
            + "\n\(differences.count) flow\(differences.count == 1 ? "" : "s") differ"
    }
}

/// Compares the connectivity policies give with what the mesh intends, pair by pair over the mesh's inventory.
/// `effective` must have been evaluated over `intended.inventory`.
public func verify(intended: IntendedConnectivity, effective: EffectiveConnectivity) -> Verification {
    let inventory = intended.inventory
    let a = effective.map, b = intended.map
    let endpointsOfGroup = inventory.endpointsOfGroup
    let allGroups = Array(0..<inventory.groupCount)
    var found: [(Int, Int, PortSet, PortSet)] = []
    for s in allGroups {
        let destinations: [Int]
        if let x = a.candidateDestinations(of: s), let y = b.candidateDestinations(of: s) {
            destinations = Set(x).union(y).sorted()
        } else {
            destinations = allGroups
        }
        for d in destinations {
            let e = a.groupPorts(from: s, to: d), i = b.groupPorts(from: s, to: d)
            if e.subtracting(i).isEmpty && i.subtracting(e).isEmpty { continue }
            for source in endpointsOfGroup[s] {
                for destination in endpointsOfGroup[d] where source != destination {
                    found.append((source, destination, e, i))
                }
            }
        }
    }
    found.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    let differences = found.map { source, destination, e, i in
        let explanation = effective.explain(from: source, to: destination, intended: i)
        let (lines, cited) = responsibility(explanation, extra: e.subtracting(i), missing: i.subtracting(e))
        return FlowDifference(
            from: inventory.endpoints[source].name, to: inventory.endpoints[destination].name, effective: e,
            intended: i, responsible: lines,
            intendedBy: i.subtracting(e).isEmpty ? [] : intended.reasons(from: source, to: destination),
            citedRules: cited)
    }
    let n = inventory.endpoints.count
    var result = Verification(differences: differences, pairsCompared: n * (n - 1))
    let names = inventory.endpoints.map(\.name)
    result.endpoints = names
    result.flows = a.allowedFlows().map { ConnectivityMatrix.Flow(from: names[$0.from], to: names[$0.to], ports: $0.ports) }
    return result
}

private func responsibility(_ explanation: Explanation, extra: PortSet, missing: PortSet) -> ([String], [CitedRule]) {
    var lines: [String] = []
    var cited: [CitedRule] = []
    let sides = [explanation.egress, explanation.ingress]
    if !extra.isEmpty && sides.allSatisfy({ !$0.isolated }) {
        lines.append("neither \(explanation.from) nor \(explanation.to) is isolated by any policy")
    }
    for side in sides {
        let word = side.direction == .egress ? "egress" : "ingress"
        if !extra.isEmpty {
            if side.isolated {
                for verdict in side.verdicts where !verdict.ports.intersection(extra).isEmpty {
                    lines.append(verdict.reference(side.direction))
                    cited.append(
                        CitedRule(namespace: verdict.namespace, policy: verdict.policy, direction: side.direction,
                                  ruleNumber: verdict.ruleNumber))
                }
            }
        }
        if !missing.isEmpty && side.isolated && !side.allowed.isSuperset(of: missing) {
            let policies = Array(Set(side.verdicts.map(\.policy))).sorted()
            let unallowed = missing.subtracting(side.allowed)
            lines.append("\(word) of \(policies.joined(separator: ", ")): no rule allows \(unallowed)")
            var seen: Set<String> = []
            for verdict in side.verdicts where seen.insert(verdict.namespace + "/" + verdict.policy).inserted {
                cited.append(
                    CitedRule(namespace: verdict.namespace, policy: verdict.policy, direction: side.direction, ruleNumber: nil))
            }
        }
    }
    return (lines, cited)
}
