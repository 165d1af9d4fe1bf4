import MeshModel
import XCTest

@testable import MeshAnalysis

/// The inventory holds each policy once: a policy the other release holds too (equal, same namespace and name) is not
/// looked at again. That is sound because a policy whose selectors were all met before represents nothing new,
/// whatever came between: copies of every policy under other names leave the endpoints as they are.
final class RepeatedPoliciesTests: XCTestCase {
    func endpoints(_ inventory: Inventory) -> [String] {
        inventory.endpoints.map { "\($0.name) \($0.role) \($0.releases)" }
    }

    func testPoliciesMetAgainRepresentNothingNew() throws {
        for seed in 1...60 as ClosedRange<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let release = RandomRelease.make(&rng)
            let objects = try release.objectsAsRead()
            var copies = objects
            copies.policies = objects.policies.map { policy in
                var copy = policy
                copy.name = "zz-" + policy.name
                return copy
            }
            var once = InventoryBuilder(defaultNamespace: "alpha")
            once.add(objects)
            var again = InventoryBuilder(defaultNamespace: "alpha")
            again.add(objects)
            again.add(ManifestObjects(policies: copies.policies))
            XCTAssertEqual(endpoints(again.build()), endpoints(once.build()), "seed \(seed)")

            // Both releases holding the same policies: each is kept once, the inventory as of one release.
            var both = InventoryBuilder(defaultNamespace: "alpha")
            both.add(objects, releases: .old)
            both.add(objects, releases: .new)
            XCTAssertEqual(both.policies.count, objects.policies.count, "seed \(seed)")
            XCTAssertEqual(both.build().endpoints.map(\.name), once.build().endpoints.map(\.name), "seed \(seed)")
        }
    }
}
