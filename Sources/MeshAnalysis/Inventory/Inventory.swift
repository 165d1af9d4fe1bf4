import MeshModel

/// The endpoints connectivity is computed over, grouped by identical namespace/labels/address so that policies are
/// evaluated once per group rather than once per endpoint.
public struct Inventory: Sendable {
    public let endpoints: [InventoryEndpoint]
    /// Group index of each endpoint.
    let groupOf: [Int]
    /// Endpoint indices of each group.
    let endpointsOfGroup: [[Int]]
    /// One representative endpoint per group.
    let groups: [InventoryEndpoint]
    private let indexByName: [String: Int]
    /// Ids of mesh externals that stand for anyone (`anywhere: true`): `explain` resolves them to the outside world.
    public internal(set) var anywhereIDs: Set<String> = []

    /// An address of the public internet: the piece of the outside world that holds it is what `outside-world`
    /// names in `explain`.
    public static let outsideWorldAddress = IPAddress("198.51.100.10")!
    /// A pod of a namespace nothing refers to.
    public static let unrelatedName = "*/*"

    /// Builds an inventory. Names are unique among endpoints of overlapping releases (later duplicates get the
    /// namespace appended); an endpoint of the old release and one of the new may share a name.
    public init(endpoints: [InventoryEndpoint]) {
        var unique: [InventoryEndpoint] = []
        var seen: [String: ReleaseSet] = [:]
        for var endpoint in endpoints {
            if let releases = seen[endpoint.name], !releases.isDisjoint(with: endpoint.releases) {
                let base = endpoint.name + (endpoint.namespace.map { " (\($0))" } ?? "")
                var candidate = base, counter = 2
                while seen[candidate] != nil { candidate = "\(base) #\(counter)"; counter += 1 }
                endpoint.name = candidate
            }
            seen[endpoint.name, default: []].formUnion(endpoint.releases)
            unique.append(endpoint)
        }
        self.endpoints = unique
        var groupIndex: [InventoryEndpoint.GroupKey: Int] = [:]
        var groups: [InventoryEndpoint] = []
        var groupOf: [Int] = []
        for endpoint in unique {
            let key = endpoint.groupKey
            if let index = groupIndex[key] {
                groupOf.append(index)
            } else {
                groupIndex[key] = groups.count
                groupOf.append(groups.count)
                groups.append(endpoint)
            }
        }
        self.groups = groups
        self.groupOf = groupOf
        var members = Array(repeating: [Int](), count: groups.count)
        for (index, group) in groupOf.enumerated() { members[group].append(index) }
        endpointsOfGroup = members
        var byName: [String: Int] = [:]
        for (index, endpoint) in unique.enumerated() where byName[endpoint.name] == nil { byName[endpoint.name] = index }
        indexByName = byName
    }

    /// The index of the endpoint with this name (component id, external id, `kube-system`, ...).
    public func index(named name: String) -> Int? { indexByName[name] }

    /// The index of the endpoint standing for a matrix endpoint.
    public func index(of endpoint: Endpoint) -> Int? {
        endpoints.firstIndex { $0.meshEndpoint == endpoint }
    }

    /// Number of distinct policy-relevant groups (≤ endpoints.count).
    public var groupCount: Int { groups.count }
}

extension Inventory {
    /// The inventory of a mesh alone: its endpoints and the representatives (see `InventoryBuilder`).
    public init(mesh: MeshSpec) {
        var builder = InventoryBuilder(defaultNamespace: mesh.namespace)
        builder.add(mesh: mesh)
        self = builder.build()
    }

    /// The inventory of manifests alone; objects without a namespace belong to `defaultNamespace`.
    public init(objects: ManifestObjects, defaultNamespace: String) {
        var builder = InventoryBuilder(defaultNamespace: defaultNamespace)
        builder.add(objects)
        self = builder.build()
    }

    /// The inventory implied by policies alone: the pods they select and name, and the representatives.
    public init(policies: [NetworkPolicy], defaultNamespace: String) {
        self.init(objects: ManifestObjects(policies: policies), defaultNamespace: defaultNamespace)
    }

    /// The piece of the outside world holding a public internet address (`outside-world` in `explain`).
    public var outsideWorldIndex: Int? {
        var best: (index: Int, first: IPAddress)?
        for (index, endpoint) in endpoints.enumerated() where endpoint.role == .outsideWorld {
            guard case .ip(let first) = endpoint.address, first.isV4, first <= Inventory.outsideWorldAddress else { continue }
            if best == nil || best!.first < first { best = (index, first) }
        }
        return best?.index
    }
}
