/// What the diff compares and what it leaves out.
public struct DiffOptions: Sendable {
    /// Reveal `Secret` `data` / `stringData` values (masked by default).
    public var showSecrets: Bool
    /// Label keys whose changes are dropped, in `metadata.labels` and `spec.template.metadata.labels`
    /// (e.g. `helm.sh/chart`, `app.kubernetes.io/version`).
    public var ignoreLabels: [String]
    /// Field paths whose changes are dropped in every resource, in printed form
    /// (`metadata.annotations`, `spec.replicas`, `metadata.labels["helm.sh/chart"]`); a path drops
    /// everything below it too.
    public var ignorePaths: [String]
    /// How the connectivity section is computed; `nil` leaves the section out.
    public var connectivity: ConnectivitySettings?
    /// Whether a modified resource's report keeps its whole old and new content (`ResourceDiff.old`/`new`), which the
    /// unified output prints; without, only its field changes (added and removed resources keep their content).
    public var keepsModifiedContent = true

    public init(
        showSecrets: Bool = false, ignoreLabels: [String] = [], ignorePaths: [String] = [],
        connectivity: ConnectivitySettings? = ConnectivitySettings()
    ) {
        self.showSecrets = showSecrets
        self.ignoreLabels = ignoreLabels
        self.ignorePaths = ignorePaths
        self.connectivity = connectivity
    }
}
