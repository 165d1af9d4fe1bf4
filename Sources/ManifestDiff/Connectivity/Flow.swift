import MeshAnalysis

/// A connection the NetworkPolicies of a release allow: `from` may open a connection to `to` on `port`.
///
/// Endpoints are component ids (or, for peers that are not components, a description such as
/// `kube-system` or `10.0.0.0/8`); `port` reads `8081/TCP`, `53/UDP`, `grpc/TCP`, `*/TCP` (every port of
/// a protocol) or `any` (every port and protocol).
public struct Flow: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var from: String
    public var to: String
    public var port: String

    public init(from: String, to: String, port: String) {
        self.from = from
        self.to = to
        self.port = port
    }

    public static func < (a: Flow, b: Flow) -> Bool {
        if a.from != b.from { return a.from.utf8.lexicographicallyPrecedes(b.from.utf8) }
        if a.to != b.to { return a.to.utf8.lexicographicallyPrecedes(b.to.utf8) }
        return a.port.utf8.lexicographicallyPrecedes(b.port.utf8)
    }

    public var description: String { "\(from) -> \(to) \(port)" }
}

/// A connection one release allows and the other does not.
public struct FlowChange: Hashable, Sendable, Comparable {
    public enum Change: String, Sendable, Comparable {
        /// The new release allows it: a widening.
        case opened
        /// The new release no longer allows it: a narrowing.
        case closed

        public static func < (a: Change, b: Change) -> Bool { a == .opened && b == .closed }
    }

    public var from: String
    public var to: String
    /// The ports opened or closed, sorted.
    public var ports: [String]
    public var change: Change
    /// The rules that allow the change (the new release's for an opened flow, the old one's for a closed one), each
    /// with the values entry it came from; given only when the releases were rendered from known values.
    public var rules: [CitedRuleSource] = []

    public init(from: String, to: String, ports: [String], change: Change) {
        self.from = from
        self.to = to
        self.ports = ports
        self.change = change
    }

    /// Whether the change widens what the mesh allows.
    public var isWidening: Bool { change == .opened }

    public static func < (a: FlowChange, b: FlowChange) -> Bool {
        if a.from != b.from { return a.from.utf8.lexicographicallyPrecedes(b.from.utf8) }
        if a.to != b.to { return a.to.utf8.lexicographicallyPrecedes(b.to.utf8) }
        if a.change != b.change { return a.change < b.change }
        return a.ports.lexicographicallyPrecedes(b.ports) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The flow changes between two connectivity sets: per (from, to), the ports only the new side
    /// allows (opened) and the ports only the old side allows (closed).
    public static func between(old: Set<Flow>, new: Set<Flow>) -> [FlowChange] {
        struct Pair: Hashable { var from: String; var to: String; var change: Change }
        var grouped: [Pair: [String]] = [:]
        for flow in new where !old.contains(flow) {
            grouped[Pair(from: flow.from, to: flow.to, change: .opened), default: []].append(flow.port)
        }
        for flow in old where !new.contains(flow) {
            grouped[Pair(from: flow.from, to: flow.to, change: .closed), default: []].append(flow.port)
        }
        return grouped.map { pair, ports in
            FlowChange(from: pair.from, to: pair.to, ports: ports.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                       change: pair.change)
        }.sorted()
    }
}

/// The effective connectivity of both releases and what changed between them.
public struct ConnectivityDiff: Sendable {
    /// The flows the old / new release allows, sorted.
    public var old: [Flow]
    public var new: [Flow]
    /// Opened and closed flows, sorted by from, to, change: the first `ConnectivitySettings.maxListedFlows`.
    public var changes: [FlowChange]
    /// The opened and closed flows past the listing limit, counted only (an opened flow is a source, destination and
    /// the ports the new release alone allows between them, as in `changes`).
    public var omitted = ReleaseComparison.Omitted()
    /// What the comparison built (the releases' objects, the inventory): many small values, released with the
    /// report (see `DiffReport.retainer`).
    var retained: (any Sendable)?

    public init(old: [Flow], new: [Flow], changes: [FlowChange]) {
        self.old = old
        self.new = new
        self.changes = changes
    }

    public static let empty = ConnectivityDiff(old: [], new: [], changes: [])
}
