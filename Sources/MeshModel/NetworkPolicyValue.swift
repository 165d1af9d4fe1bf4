import GoValues
import YAML

// Writing the NetworkPolicy model as dynamic values with Kubernetes field names, ready for `toYaml`.
// Absent optional fields are omitted; absent and empty lists stay distinct, so `- {}` stays `{}`.

extension PortNumber {
    public func toValue() -> Value {
        switch self {
        case .number(let n): return .int(Int64(n))
        case .name(let s): return .string(s)
        }
    }
}

extension PolicyPort {
    public func toValue() -> Value {
        var m: [String: Value] = [:]
        if let p = `protocol` { m["protocol"] = .string(p) }
        if let port { m["port"] = port.toValue() }
        if let endPort { m["endPort"] = .int(Int64(endPort)) }
        return .map(m)
    }
}

extension LabelRequirement {
    public func toValue() -> Value {
        var m: [String: Value] = ["key": .string(key), "operator": .string(`operator`.rawValue)]
        if !values.isEmpty { m["values"] = .list(values.map(Value.string)) }
        return .map(m)
    }
}

extension LabelSelector {
    /// `{}` for the empty selector.
    public func toValue() -> Value {
        var m: [String: Value] = [:]
        if !matchLabels.isEmpty { m["matchLabels"] = .map(matchLabels.mapValues(Value.string)) }
        if !matchExpressions.isEmpty { m["matchExpressions"] = .list(matchExpressions.map { $0.toValue() }) }
        return .map(m)
    }
}

extension IPBlock {
    public func toValue() -> Value {
        var m: [String: Value] = ["cidr": .string(cidr)]
        if let except { m["except"] = .list(except.map(Value.string)) }
        return .map(m)
    }
}

extension PolicyPeer {
    public func toValue() -> Value {
        var m: [String: Value] = [:]
        if let podSelector { m["podSelector"] = podSelector.toValue() }
        if let namespaceSelector { m["namespaceSelector"] = namespaceSelector.toValue() }
        if let ipBlock { m["ipBlock"] = ipBlock.toValue() }
        return .map(m)
    }
}

extension PolicyRule {
    /// The rule with its peers under `from` (ingress) or `to` (egress).
    public func toValue(direction: PolicyType) -> Value {
        var m: [String: Value] = [:]
        if let peers { m[PolicyRule.peersKey(direction)] = .list(peers.map { $0.toValue() }) }
        if let ports { m["ports"] = .list(ports.map { $0.toValue() }) }
        return .map(m)
    }
}
