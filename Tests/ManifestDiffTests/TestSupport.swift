import Foundation
import XCTest
import YAML

@testable import ManifestDiff
import TestSupport

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
        try GoldenFile.assert(actual, matches: directory.appendingPathComponent("golden").appendingPathComponent(name), file: file, line: line)
    }
}

extension DiffReport {
    /// `Kind/namespace/name:change` of every resource, for compact assertions.
    var resourceSummary: [String] {
        resources.map { "\($0.id.kind)/\($0.id.namespace)/\($0.id.name):\($0.change.rawValue)" }
    }
}
