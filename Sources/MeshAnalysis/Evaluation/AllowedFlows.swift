import MeshModel

/// One allowed connection: the source endpoint may open connections to the destination on `ports`.
public struct AllowedFlow: Hashable, Sendable {
    /// Indices into the inventory's endpoints.
    public var from: Int
    public var to: Int
    public var ports: PortSet

    public init(from: Int, to: Int, ports: PortSet) {
        self.from = from
        self.to = to
        self.ports = ports
    }
}

extension ConnectivityMap {
    /// Every allowed connection between two distinct endpoints that exist in `releases`, ordered by source, then
    /// destination index.
    ///
    /// Sparse: a source isolated for egress (without a rule towards anyone) is paired only with the destinations its
    /// rules name; any other source only with the destinations open for ingress and those whose ingress rules name it.
    public func allowedFlows(in releases: ReleaseSet = .both) -> [AllowedFlow] {
        let count = inventory.groupCount
        var openIngress: [Int] = []
        var namedAsSource = Array(repeating: [Int](), count: count)
        for d in 0..<count {
            if !ingressIsolated[d] || ingressFromAnyone[d] != nil {
                openIngress.append(d)
            } else {
                for s in ingress[d].keys { namedAsSource[s].append(d) }
            }
        }
        let present = inventory.endpoints.map { !$0.releases.isDisjoint(with: releases) }
        var flows: [AllowedFlow] = []
        for s in 0..<count {
            let sources = inventory.endpointsOfGroup[s].filter { present[$0] }
            if sources.isEmpty { continue }
            var destinations: [Int]
            if egressIsolated[s] && egressToAnyone[s] == nil {
                destinations = Array(egress[s].keys)
            } else {
                destinations = openIngress + namedAsSource[s]
            }
            destinations.sort()
            var previous = -1
            for d in destinations where d != previous {
                previous = d
                let ports = groupPorts(from: s, to: d)
                if ports.isEmpty { continue }
                for source in sources {
                    for destination in inventory.endpointsOfGroup[d] where destination != source && present[destination] {
                        flows.append(AllowedFlow(from: source, to: destination, ports: ports))
                    }
                }
            }
        }
        flows.sort { $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to }
        return flows
    }
}
