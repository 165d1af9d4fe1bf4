import Foundation
import XCTest
import GoValues
import YAML

/// The project's own values files, read and written back exactly as Helm does.
final class ShippedValuesParityTests: XCTestCase {
    static var valuesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../values").standardized.resolvingSymlinksInPath()
    }

    static func shippedFiles() throws -> [URL] {
        let files = try FileManager.default.contentsOfDirectory(at: valuesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        if files.isEmpty { throw XCTSkip("no values files in \(valuesDirectory.path)") }
        return files
    }

    func testToYamlOfShippedValuesMatchesHelm() throws {
        let probe = try HelmProbe.locate()
        for file in try Self.shippedFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            let value = try YAMLParser().parse(text, file: file.lastPathComponent).withHelmNumbers().toValue()
            XCTAssertEqual(HelmYAML.toYaml(value), try probe.valuesAsYAML(text), file.lastPathComponent)
            XCTAssertEqual(GoJSON.encode(value), try probe.valuesAsJSON(text), file.lastPathComponent)
        }
    }

    func testShippedValuesRoundTripThroughTheOrderedEmitter() throws {
        for file in try Self.shippedFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            let node = try YAMLParser().parse(text, file: file.lastPathComponent)
            let back = try YAMLParser().parse(HelmYAML.emit(node), file: "emitted")
            XCTAssertEqual(back.toValue().withHelmNumbers(), node.toValue().withHelmNumbers(), file.lastPathComponent)
            XCTAssertEqual(back.mapping?.keys, node.mapping?.keys, file.lastPathComponent)
        }
    }
}
