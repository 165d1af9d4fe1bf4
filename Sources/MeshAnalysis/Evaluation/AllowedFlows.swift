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
                appendFlows(from: s, sources, to: d, present: present, to: &flows)
            }
        }
        flows.sort { $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to }
        return flows
    }

    /// The allowed connections of `allowedFlows(in:)` whose group pair lies in `focus`, in the same order. The map
    /// must be exact on the focused pairs (built with this focus, or without one).
    func allowedFlows(in releases: ReleaseSet, focus: PairFocus) -> [AllowedFlow] {
        let present = inventory.endpoints.map { !$0.releases.isDisjoint(with: releases) }
        let everyGroup = Array(0..<inventory.groupCount)
        var flows: [AllowedFlow] = []
        // From each focused source: the destinations its egress names, or every group when its egress is open.
        for s in focus.sourceGroups {
            let sources = inventory.endpointsOfGroup[s].filter { present[$0] }
            if sources.isEmpty { continue }
            let isolated = egressIsolated[s] && egressToAnyone[s] == nil
            for d in isolated ? egress[s].keys.sorted() : everyGroup {
                appendFlows(from: s, sources, to: d, present: present, to: &flows)
            }
        }
        // Towards each focused destination, from the sources not done above: those its ingress names, or every group
        // when its ingress is open.
        for d in focus.destinationGroups {
            let isolated = ingressIsolated[d] && ingressFromAnyone[d] == nil
            for s in isolated ? ingress[d].keys.sorted() : everyGroup where !focus.isSource(s) {
                let sources = inventory.endpointsOfGroup[s].filter { present[$0] }
                if sources.isEmpty { continue }
                appendFlows(from: s, sources, to: d, present: present, to: &flows)
            }
        }
        flows.sort { $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to }
        return flows
    }

    /// An upper bound on the group pairs `allowedFlows(in:focus:)` visits: the named peers of each focused side, or
    /// every group where that side is open. Cheap (no ports are looked up); it decides whether listing the flows of
    /// both releases stays small enough to hold in memory.
    func focusedPairBound(_ focus: PairFocus) -> Int {
        let count = inventory.groupCount
        var bound = 0
        for s in focus.sourceGroups {
            bound += egressIsolated[s] && egressToAnyone[s] == nil ? egress[s].count : count
        }
        for d in focus.destinationGroups {
            bound += ingressIsolated[d] && ingressFromAnyone[d] == nil ? ingress[d].count : count
        }
        return bound
    }

    /// The connections from `sources` (the present endpoints of group `s`) to the present endpoints of group `d` (an
    /// endpoint never connects to itself).
    private func appendFlows(
        from s: Int, _ sources: [Int], to d: Int, present: [Bool], to flows: inout [AllowedFlow]
    ) {
        let ports = groupPorts(from: s, to: d)
        if ports.isEmpty { return }
        for source in sources {
            for destination in inventory.endpointsOfGroup[d] where destination != source && present[destination] {
                flows.append(AllowedFlow(from: source, to: destination, ports: ports))
            }
        }
    }
}
