import MeshModel
import XCTest

@testable import MeshAnalysis

/// The conformance scenarios through nca, an independent analyzer: the analysis and nca agree on every ordered pair of
/// endpoints, ports included, in every step of every scenario nca can express.
final class ConformanceNCATests: XCTestCase {
    func testScenariosAgreeWithNCA() throws {
        let nca = try NCA.require()
        var steps = 0, pairs = 0, agreeing = 0, allowedPairs = 0
        var skipped: [String] = []
        for scenario in try Conformance.loadAll() {
            if let limit = scenario.ncaLimit {
                skipped.append("\(scenario.name): \(limit)")
                continue
            }
            for (number, step) in scenario.steps.enumerated() {
                let label = scenario.steps.count > 1 ? "\(scenario.name) (step \(number + 1))" : scenario.name
                let inventory = step.inventory
                let theirs: [NCA.Pair: PortSet]
                do {
                    theirs = try nca.connectivity(
                        policies: step.policies.map { var p = $0; p.namespace = p.namespace ?? "x"; return p }, inventory: inventory)
                } catch {
                    XCTFail("\(label): nca failed: \(error)")
                    continue
                }
                // nca reports a refusal on stderr, which reads back as "nothing allowed"; every step of the data
                // allows some flow, so an empty answer is a refusal.
                guard !theirs.values.allSatisfy(\.isEmpty) else {
                    XCTFail("\(label): nca allowed nothing at all (a refusal? run it by hand to see its stderr)")
                    continue
                }
                steps += 1
                let ours = EffectiveConnectivity(policies: step.policies, defaultNamespace: "x", inventory: inventory)
                var mismatches: [String] = []
                for s in inventory.endpoints.indices {
                    for d in inventory.endpoints.indices where s != d {
                        if case .ip = inventory.endpoints[s].address, case .ip = inventory.endpoints[d].address { continue }
                        pairs += 1
                        let mine = ours.map.ports(from: s, to: d)
                        let other = theirs[NCA.Pair(from: s, to: d)] ?? .empty
                        if !mine.isEmpty { allowedPairs += 1 }
                        if mine == other {
                            agreeing += 1
                        } else {
                            mismatches.append("\(inventory.endpoints[s].name) → \(inventory.endpoints[d].name): ours \(mine), nca \(other)")
                        }
                    }
                }
                XCTAssertTrue(mismatches.isEmpty, "\(scenario.file): \(label):\n" + mismatches.joined(separator: "\n"))
            }
        }
        XCTAssertGreaterThan(allowedPairs, 0)
        print("conformance vs nca: \(steps) steps, \(agreeing) of \(pairs) ordered pairs agree (ports included)")
        for line in skipped { print("conformance vs nca: not checked: \(line)") }
    }
}
