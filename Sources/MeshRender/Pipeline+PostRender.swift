import MeshAnalysis
import MeshModel
import Diagnostics
import YAML

/// What `post-render` produces: the chart's manifests as they came, followed by the mesh's NetworkPolicies.
public struct PostRendered: Sendable {
    /// The input bytes unchanged, a line break if they did not end with one, then the policies.
    public var text: String
    /// The mesh's policies as appended: the built-in chart's output; when the input came from Helm 4 (its documents
    /// carry Helm's filename annotation), with each `# Source:` line turned into that annotation, so that Helm
    /// prints the policies under the built-in chart's template rather than a generated file name.
    public var policies: String
    /// With `verify`: the effective connectivity of the chart's policies and the mesh's together, compared with the
    /// mesh's intent.
    public var verification: Verification?
    /// Remarks for stderr (named ports that match nothing, and the like).
    public var notes: [String]
}

extension Pipeline {
    /// The post-renderer: appends the NetworkPolicies the built-in chart expands the mesh of `values` into to
    /// `manifests` (the chart's rendered output, returned byte for byte). Components may name the manifests'
    /// workloads (`workload: vald-agent`) instead of their labels. A mesh policy with the name of one of the chart's
    /// NetworkPolicies is an error (the two would overwrite each other on install). With `verify`, the policies of
    /// both are evaluated together over every endpoint and compared with the mesh's intent.
    public static func postRender(
        manifests: [UInt8], values: ValuesInput, release: ReleaseInput, verify: Bool, io: FileAccess
    ) throws -> PostRendered {
        if values.valueFiles.contains("-") {
            throw InputError("standard input holds the chart's manifests: give the values as files, not '-'", at: nil)
        }
        let text = String(decoding: manifests, as: UTF8.self)
        let chartDocuments = try YAMLParser().parseAll(bytes: manifests, file: "<stdin>")
        let chartObjects = try ManifestObjects.read(chartDocuments, defaultNamespace: release.namespace)
        let workloads = chartObjects.workloadDirectory
        let meshRelease = Release(chart: .builtin, values: values, release: release, workloads: workloads, io: io)
        let rendered = try meshRelease.rendered()
        let policyDocuments = try YAMLParser().parseAll(rendered.text, file: "meshrender")
        let meshObjects = try ManifestObjects.read(policyDocuments, defaultNamespace: release.namespace)
        try refuseCollisions(meshObjects.policies, with: chartObjects, namespace: release.namespace)

        let policies = HelmPostRenderFiles.fromHelm(chartDocuments) ? HelmPostRenderFiles.annotated(rendered.text) : rendered.text
        var output = text
        if !output.isEmpty && !output.hasSuffix("\n") { output += "\n" }
        output += policies
        var verification: Verification?
        var notes: [String] = []
        if verify {
            let mesh = try meshRelease.mesh()
            guard !mesh.components.isEmpty else {
                throw InputError("nothing to verify: the values define no mesh (mesh.components)", at: nil)
            }
            let combined = ManifestObjects.joining([chartObjects, meshObjects])
            var builder = InventoryBuilder(defaultNamespace: release.namespace)
            builder.add(mesh: mesh)
            builder.add(combined)
            let inventory = builder.build()
            let effective = EffectiveConnectivity(
                policies: combined.policies, defaultNamespace: release.namespace, inventory: inventory)
            verification = MeshAnalysis.verify(intended: IntendedConnectivity(mesh: mesh, inventory: inventory), effective: effective)
            for policy in combined.policies { notes += policy.namedPortWarnings(defaultNamespace: release.namespace) }
        }
        return PostRendered(text: output, policies: policies, verification: verification, notes: notes)
    }

    /// A mesh policy named like one of the chart's NetworkPolicies (same namespace) would replace it on install.
    static func refuseCollisions(_ policies: [NetworkPolicy], with chart: ManifestObjects, namespace: String) throws(InputError) {
        var chartPolicies: [String: Int] = [:]
        for (index, policy) in chart.policies.enumerated() {
            chartPolicies[(policy.namespace ?? namespace) + "/" + policy.name] = index
        }
        for policy in policies {
            let key = (policy.namespace ?? namespace) + "/" + policy.name
            guard let index = chartPolicies[key] else { continue }
            throw InputError(
                "the mesh's NetworkPolicy \(key) has the name of one the chart renders: give the component another name (mesh.components.X.name)",
                at: chart.marks(ofPolicy: index).policy)
        }
    }
}

extension Verification {
    /// One line for a failed post-render check: how many flows differ and the first of them.
    public var summaryLine: String {
        guard let first = differences.first else { return "verified" }
        let more = differences.count > 1 ? " (and \(differences.count - 1) more; run 'meshrender verify' on the output for all)" : ""
        return "the chart's NetworkPolicies and the mesh's do not give the intended connectivity: \(first)\(more)"
    }
}
