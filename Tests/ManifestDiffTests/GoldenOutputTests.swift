import XCTest

@testable import ManifestDiff

/// Whole outputs of every writer on one release pair: Vald's policies with the overlay (filter-gateway →
/// agent added, lb-gateway → discoverer dropped) plus a Deployment, a Secret, a Service and a ConfigMap.
final class GoldenOutputTests: XCTestCase {
    func report() throws -> DiffReport {
        let old = try Fixtures.load("vald-policies.yaml", "app-old.yaml")
        let new = try Fixtures.load("vald-policies-overlay.yaml", "app-new.yaml")
        return try ManifestDiffer.diff(old: old, new: new, options: DiffOptions(ignoreLabels: ["helm.sh/chart"]))
    }

    func testHuman() throws {
        try Fixtures.assertGolden(DiffWriter.human.render(try report()), "release.human")
    }

    func testHumanColoured() throws {
        let text = DiffWriter.human.render(try report(), options: .init(color: true))
        try Fixtures.assertGolden(text, "release.human-color")
        XCTAssertTrue(text.contains("\u{1B}[32m+ one list entry added:\u{1B}[0m"))
    }

    func testUnified() throws {
        try Fixtures.assertGolden(DiffWriter.unified.render(try report()), "release.unified")
    }

    func testUnifiedWithoutContext() throws {
        try Fixtures.assertGolden(DiffWriter.unified.render(try report(), options: .init(context: 0)), "release.unified-0")
    }

    func testBrief() throws {
        try Fixtures.assertGolden(DiffWriter.brief.render(try report()), "release.brief")
    }

    func testJSON() throws {
        let text = DiffWriter.json.render(try report())
        try Fixtures.assertGolden(text, "release.json")
        // The shape is valid JSON with exactly the documented keys.
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual(Set(object?.keys ?? [:].keys), ["resources", "connectivity"])
        let resources = object?["resources"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(resources.first?.keys ?? [:].keys), ["kind", "namespace", "name", "change", "fields"])
        let fields = resources.first { ($0["change"] as? String) == "modified" }?["fields"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(fields.first?.keys ?? [:].keys), ["path", "change", "from", "to"])
        let flows = object?["connectivity"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(flows.first?.keys ?? [:].keys), ["from", "to", "ports", "change"])
    }

    func testEmptyReportRendersNothingButJSONShape() throws {
        let docs = try Fixtures.load("vald-policies.yaml")
        let report = try ManifestDiffer.diff(old: docs, new: docs)
        XCTAssertEqual(DiffWriter.human.render(report), "")
        XCTAssertEqual(DiffWriter.unified.render(report), "")
        XCTAssertEqual(DiffWriter.brief.render(report), "")
        XCTAssertEqual(DiffWriter.json.render(report), "{\n  \"resources\": [],\n  \"connectivity\": []\n}\n")
    }

    func testOutputIsDeterministic() throws {
        let first = DiffWriter.json.render(try report()) + DiffWriter.human.render(try report())
        for _ in 0..<3 {
            XCTAssertEqual(DiffWriter.json.render(try report()) + DiffWriter.human.render(try report()), first)
        }
    }
}
