import MeshModel

/// The transport protocols a NetworkPolicy port can name.
public enum TransportProtocol: String, CaseIterable, Hashable, Sendable, Comparable {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"

    public static func < (a: TransportProtocol, b: TransportProtocol) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A named container port whose number is not known to the analysis (kept symbolically, matched conservatively:
/// only by the same name or by "every port" of its protocol).
public struct NamedPort: Hashable, Sendable, Comparable {
    public var proto: TransportProtocol
    public var name: String

    public init(proto: TransportProtocol, name: String) {
        self.proto = proto
        self.name = name
    }

    public static func < (a: NamedPort, b: NamedPort) -> Bool {
        a.proto != b.proto ? a.proto < b.proto : a.name < b.name
    }
}

/// What one endpoint may open towards another: per protocol a set of port ranges, plus named ports whose number is
/// unknown. The connectivity of an ordered endpoint pair is one `PortSet`; empty means denied.
public struct PortSet: Hashable, Sendable {
    public private(set) var tcp = PortRangeSet()
    public private(set) var udp = PortRangeSet()
    public private(set) var sctp = PortRangeSet()
    /// Named ports of a protocol whose ranges are not already "all" (sorted).
    public private(set) var named: [NamedPort] = []

    public init() {}

    /// Every port of every protocol.
    public static let all: PortSet = {
        var set = PortSet()
        for proto in TransportProtocol.allCases { set[proto] = .all }
        return set
    }()

    public static let empty = PortSet()

    /// One protocol's ranges.
    public init(_ proto: TransportProtocol, _ ranges: PortRangeSet) {
        self[proto] = ranges
    }

    /// A named port (kept only if `ranges` of its protocol do not already cover everything).
    public init(named: NamedPort) {
        self.named = [named]
    }

    public subscript(proto: TransportProtocol) -> PortRangeSet {
        get {
            switch proto {
            case .tcp: return tcp
            case .udp: return udp
            case .sctp: return sctp
            }
        }
        set {
            switch proto {
            case .tcp: tcp = newValue
            case .udp: udp = newValue
            case .sctp: sctp = newValue
            }
        }
    }

    public var isEmpty: Bool { tcp.isEmpty && udp.isEmpty && sctp.isEmpty && named.isEmpty }
    public var isAll: Bool { tcp.isAll && udp.isAll && sctp.isAll }

    public func union(_ other: PortSet) -> PortSet {
        if other.isEmpty || isAll { return self }
        if isEmpty || other.isAll { return other }
        var result = PortSet()
        for proto in TransportProtocol.allCases { result[proto] = self[proto].union(other[proto]) }
        result.named = Set(named).union(other.named).filter { !result[$0.proto].isAll }.sorted()
        return result
    }

    public func intersection(_ other: PortSet) -> PortSet {
        if isAll { return other }
        if other.isAll { return self }
        var result = PortSet()
        for proto in TransportProtocol.allCases { result[proto] = self[proto].intersection(other[proto]) }
        let mine = named.filter { other.named.contains($0) || other[$0.proto].isAll }
        let theirs = other.named.filter { self[$0.proto].isAll }
        result.named = Set(mine).union(theirs).sorted()
        return result
    }

    /// The ports of this set that `other` does not cover (named ports count as covered by the same name or by all).
    public func subtracting(_ other: PortSet) -> PortSet {
        if other.isEmpty || isEmpty { return self }
        var result = PortSet()
        for proto in TransportProtocol.allCases { result[proto] = self[proto].subtracting(other[proto]) }
        result.named = named.filter { !other.named.contains($0) && !other[$0.proto].isAll }
        return result
    }

    public func isSuperset(of other: PortSet) -> Bool { other.subtracting(self).isEmpty }
}

extension PortSet: CustomStringConvertible {
    /// `all`, `TCP 8080`, `TCP 53, UDP 53`, `TCP all`, `TCP http` or `none`.
    public var description: String {
        if isAll { return "all" }
        if isEmpty { return "none" }
        var parts: [String] = []
        for proto in TransportProtocol.allCases {
            let ranges = self[proto]
            if !ranges.isEmpty { parts.append("\(proto.rawValue) \(ranges)") }
            for port in named where port.proto == proto { parts.append("\(proto.rawValue) \(port.name)") }
        }
        return parts.joined(separator: ", ")
    }
}

extension PortSet {
    /// The ports a rule's `ports` list denotes towards a destination whose named container ports are `namedPorts`
    /// (`nil`: not known, named ports stay symbolic). `nil` or empty list: every port.
    public static func from(_ ports: [PolicyPort]?, namedPorts: [String: NamedPortBinding]?) -> PortSet {
        guard let ports, !ports.isEmpty else { return .all }
        var result = PortSet()
        for port in ports { result = result.union(from(port, namedPorts: namedPorts)) }
        return result
    }

    /// One `ports` entry. An unknown protocol contributes nothing.
    public static func from(_ port: PolicyPort, namedPorts: [String: NamedPortBinding]?) -> PortSet {
        guard let proto = TransportProtocol(rawValue: port.effectiveProtocol.uppercased()) else { return .empty }
        switch port.port {
        case nil:
            return PortSet(proto, .all)
        case .number(let number)?:
            let end = max(port.endPort ?? number, number)
            return PortSet(proto, PortRangeSet([number...end]))
        case .name(let name)?:
            guard let namedPorts else { return PortSet(named: NamedPort(proto: proto, name: name)) }
            guard let binding = namedPorts[name], binding.proto == proto else { return .empty }
            return PortSet(proto, PortRangeSet([binding.number...binding.number]))
        }
    }
}

/// A container port with a name, as an inventory endpoint declares it.
public struct NamedPortBinding: Hashable, Sendable {
    public var proto: TransportProtocol
    public var number: Int

    public init(proto: TransportProtocol = .tcp, number: Int) {
        self.proto = proto
        self.number = number
    }
}
