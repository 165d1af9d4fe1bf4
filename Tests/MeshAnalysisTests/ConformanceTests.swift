import MeshModel
import XCTest

@testable import MeshAnalysis

/// The Kubernetes e2e NetworkPolicy scenarios (and more), as data: every judged cell of every truth table, every flow.
final class ConformanceTests: XCTestCase {
    /// Checks the scenarios and reports each one's mismatches under its name.
    func assertScenarios(_ scenarios: [Conformance.Scenario], file: StaticString = #filePath, line: UInt = #line) {
        var cells = 0, flows = 0
        for scenario in scenarios {
            let outcome = Conformance.check(scenario)
            cells += outcome.cells
            flows += outcome.flows
            XCTAssertTrue(
                outcome.mismatches.isEmpty,
                "\(scenario.file): \(scenario.name) (\(outcome.mismatches.count) mismatches):\n" + outcome.mismatches.joined(separator: "\n"),
                file: file, line: line)
        }
        print("conformance: \(scenarios.count) scenarios, \(cells) cells, \(flows) flows checked")
    }

    func testE2ESuiteScenarios() throws {
        let scenarios = try Conformance.load("e2e.yaml")
        XCTAssertGreaterThanOrEqual(scenarios.count, 40)
        assertScenarios(scenarios)
    }

    func testSelectorPolicyTypeAndPortScenarios() throws {
        assertScenarios(try Conformance.load("extra.yaml"))
    }

    func testDataIsWellFormed() throws {
        let scenarios = try Conformance.loadAll()
        XCTAssertEqual(Set(scenarios.map(\.name)).count, scenarios.count, "scenario names are unique")
        for scenario in scenarios {
            for (number, step) in scenario.steps.enumerated() {
                XCTAssertFalse(step.probes.isEmpty, "\(scenario.name) step \(number + 1) probes something")
                let names = Set(Conformance.pods + step.addresses.map(\.name))
                for flow in step.flows {
                    XCTAssertTrue(names.contains(flow.from) && names.contains(flow.to), "\(scenario.name): flow \(flow.from) → \(flow.to)")
                }
                for pod in Array(step.podLabels.keys) + Array(step.namedPorts.keys) {
                    XCTAssertTrue(Conformance.pods.contains(pod), "\(scenario.name): unknown pod \(pod)")
                }
                for namespace in step.namespaceLabels.keys {
                    XCTAssertTrue(Conformance.namespaces.contains(namespace), "\(scenario.name): unknown namespace \(namespace)")
                }
            }
        }
    }
}
