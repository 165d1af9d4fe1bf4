import MeshAnalysis
import MeshModel
import YAMLCore

/// Connectivity through the analysis module (`MeshAnalysis`): policies parsed and checked against the
/// NetworkPolicy schema, evaluated over an inventory of concrete endpoints (the mesh's, when given, so
/// flows are named by component and external ids; else the endpoints the policies imply), ports as ranges.
///
/// Both releases are evaluated over one inventory and compared pair by pair with port-range arithmetic:
/// a pair opens the ports only the new release allows and closes those only the old one allows. The work is
/// quadratic in endpoints (every pair is evaluated), so this suits meshes of up to a few thousand
/// components; `SelectorConnectivity` is the linear default.
public struct AnalysisConnectivity: ConnectivityAnalyzer {
    /// The mesh both releases were rendered from, if known.
    public var mesh: MeshSpec?

    public init(mesh: MeshSpec? = nil) {
        self.mesh = mesh
    }

    public func flows(of policies: [Document]) throws(InputError) -> Set<Flow> {
        let parsed = try Self.policies(policies)
        let inventory = mesh.map { Inventory(mesh: $0) } ?? Inventory(policies: parsed, defaultNamespace: "")
        var flows: Set<Flow> = []
        for (key, ports) in pairs(parsed, inventory) {
            for port in Self.labels(ports) { flows.insert(Flow(from: key.from, to: key.to, port: port)) }
        }
        return flows
    }

    public func compare(old: [Document], new: [Document], changed: Set<ResourceID>) throws(InputError)
        -> ConnectivityDiff
    {
        let before = try Self.policies(old)
        let after = try Self.policies(new)
        let inventory = mesh.map { Inventory(mesh: $0) } ?? Inventory(policies: before + after, defaultNamespace: "")
        let oldPairs = pairs(before, inventory)
        let newPairs = pairs(after, inventory)
        var changes: [FlowChange] = []
        for key in Set(oldPairs.keys).union(newPairs.keys) {
            let was = oldPairs[key] ?? .empty
            let now = newPairs[key] ?? .empty
            let opened = now.subtracting(was)
            let closed = was.subtracting(now)
            if !opened.isEmpty { changes.append(FlowChange(from: key.from, to: key.to, ports: Self.labels(opened), change: .opened)) }
            if !closed.isEmpty { changes.append(FlowChange(from: key.from, to: key.to, ports: Self.labels(closed), change: .closed)) }
        }
        func flows(_ pairs: [PairKey: PortSet]) -> [Flow] {
            pairs.flatMap { key, ports in Self.labels(ports).map { Flow(from: key.from, to: key.to, port: $0) } }.sorted()
        }
        return ConnectivityDiff(old: flows(oldPairs), new: flows(newPairs), changes: changes.sorted())
    }

    struct PairKey: Hashable {
        var from: String
        var to: String
    }

    /// The allowed ports of every pair with a connection.
    private func pairs(_ policies: [NetworkPolicy], _ inventory: Inventory) -> [PairKey: PortSet] {
        let effective = EffectiveConnectivity(policies: policies, defaultNamespace: "", inventory: inventory)
        var out: [PairKey: PortSet] = [:]
        for flow in ConnectivityMatrix(effective: effective, mesh: mesh).flows {
            out[PairKey(from: flow.from, to: flow.to)] = flow.ports
        }
        return out
    }

    /// Policies parsed with the schema checks of the mesh model; the namespace the diff resolved applies.
    static func policies(_ documents: [Document]) throws(InputError) -> [NetworkPolicy] {
        var policies: [NetworkPolicy] = []
        policies.reserveCapacity(documents.count)
        for document in documents {
            var policy = try NetworkPolicy.parse(document.node)
            policy.namespace = document.id.namespace
            policies.append(policy)
        }
        return policies
    }

    /// `any`, or per protocol `8080/TCP`, `8000-8100/TCP`, `*/UDP`, `grpc/TCP`; sorted.
    static func labels(_ ports: PortSet) -> [String] {
        if ports.isAll { return ["any"] }
        var labels: [String] = []
        for proto in TransportProtocol.allCases {
            let ranges = ports[proto]
            if ranges.isAll {
                labels.append("*/\(proto.rawValue)")
            } else {
                for range in ranges.ranges {
                    labels.append(range.count == 1 ? "\(range.lowerBound)/\(proto.rawValue)" : "\(range.lowerBound)-\(range.upperBound)/\(proto.rawValue)")
                }
            }
            for named in ports.named where named.proto == proto { labels.append("\(named.name)/\(proto.rawValue)") }
        }
        return labels.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
