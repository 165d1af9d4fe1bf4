import MeshModel
import XCTest

@testable import MeshAnalysis

/// The analysis agrees with nca, an independent NetworkPolicy analyzer, pair by pair.
final class NCACrossCheckTests: XCTestCase {
    func nca() throws -> NCA { try NCA.require() }

    /// The inventory with every pod declaring a named container port `http` (8080/TCP), so named ports resolve
    /// the same way on both sides.
    func withNamedPorts(_ inventory: Inventory) -> Inventory {
        Inventory(endpoints: inventory.endpoints.map { endpoint in
            var copy = endpoint
            if case .pod = endpoint.address { copy.namedPorts = ["http": NamedPortBinding(proto: .tcp, number: 8080)] }
            return copy
        })
    }

    func assertAgreement(_ policies: [NetworkPolicy], inventory: Inventory, namespace: String, _ label: String,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let theirs = try nca().connectivity(
            policies: policies.map { var p = $0; p.namespace = p.namespace ?? namespace; return p }, inventory: inventory)
        let ours = EffectiveConnectivity(policies: policies, defaultNamespace: namespace, inventory: inventory)
        var mismatches: [String] = []
        var allowedPairs = 0
        for s in inventory.endpoints.indices {
            for d in inventory.endpoints.indices where s != d {
                if case .ip = inventory.endpoints[s].address, case .ip = inventory.endpoints[d].address { continue }
                let mine = ours.map.ports(from: s, to: d)
                let other = theirs[NCA.Pair(from: s, to: d)] ?? .empty
                if !mine.isEmpty { allowedPairs += 1 }
                if mine != other {
                    mismatches.append("\(inventory.endpoints[s].name) → \(inventory.endpoints[d].name): ours \(mine), nca \(other)")
                }
            }
        }
        XCTAssertTrue(mismatches.isEmpty, "\(label):\n" + mismatches.joined(separator: "\n"), file: file, line: line)
        XCTAssertGreaterThan(allowedPairs, 0, label, file: file, line: line)
    }

    func testValdAgrees() throws {
        let mesh = try ValdMatrixTests.loadMesh("values/vald.yaml")
        try assertAgreement(mesh.expand(), inventory: withNamedPorts(Inventory(mesh: mesh)), namespace: "vald", "vald.yaml")
        // The Vald-style set with an open filter-gateway egress, and the hand-written chart policies.
        var open = Vald.policies
        open[open.firstIndex { $0.name == "vald-filter-gateway-allow" }!].egress!.append(PolicyRule())
        try assertAgreement(open, inventory: withNamedPorts(Inventory(mesh: Vald.mesh)), namespace: "vald", "vald, open egress")
    }

    func testSemanticsCasesAgree() throws {
        _ = try nca()
        // nca refuses egress rules in a policy without Egress in policyTypes; and it knows the fixture's pods have no
        // container ports, where the analysis was told their ports are unknown.
        let notComparable = ["rules of a direction not in policyTypes are ignored", "named port on a pod with unknown ports stays symbolic"]
        for (rule, policies, namespace, _) in SemanticsTests.cases where !policies.isEmpty && !notComparable.contains(rule) {
            try assertAgreement(policies, inventory: SemanticsTests.inventory, namespace: namespace, rule)
        }
    }

    func testRandomMeshesAgree() throws {
        _ = try nca()
        for seed in [3, 7, 11, 19, 23, 42, 57, 99] as [UInt64] {
            let mesh = RandomMesh.make(seed: seed)
            try assertAgreement(
                mesh.expand(), inventory: withNamedPorts(Inventory(mesh: mesh)), namespace: mesh.namespace, "seed \(seed)")
        }
    }
}
