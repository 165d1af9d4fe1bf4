import HelmValues

/// What the user passed: values files and overrides, release, chart.

/// Values inputs in Helm's vocabulary, applied as Helm applies them (files in order, then --set-json, --set,
/// --set-string, --set-file, --set-literal): HelmValues' own flags, which read and merge them.
public typealias ValuesInput = ValuesOptions

/// `helm template NAME ... -n NAMESPACE`: the release a chart is rendered for (`.Release`), and the cluster it
/// pretends to target (`.Capabilities`), with `helm template`'s offline defaults.
public struct ReleaseInput: Sendable, Equatable {
    public var name: String
    public var namespace: String
    /// `.Release.Revision` (1, as `helm template` renders an install).
    public var revision: Int
    /// `--kube-version`: the Kubernetes version `.Capabilities.KubeVersion` reports (`v1.35.0` by default, Helm 4.1's
    /// built-in client version).
    public var kubeVersion: String
    /// `--api-versions`: API versions added to `.Capabilities.APIVersions`.
    public var apiVersions: [String]
    /// `--is-upgrade`: `.Release.IsUpgrade` true and `.Release.IsInstall` false.
    public var isUpgrade: Bool
    /// `--skip-schema-validation`: do not check the values against the charts' `values.schema.json`.
    public var skipSchemaValidation: Bool

    public init(
        name: String = "release-name", namespace: String = "default", revision: Int = 1, kubeVersion: String = "v1.35.0",
        apiVersions: [String] = [], isUpgrade: Bool = false, skipSchemaValidation: Bool = false
    ) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
        self.isUpgrade = isUpgrade
        self.skipSchemaValidation = skipSchemaValidation
    }
}

/// Which chart renders: the built-in mesh chart (compiled into the binary) or a directory.
public enum ChartReference: Sendable, Equatable {
    case builtin
    case directory(String)
}

/// Inputs of verify, explain and matrix: a rendered release or given manifests.
public struct AnalysisInput: Sendable {
    public var chart: ChartReference
    public var values: ValuesInput
    public var release: ReleaseInput
    /// Manifests to analyse (file, directory or `-`) instead of rendering.
    public var manifests: String?

    public init(chart: ChartReference, values: ValuesInput, release: ReleaseInput, manifests: String?) {
        self.chart = chart
        self.values = values
        self.release = release
        self.manifests = manifests
    }
}
