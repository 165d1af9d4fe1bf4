// Renders a mesh's least-privilege NetworkPolicies with the MeshRender library and verifies that they give
// exactly the connectivity the mesh intends.
import MeshRender

let values = """
    mesh:
      components:
        web: {ports: [{port: 8080}]}
        api: {ports: [{port: 9000}]}
        db: {ports: [{port: 5432}]}
      connectivity:
        web: [api]
        api: [db]
    """

let policies = try MeshRendering.policies(values: values, namespace: "shop")
print(policies, terminator: "")

let mesh = try MeshRendering.mesh(values: values, namespace: "shop")
print("# components: \(mesh.components.map(\.id).joined(separator: ", ")); edges: \(mesh.edges.count)")

let result = try MeshRendering.verify(values: values, manifests: policies, namespace: "shop")
print("# " + result.text, terminator: "")
if !result.passed { fatalError("the policies do not give the mesh's connectivity") }
