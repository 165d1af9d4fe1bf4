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

    /// The IP address that stands for the outside world.
    public static let outsideWorldAddress = IPAddress("198.51.100.10")!
    public static let outsideWorldName = "(outside world)"
    public static let unrelatedName = "(unrelated namespace)"

    /// Builds an inventory; names must be unique (later duplicates get the namespace appended).
    public init(endpoints: [InventoryEndpoint]) {
        var unique: [InventoryEndpoint] = []
        var seen: Set<String> = []
        for var endpoint in endpoints {
            if seen.contains(endpoint.name) {
                let base = endpoint.name + (endpoint.namespace.map { " (\($0))" } ?? "")
                var candidate = base, counter = 2
                while seen.contains(candidate) { candidate = "\(base) #\(counter)"; counter += 1 }
                endpoint.name = candidate
            }
            seen.insert(endpoint.name)
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
        for (index, endpoint) in unique.enumerated() { byName[endpoint.name] = index }
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

    /// The fixed endpoints every inventory has besides the mesh's own: the cluster DNS pod in kube-system,
    /// a pod in a namespace nothing refers to, and an address outside the cluster.
    static func standardEndpoints(unrelatedNamespace: String) -> [InventoryEndpoint] {
        [
            InventoryEndpoint(
                name: "kube-system", role: .kubeSystem,
                address: .pod(
                    namespace: "kube-system", labels: ["k8s-app": "kube-dns"],
                    namespaceLabels: [namespaceNameLabelKey: "kube-system"])),
            InventoryEndpoint(
                name: unrelatedName, role: .unrelated,
                address: .pod(
                    namespace: unrelatedNamespace, labels: ["app": "unrelated"],
                    namespaceLabels: [namespaceNameLabelKey: unrelatedNamespace])),
            InventoryEndpoint(name: outsideWorldName, role: .outsideWorld, address: .ip(outsideWorldAddress)),
        ]
    }

    /// A namespace name not in `used`, starting from `preferred`.
    static func freshNamespace(_ preferred: String, avoiding used: Set<String>) -> String {
        var candidate = preferred, counter = 2
        while used.contains(candidate) { candidate = "\(preferred)-\(counter)"; counter += 1 }
        return candidate
    }
}
