import MeshModel

@testable import MeshAnalysis

/// Verifies `policies` against `mesh` as `meshrender verify` does: one inventory of the mesh's endpoints and the
/// policies' objects, intended and effective connectivity over it (policies without a namespace belong to
/// `defaultNamespace`).
func verify(mesh: MeshSpec, policies: [NetworkPolicy], defaultNamespace: String) -> Verification {
    var builder = InventoryBuilder(defaultNamespace: defaultNamespace)
    builder.add(mesh: mesh)
    builder.add(ManifestObjects(policies: policies))
    let inventory = builder.build()
    let intended = IntendedConnectivity(mesh: mesh, inventory: inventory)
    let effective = EffectiveConnectivity(policies: policies, defaultNamespace: defaultNamespace, inventory: inventory)
    return MeshAnalysis.verify(intended: intended, effective: effective)
}
