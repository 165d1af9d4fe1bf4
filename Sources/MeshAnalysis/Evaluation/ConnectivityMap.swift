import MeshModel

/// Connectivity over an inventory, per ordered pair of endpoints, in the form NetworkPolicy semantics produce it:
/// each endpoint is isolated or not per direction, and isolated endpoints carry what their rules allow.
/// A connection is allowed on the ports that the source's egress AND the destination's ingress both allow
/// (a non-isolated side allows everything). Both the effective (from policies) and the intended (from a mesh)
/// connectivity are `ConnectivityMap`s, so they compare pair by pair.
public struct ConnectivityMap: Sendable {
    public let inventory: Inventory
    var egressIsolated: [Bool]
    var ingressIsolated: [Bool]
    /// Per source group: destination group -> ports its egress allows.
    var egress: [[Int: PortSet]]
    /// Per destination group: source group -> ports its ingress allows.
    var ingress: [[Int: PortSet]]
    /// Per group: ports of rules without peers (towards / from everyone); `nil`: none; `[]`: every port.
    var egressToAnyone: [[PolicyPort]?]
    var ingressFromAnyone: [[PolicyPort]?]

    init(inventory: Inventory) {
        let count = inventory.groupCount
        self.inventory = inventory
        egressIsolated = Array(repeating: false, count: count)
        ingressIsolated = Array(repeating: false, count: count)
        egress = Array(repeating: [:], count: count)
        ingress = Array(repeating: [:], count: count)
        egressToAnyone = Array(repeating: nil, count: count)
        ingressFromAnyone = Array(repeating: nil, count: count)
    }

    /// The ports `from` may open towards `to` (endpoint indices into `inventory.endpoints`); empty: denied.
    public func ports(from source: Int, to destination: Int) -> PortSet {
        groupPorts(from: inventory.groupOf[source], to: inventory.groupOf[destination])
    }

    /// The ports between two named endpoints, `nil` if a name is unknown.
    public func ports(from source: String, to destination: String) -> PortSet? {
        guard let s = inventory.index(named: source), let d = inventory.index(named: destination) else { return nil }
        return ports(from: s, to: d)
    }

    /// Whether the endpoint is isolated for egress (some policy selects it with Egress).
    public func isEgressIsolated(_ endpoint: Int) -> Bool { egressIsolated[inventory.groupOf[endpoint]] }
    /// Whether the endpoint is isolated for ingress.
    public func isIngressIsolated(_ endpoint: Int) -> Bool { ingressIsolated[inventory.groupOf[endpoint]] }

    /// What the source's egress side allows towards the destination (everything when not isolated).
    func egressPorts(from s: Int, to d: Int) -> PortSet {
        guard egressIsolated[s] else { return .all }
        var ports = egress[s][d] ?? .empty
        if let anyone = egressToAnyone[s] {
            ports = ports.union(.from(anyone, namedPorts: inventory.groups[d].namedPorts))
        }
        return ports
    }

    /// What the destination's ingress side allows from the source (everything when not isolated).
    func ingressPorts(from s: Int, to d: Int) -> PortSet {
        guard ingressIsolated[d] else { return .all }
        var ports = ingress[d][s] ?? .empty
        if let anyone = ingressFromAnyone[d] {
            ports = ports.union(.from(anyone, namedPorts: inventory.groups[d].namedPorts))
        }
        return ports
    }

    func groupPorts(from s: Int, to d: Int) -> PortSet {
        let out = egressPorts(from: s, to: d)
        if out.isEmpty { return out }
        return out.intersection(ingressPorts(from: s, to: d))
    }

    /// Destination groups that may be reachable from source group `s` (a superset of those that are).
    func candidateDestinations(of s: Int) -> [Int]? {
        if !egressIsolated[s] || egressToAnyone[s] != nil { return nil }
        return Array(egress[s].keys)
    }

    /// Endpoint indices `source` may reach (a superset); `nil`: possibly every endpoint.
    func possibleDestinations(from source: Int) -> Set<Int>? {
        guard let groups = candidateDestinations(of: inventory.groupOf[source]) else { return nil }
        return Set(groups.flatMap { inventory.endpointsOfGroup[$0] })
    }

    // MARK: building

    mutating func allowEgress(from s: Int, to d: Int, _ ports: PortSet) {
        if ports.isEmpty { return }
        if let existing = egress[s][d] { egress[s][d] = existing.union(ports) } else { egress[s][d] = ports }
    }

    mutating func allowIngress(to d: Int, from s: Int, _ ports: PortSet) {
        if ports.isEmpty { return }
        if let existing = ingress[d][s] { ingress[d][s] = existing.union(ports) } else { ingress[d][s] = ports }
    }

    mutating func allowEgressToAnyone(from s: Int, _ ports: [PolicyPort]?) {
        egressToAnyone[s] = Self.merge(egressToAnyone[s], ports ?? [])
    }

    mutating func allowIngressFromAnyone(to d: Int, _ ports: [PolicyPort]?) {
        ingressFromAnyone[d] = Self.merge(ingressFromAnyone[d], ports ?? [])
    }

    private static func merge(_ existing: [PolicyPort]?, _ added: [PolicyPort]) -> [PolicyPort] {
        guard let existing else { return added }
        if existing.isEmpty || added.isEmpty { return [] }
        return existing + added.filter { !existing.contains($0) }
    }
}
