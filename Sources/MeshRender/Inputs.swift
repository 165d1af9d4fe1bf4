/// What the user passed: values files and overrides, release, chart.

/// Values inputs in Helm's vocabulary; applied as Helm applies them (files in order, then
/// --set-json, --set, --set-string, --set-file, --set-literal).
public struct ValuesInput: Sendable, Equatable {
    public var files: [String]
    public var set: [String]
    public var setString: [String]
    public var setJSON: [String]
    /// `--set-file`: `path=file`, the file's text as the value.
    public var setFile: [String]
    /// `--set-literal`: `path=value`, the whole value one string, unparsed.
    public var setLiteral: [String]
    /// `--skip-schema-validation`: do not check the values against the charts' `values.schema.json`.
    public var skipSchemaValidation: Bool

    public init(
        files: [String] = [], set: [String] = [], setString: [String] = [], setJSON: [String] = [],
        setFile: [String] = [], setLiteral: [String] = [], skipSchemaValidation: Bool = false
    ) {
        self.files = files
        self.set = set
        self.setString = setString
        self.setJSON = setJSON
        self.setFile = setFile
        self.setLiteral = setLiteral
        self.skipSchemaValidation = skipSchemaValidation
    }
}

/// `helm template NAME ... -n NAMESPACE`.
public struct ReleaseInput: Sendable, Equatable {
    public var name: String
    public var namespace: String
    /// `--kube-version`: the Kubernetes version `.Capabilities.KubeVersion` reports.
    public var kubeVersion: String
    /// `--api-versions`: API versions added to `.Capabilities.APIVersions`.
    public var apiVersions: [String]
    /// `--is-upgrade`: `.Release.IsUpgrade` true and `.Release.IsInstall` false.
    public var isUpgrade: Bool

    public init(
        name: String = "release-name", namespace: String = "default", kubeVersion: String = "v1.35.0",
        apiVersions: [String] = [], isUpgrade: Bool = false
    ) {
        self.name = name
        self.namespace = namespace
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
        self.isUpgrade = isUpgrade
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
