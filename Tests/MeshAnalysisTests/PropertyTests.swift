import MeshModel
import XCTest

@testable import MeshAnalysis

/// analysis(expand(mesh)) equals the mesh's intended connectivity, for many random meshes.
final class PropertyTests: XCTestCase {
    func testExpandedPoliciesGiveTheIntendedConnectivity() {
        var checkedPairs = 0
        for seed in 1...300 as ClosedRange<UInt64> {
            let mesh = RandomMesh.make(seed: seed)
            let intended = IntendedConnectivity(mesh: mesh)
            let effective = EffectiveConnectivity(policies: mesh.expand(), defaultNamespace: mesh.namespace, inventory: intended.inventory)
            let result = verify(intended: intended, effective: effective)
            XCTAssertTrue(result.passed, "seed \(seed):\n\(result)")
            XCTAssertEqual(
                ConnectivityMatrix(intended: intended), ConnectivityMatrix(effective: effective, mesh: mesh), "seed \(seed)")
            checkedPairs += result.pairsCompared
            if !result.passed { break }
        }
        XCTAssertGreaterThan(checkedPairs, 10_000)
    }

    /// The property can fail: dropping one rule from one expanded policy is always noticed, and the difference
    /// names the component whose policy lost it.
    func testDroppingARuleIsNoticed() {
        var noticed = 0
        for seed in 1...100 as ClosedRange<UInt64> {
            let mesh = RandomMesh.make(seed: seed)
            var policies = mesh.expand()
            guard let index = policies.firstIndex(where: { !($0.egress ?? []).isEmpty }) else { continue }
            let component = policies[index].labels[componentLabelKey] ?? ""
            policies[index].egress!.removeFirst()
            let result = verify(mesh: mesh, policies: policies, defaultNamespace: mesh.namespace)
            if !result.passed {
                noticed += 1
                // Removing a rule only takes flows away.
                XCTAssertTrue(result.differences.allSatisfy { $0.extra.isEmpty && !$0.missing.isEmpty }, "seed \(seed): \(result)")
                XCTAssertTrue(result.differences.contains { $0.from == component }, "seed \(seed): \(result)")
            }
        }
        XCTAssertGreaterThan(noticed, 30)
    }

    /// `.Mesh` built from the expansion plan equals `.Mesh` built from the expanded policies, for
    /// meshes with every feature, in and out of id order (ids `c10` … sort before `c2`).
    func testTemplateValueFromThePlanEqualsTheExpandedPolicies() {
        // Seeds 401 and 402 are large enough (300 components) for the plan to be built on two threads.
        for seed in UInt64(1)...402 {
            let spec = RandomMesh.make(seed: seed, components: seed > 400 ? 300 : seed % 4 == 0 ? 12 : nil)
            XCTAssertEqual(spec.templateValue(), spec.templateValue(convertingEach: spec.expand()), "seed \(seed)")
        }
    }
}
