import XCTest
import Diagnostics
import YAML
@testable import MeshModel

/// `mesh.components.X.workload`: a component selecting a workload's pods by the labels of its pod template.
final class WorkloadComponentTests: XCTestCase {
    static let workloads = WorkloadDirectory([
        .init(kind: "StatefulSet", name: "vald-agent", namespace: "vald", podLabels: ["app": "vald-agent", "tier": "data"]),
        .init(kind: "Deployment", name: "vald-gateway", namespace: "vald", podLabels: ["app": "vald-gateway"]),
        .init(kind: "Pod", name: "vald-gateway", namespace: "vald", podLabels: ["app": "other"]),
        .init(kind: "Deployment", name: "web", namespace: "front", podLabels: ["app": "web"]),
        .init(kind: "Job", name: "bare", namespace: "vald", podLabels: [:]),
    ])

    func load(_ text: String) throws(InputError) -> MeshSpec {
        let node: Node
        do { node = try yaml(text, file: "mesh.yaml") } catch { throw InputError("\(error)", at: nil) }
        return try MeshSpec.load(values: node, releaseNamespace: "vald", workloads: Self.workloads)
    }

    func testWorkloadGivesItsPodLabelsAndTheIdStaysTheName() throws {
        let spec = try load("mesh:\n  components:\n    agent: {workload: vald-agent}\n    gw: {workload: Deployment/vald-gateway}\n")
        XCTAssertEqual(spec.components.map(\.labels), [["app": "vald-agent", "tier": "data"], ["app": "vald-gateway"]])
        XCTAssertEqual(spec.components.map(\.name), ["agent", "gw"])
    }

    func testEachProblemHasItsOneLineError() {
        let cases: [(String, String)] = [
            ("a: {workload: vald-gateway}", "mesh.yaml:3:19: mesh.components.a.workload: workload \"vald-gateway\" names 2 workloads (Deployment/vald-gateway, Pod/vald-gateway): write KIND/NAME"),
            ("a: {workload: vald-agnet}", "mesh.yaml:3:19: mesh.components.a.workload: no workload \"vald-agnet\" in namespace vald of the manifests (did you mean \"vald-agent\"?)"),
            ("a: {workload: web}", "mesh.yaml:3:19: mesh.components.a.workload: no workload \"web\" in namespace vald of the manifests; there is one in namespace front: set the component's namespace"),
            ("a: {workload: Job/bare}", "mesh.yaml:3:19: mesh.components.a.workload: the pods of workload Job/bare carry no labels: a policy cannot select them"),
            ("a: {workload: /x}", "mesh.yaml:3:19: mesh.components.a.workload: invalid workload \"/x\": give NAME or KIND/NAME"),
            ("a: {labels: {app: a}, workload: web}", "mesh.yaml:3:27: mesh.components.a.workload: give either labels or workload, not both"),
            ("a: {workload: [web]}", "mesh.yaml:3:19: mesh.components.a.workload: must be a string, not a list"),
        ]
        for (component, expected) in cases {
            let text = "mesh:\n  components:\n    " + component + "\n"
            XCTAssertEqual(inputError { () throws(InputError) in try load(text) }, expected, component)
        }
    }

    func testWithoutManifestsNamingAWorkloadIsAnError() throws {
        let node = try yaml("mesh:\n  components:\n    a: {workload: web}\n", file: "mesh.yaml")
        let error = inputError { () throws(InputError) in try MeshSpec.load(values: node, releaseNamespace: "vald") }
        XCTAssertEqual(
            error,
            "mesh.yaml:3:19: mesh.components.a.workload: workload \"web\" is named by the chart's rendered manifests, and there are none here: use 'meshrender post-render' (the chart's output on stdin) or --manifests")
    }
}
