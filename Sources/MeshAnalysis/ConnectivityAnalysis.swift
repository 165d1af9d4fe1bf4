import MeshModel
import YAML

/// The front door of the analysis for the CLI and other callers: verify rendered policies against a mesh, explain
/// one flow, draw the intended or effective matrix.
///
///     let manifests = try ManifestPolicies.read(documents)          // [Node] -> policies (+ skipped count)
///     let result = ConnectivityAnalysis.verify(mesh: mesh, policies: manifests.policies, namespace: "vald")
///     if !result.passed { print(result); exit(1) }
///
///     let why = try ConnectivityAnalysis.explain(from: "agent", to: "lb-gateway", policies: manifests.policies,
///                                                namespace: "vald", mesh: mesh)
///     print(why)
///
///     print(ConnectivityAnalysis.intendedMatrix(mesh: mesh).rendered(as: .markdown))
///     print(ConnectivityAnalysis.effectiveMatrix(policies: manifests.policies, namespace: "vald").rendered(as: .svg))
public enum ConnectivityAnalysis {
    /// Compares what `policies` allow with what `mesh` intends over the mesh's inventory (its components, a member of
    /// each external, kube-system, a pod in an unrelated namespace, the outside world). Policies without
    /// `metadata.namespace` belong to `namespace`.
    public static func verify(mesh: MeshSpec, policies: [NetworkPolicy], namespace: String) -> Verification {
        MeshAnalysis.verify(mesh: mesh, policies: policies, defaultNamespace: namespace)
    }

    /// Which rules allow or deny the flow `from` → `to` (names: component ids, external ids, `kube-system`,
    /// `(outside world)` or `outside-world`, `(unrelated namespace)` or `unrelated`). With a mesh, endpoints are the
    /// mesh's and the explanation carries the intended verdict; without, they are inferred from the policies.
    public static func explain(
        from source: String, to destination: String, policies: [NetworkPolicy], namespace: String, mesh: MeshSpec? = nil
    ) throws(AnalysisError) -> Explanation {
        let intended = mesh.map { IntendedConnectivity(mesh: $0) }
        let inventory = intended?.inventory ?? Inventory(policies: policies, defaultNamespace: namespace)
        let effective = EffectiveConnectivity(policies: policies, defaultNamespace: namespace, inventory: inventory)
        return try effective.explain(from: source, to: destination, intended: intended)
    }

    /// The matrix a mesh intends (rows: components; columns: components, externals edges lead to, kube-system).
    public static func intendedMatrix(mesh: MeshSpec) -> ConnectivityMatrix {
        ConnectivityMatrix(intended: IntendedConnectivity(mesh: mesh))
    }

    /// The matrix policies give: over the mesh's endpoints when a mesh is given, else over the endpoints inferred from
    /// the policies (named by their `app.kubernetes.io/component` label or selector).
    public static func effectiveMatrix(policies: [NetworkPolicy], namespace: String, mesh: MeshSpec? = nil) -> ConnectivityMatrix {
        let inventory = mesh.map { Inventory(mesh: $0) } ?? Inventory(policies: policies, defaultNamespace: namespace)
        return ConnectivityMatrix(
            effective: EffectiveConnectivity(policies: policies, defaultNamespace: namespace, inventory: inventory), mesh: mesh)
    }
}

extension Inventory {
    /// The index of an endpoint by name, accepting `outside-world` and the ids of `anywhere` externals (the piece of
    /// the outside world holding a public address) and `unrelated` (`*/*`) as aliases.
    public func index(resolving name: String) -> Int? {
        if let index = index(named: name) { return index }
        if anywhereIDs.contains(name) { return outsideWorldIndex }
        switch name {
        case "outside-world", "outside", "world", "(outside world)": return outsideWorldIndex
        case "unrelated", "(unrelated namespace)": return index(named: Inventory.unrelatedName)
        default: return nil
        }
    }
}
