import MeshModel

extension PolicyPeer {
    /// `pods app=x`, `namespaces k=v`, `pods app=x in namespaces k=v`, `ipBlock 0.0.0.0/0 except 10.0.0.0/8`.
    public var text: String {
        if let ipBlock {
            let except = (ipBlock.except ?? []).isEmpty ? "" : " except \((ipBlock.except ?? []).joined(separator: ","))"
            return "ipBlock \(ipBlock.cidr)\(except)"
        }
        switch (podSelector, namespaceSelector) {
        case (let pods?, nil): return "pods \(pods.text)"
        case (nil, let namespaces?): return "namespaces \(namespaces.text)"
        case (let pods?, let namespaces?): return "pods \(pods.text) in namespaces \(namespaces.text)"
        case (nil, nil): return "nothing"
        }
    }
}

extension PolicyRule {
    /// `to any`, `from pods app=x or namespaces k=v on TCP 8081`.
    public func text(direction: PolicyType) -> String {
        let word = direction == .egress ? "to" : "from"
        let peersText = appliesToAnyone ? "any" : (peers ?? []).map(\.text).joined(separator: " or ")
        let portsText = (ports ?? []).isEmpty ? "" : " on \((ports ?? []).map(\.text).joined(separator: ", "))"
        return "\(word) \(peersText)\(portsText)"
    }
}

extension PolicyPort {
    /// `TCP 8081`, `TCP 8000-8100`, `UDP http`, `SCTP all`.
    public var text: String {
        let number: String
        switch port {
        case nil: number = "all"
        case .number(let value)?: number = endPort.map { "\(value)-\($0)" } ?? "\(value)"
        case .name(let name)?: number = name
        }
        return "\(effectiveProtocol) \(number)"
    }
}
