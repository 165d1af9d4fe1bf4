import Foundation
import XCTest
import GoValues
@testable import TemplateEngine
import HelmFunctions

/// Executes the benchmark chart's template (bench/docs-chart) for 500 and 5,000 apps with services: 1,000 and
/// 10,000 YAML documents, every one complete. How long it takes is measured by `bench/run chart`, not here.
final class TenThousandDocumentsTests: XCTestCase {
    static let chartDir = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bench/docs-chart/templates")

    static func apps(_ n: Int) -> Value {
        .list((0..<n).map { i in
            .map([
                "name": .string("app-\(i)"),
                "replicas": .float(Double(i % 3 + 1)),
                "service": .bool(true),
                "env": .map(["mode": .string("prod"), "index": .float(Double(i))]),
                "ports": .list([.map(["name": .string("http"), "containerPort": .float(8080)])]),
            ])
        })
    }

    func render(apps n: Int, set: TemplateSet) throws -> String {
        let data: Value = .map([
            "Values": .map([
                "image": .map(["repository": .string("registry.example.com/app"), "tag": .string("1.0")]),
                "apps": Self.apps(n),
            ]),
            "Release": .map(["Name": .string("bench"), "Namespace": .string("default")]),
            "Chart": .map(["Name": .string("docs"), "Version": .string("0.1.0")]),
        ])
        return try set.execute(name: "docs/templates/apps.yaml", data: data)
    }

    func testTenThousandDocuments() throws {
        let apps = try String(contentsOf: Self.chartDir.appendingPathComponent("apps.yaml"), encoding: .utf8)
        let helpers = try String(contentsOf: Self.chartDir.appendingPathComponent("_helpers.tpl"), encoding: .utf8)
        let set = TemplateSet()
        try set.parse(name: "docs/templates/_helpers.tpl", text: helpers)
        try set.parse(name: "docs/templates/apps.yaml", text: apps)
        let small = try render(apps: 500, set: set)
        let out = try render(apps: 5000, set: set)
        let documents = out.components(separatedBy: "---\napiVersion").count - 1
        XCTAssertEqual(documents, 10_000)
        XCTAssertEqual(small.components(separatedBy: "---\napiVersion").count - 1, 1_000)
        XCTAssertTrue(out.contains("name: app-4999\n"))
    }
}
