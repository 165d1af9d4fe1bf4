import MeshModel

extension NetworkPolicy {
    /// Egress rules that name a port towards an `ipBlock` peer: an address outside the cluster has no container
    /// ports, so that part of the rule never matches (`policy vald/x-allow egress rule 2: named port "grpc" towards
    /// ipBlock 10.0.0.0/8 never matches`).
    public func namedPortWarnings(defaultNamespace: String) -> [String] {
        var warnings: [String] = []
        for (index, rule) in (egress ?? []).enumerated() {
            let names = (rule.ports ?? []).compactMap { port -> String? in
                if case .name(let name)? = port.port { return name }
                return nil
            }
            guard !names.isEmpty else { continue }
            for peer in rule.peers ?? [] {
                guard let block = peer.ipBlock else { continue }
                for name in names {
                    warnings.append(
                        "policy \(namespace ?? defaultNamespace)/\(self.name) egress rule \(index + 1): named port \"\(name)\" towards ipBlock \(block.cidr) never matches (addresses have no container ports)")
                }
            }
        }
        return warnings
    }
}
