import MeshModel
import XCTest

@testable import MeshAnalysis

/// Comparing two releases without listing their flows evaluates only the pairs a difference can reach (from a pod a
/// policy of one release selects for egress, towards one it selects for ingress, or from / towards an endpoint of one
/// release): it finds every change evaluating every pair finds, and no other.
final class ChangedPairsTests: XCTestCase {
    func testFocusedComparisonFindsTheChangesOfTheFullOne() throws {
        var changedPairs = 0, openedPairs = 0, comparisons = 0
        for seed in 1...300 as ClosedRange<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let old = RandomRelease.make(&rng)
            var new = old
            if seed % 5 == 0 { new.removeLastPod() }
            // Every kind of edit, one to three of them.
            var edits = [RandomRelease.Edit.allCases[Int(seed) % RandomRelease.Edit.allCases.count]]
            for _ in 0..<Int(seed % 3) { edits.append(RandomRelease.Edit.allCases.randomElement(using: &rng)!) }
            for edit in edits { _ = new.perturb(edit, &rng) }
            let before = try old.objectsAsRead(), after = try new.objectsAsRead()
            let full = ReleaseComparison(old: before, new: after, defaultNamespace: "alpha")
            let focused = ReleaseComparison(old: before, new: after, defaultNamespace: "alpha", listsFlows: false)
            XCTAssertEqual(focused.changes, full.changes, "seed \(seed), edits \(edits)")
            // The row-by-row walk that large un-isolations take finds the same changes.
            let walked = ReleaseComparison(old: before, new: after, defaultNamespace: "alpha", listsFlows: false, rowWalkAbove: 0)
            XCTAssertEqual(walked.changes, full.changes, "seed \(seed), edits \(edits): row walk")
            XCTAssertTrue(focused.old.isEmpty && focused.new.isEmpty, "seed \(seed): flows listed")
            XCTAssertFalse(full.old.isEmpty && full.new.isEmpty, "seed \(seed): no flows")
            changedPairs += full.changes.count
            openedPairs += full.changes.filter { !$0.opened.isEmpty }.count
            comparisons += 1
        }
        // The releases do differ: most comparisons have changes, opened ones among them.
        XCTAssertGreaterThan(changedPairs, 2 * comparisons)
        XCTAssertGreaterThan(openedPairs, comparisons / 2)
    }

    /// Identical releases have no pair to evaluate and no change.
    func testIdenticalReleasesHaveNoChange() throws {
        var rng = SeededGenerator(seed: 11)
        let objects = try RandomRelease.make(&rng).objectsAsRead()
        let comparison = ReleaseComparison(old: objects, new: objects, defaultNamespace: "alpha", listsFlows: false)
        XCTAssertEqual(comparison.changes, [])
        XCTAssertFalse(ReleaseComparison(old: objects, new: objects, defaultNamespace: "alpha").new.isEmpty)
    }

    /// The focus of a policy edit: its pods as sources when it isolates egress, as destinations when it isolates
    /// ingress; other pods not at all.
    func testFocusFollowsTheEditedPolicysTypes() throws {
        let web = Workload(kind: "Pod", name: "web", namespace: "shop", podLabels: ["app": "web"])
        let db = Workload(kind: "Pod", name: "db", namespace: "shop", podLabels: ["app": "db"])
        let ingressOnly = NetworkPolicy(
            name: "db", namespace: "shop", podSelector: LabelSelector(matchLabels: ["app": "db"]), policyTypes: [.ingress],
            ingress: [], egress: nil)
        let objects = ManifestObjects(policies: [ingressOnly], workloads: [web, db])
        let inventory = Inventory(objects: objects, defaultNamespace: "shop")
        let matcher = PeerMatcher(groups: inventory.groups)
        let focus = ReleaseComparison.changedPairs(
            [ResolvedPolicy(ingressOnly, defaultNamespace: "shop")], inventory: inventory, matcher: matcher)
        let group = { (name: String) in inventory.groupOf[inventory.index(named: name)!] }
        XCTAssertTrue(focus.isDestination(group("shop/db[Pod]")))
        XCTAssertFalse(focus.isSource(group("shop/db[Pod]")))
        XCTAssertFalse(focus.isSource(group("shop/web[Pod]")) || focus.isDestination(group("shop/web[Pod]")))
    }
}
