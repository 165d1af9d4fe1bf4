import Foundation
import XCTest
import YAMLCore

@testable import ManifestDiff

/// Fixture files live next to the tests; golden files are rewritten when `MESHRENDER_UPDATE_GOLDEN=1`.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The documents of fixture files, concatenated, with `vald` as the default namespace.
    static func load(_ names: String...) throws -> [Document] {
        var documents: [Document] = []
        for name in names { documents += try ManifestSource.load(path: path(name), namespace: "vald") }
        return documents
    }

    /// Documents parsed from inline YAML.
    static func parse(_ text: String, file: String = "inline.yaml", namespace: String = "vald") throws -> [Document] {
        try ManifestSource.parse(bytes: Array(text.utf8), file: file, namespace: namespace)
    }

    static func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = directory.appendingPathComponent("golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MESHRENDER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "output differs from golden file \(name)", file: file, line: line)
    }
}

extension DiffReport {
    /// `Kind/namespace/name:change` of every resource, for compact assertions.
    var resourceSummary: [String] {
        resources.map { "\($0.id.kind)/\($0.id.namespace)/\($0.id.name):\($0.change.rawValue)" }
    }
}
