import Charts
import MeshAnalysis
import MeshModel
import Diagnostics

/// The library in a few calls on text in memory: a mesh's NetworkPolicies from values, a check of manifests
/// against the mesh, a Helm post-render. Each runs the same pipeline as the command line (``Pipeline``), with
/// the values and manifests given as strings instead of files.
///
/// ```swift
/// let policies = try MeshRendering.policies(values: values, namespace: "shop")
/// let result = try MeshRendering.verify(values: values, manifests: policies, namespace: "shop")
/// ```
///
/// Bad input throws an `InputError` whose description is the command line's one-line message, naming the
/// line and column in `valuesName` and the values path.
public enum MeshRendering {
    /// The NetworkPolicies the built-in chart renders for the mesh of `values` (a values file's text), as
    /// `meshrender render -f FILE -n NAMESPACE --release RELEASE` prints them.
    public static func policies(
        values: String, namespace: String, release: String = "release-name", valuesName: String = "values.yaml"
    ) throws -> String {
        try Pipeline.render(
            chart: .builtin, values: ValuesInput(valueFiles: [valuesName]), release: ReleaseInput(name: release, namespace: namespace),
            io: memory(valuesName, values)
        ).text
    }

    /// The mesh of `values`, validated and in id order: components, externals, matrix edges.
    public static func mesh(values: String, namespace: String, valuesName: String = "values.yaml") throws -> MeshSpec {
        let io = memory(valuesName, values)
        let chartValues = try Pipeline.chartValues(.builtin, input: ValuesInput(valueFiles: [valuesName]), io: io)
        return try Pipeline.mesh(values: chartValues, namespace: namespace)
    }

    /// Compares the connectivity the NetworkPolicies of `manifests` give (over every endpoint: components,
    /// workloads, representatives, the outside world) with the mesh's intent, as `meshrender verify --manifests`.
    public static func verify(
        values: String, manifests: String, namespace: String, valuesName: String = "values.yaml", format: VerifyFormat = .text
    ) throws -> VerifyOutcome {
        let input = AnalysisInput(
            chart: .builtin, values: ValuesInput(valueFiles: [valuesName]), release: ReleaseInput(namespace: namespace), manifests: "-")
        return try Pipeline.verify(input, format: format, io: memory(valuesName, values, stdin: manifests))
    }

    /// A chart's rendered `manifests` followed by the mesh's policies, as `meshrender post-render`; components may
    /// name the manifests' workloads.
    public static func postRender(
        manifests: String, values: String, namespace: String, verify: Bool = false, valuesName: String = "values.yaml"
    ) throws -> PostRendered {
        try Pipeline.postRender(
            manifests: Array(manifests.utf8), values: ValuesInput(valueFiles: [valuesName]), release: ReleaseInput(namespace: namespace),
            verify: verify, io: memory(valuesName, values))
    }

    /// Reads `name` as `text` and stdin as `stdin`; any other file does not exist.
    static func memory(_ name: String, _ text: String, stdin: String = "") -> FileAccess {
        let bytes = Array(text.utf8), input = Array(stdin.utf8)
        return FileAccess(
            readFile: { path in
                guard path == name else { throw InputError("open \(path): no such file or directory", at: nil) }
                return bytes
            },
            readStdin: { input })
    }
}

/// The closest of some names to a mistyped one (`rendr` → `render`), under the library's name.
public typealias DidYouMean = MeshModel.DidYouMean
/// The validated mesh (``MeshRendering/mesh(values:namespace:valuesName:)``), under the library's name.
public typealias MeshSpec = MeshModel.MeshSpec
/// Effective against intended connectivity, flow by flow (``PostRendered/verification``).
public typealias Verification = MeshAnalysis.Verification
