/// Everything that differs between two releases: resources (sorted by kind, namespace, name) and
/// the connectivity their NetworkPolicies allow.
public struct DiffReport: Sendable {
    public var resources: [ResourceDiff]
    public var connectivity: ConnectivityDiff
    /// Keeps the compared values, to free them on a background thread (see `Disposal.Retainer`).
    var retainer: Disposal.Retainer?

    public init(resources: [ResourceDiff], connectivity: ConnectivityDiff) {
        self.resources = resources
        self.connectivity = connectivity
    }

    /// Whether any resource or flow differs (`--exit-code`).
    public var hasDifferences: Bool { !resources.isEmpty || !connectivity.changes.isEmpty || !connectivity.omitted.isEmpty }

    /// Whether the new release opens at least one flow (widening).
    public var opensFlows: Bool { connectivity.omitted.opened > 0 || connectivity.changes.contains { $0.isWidening } }

    /// Whether the new release closes at least one flow (narrowing).
    public var closesFlows: Bool { connectivity.omitted.closed > 0 || connectivity.changes.contains { !$0.isWidening } }
}
