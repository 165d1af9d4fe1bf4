import Foundation
import HelmValues
import XCTest

@testable import MeshRender

/// Inputs read ahead of need render exactly as inputs read on demand, and an input that fails to
/// load or parse fails in the render as it always does.
final class InputPrefetchTests: XCTestCase {
    private func parityCase(_ name: String) -> URL { ParityFixtures.root.appendingPathComponent(name) }
    private func chart(_ name: String) -> String { parityCase(name).appendingPathComponent("chart").path }

    /// What a render printed, or the error it reported.
    private enum Outcome: Equatable {
        case success(String)
        case failure(String)
    }

    private func render(_ chart: ChartReference, files: [String] = [], io: FileAccess = .standard) -> Outcome {
        do {
            let rendered = try Pipeline.render(
                chart: chart, values: ValuesInput(files: files), release: ReleaseInput(name: "r", namespace: "ns"), io: io)
            return .success(rendered.text)
        } catch {
            return .failure(String(describing: error))
        }
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testPrefetchedInputsRenderTheSame() throws {
        for name in ["define-include", "multi-doc-ordering", "notes-and-partials", "subdirectory-templates"] {
            let path = chart(name)
            let onDemand = render(.directory(path))
            guard case .success(let text) = onDemand else { return XCTFail("\(name): \(onDemand)") }
            XCTAssertFalse(text.isEmpty, name)
            InputPrefetch.start(chart: path, valuesFiles: [])
            XCTAssertEqual(render(.directory(path)), onDemand, name)
            XCTAssertNil(InputPrefetch.take(), "\(name): a prefetch is taken once")
        }
        let files = ["base.yaml", "prod.yaml", "override.yaml"].map { parityCase("values-multiple-files").appendingPathComponent($0).path }
        let path = chart("values-multiple-files")
        let onDemand = render(.directory(path), files: files)
        guard case .success = onDemand else { return XCTFail("\(onDemand)") }
        InputPrefetch.start(chart: path, valuesFiles: files)
        XCTAssertEqual(render(.directory(path), files: files), onDemand)
        // Values files alone (the built-in chart names no directory).
        let mesh = BuiltinChartTests.root.appendingPathComponent("values/vald.yaml").path
        let builtin = render(.builtin, files: [mesh])
        InputPrefetch.start(chart: nil, valuesFiles: [mesh])
        XCTAssertEqual(render(.builtin, files: [mesh]), builtin)
    }

    func testFailuresAreReportedAsWithoutPrefetch() throws {
        for name in ["error-parse-unclosed", "error-parse-unexpected-end", "error-kube-version-invalid"] {
            let path = chart(name)
            let onDemand = render(.directory(path))
            guard case .failure = onDemand else { return XCTFail("\(name) should fail: \(onDemand)") }
            InputPrefetch.start(chart: path, valuesFiles: [])
            XCTAssertEqual(render(.directory(path)), onDemand, name)
        }
        let missing = "/nonexistent/chart"
        let onDemand = render(.directory(missing))
        XCTAssertEqual(onDemand, .failure("path \"/nonexistent/chart\" not found"))
        InputPrefetch.start(chart: missing, valuesFiles: [])
        XCTAssertEqual(render(.directory(missing)), onDemand)

        let broken = try temporaryDirectory().appendingPathComponent("broken.yaml")
        try "a: [1, 2\nb: c\n".write(to: broken, atomically: true, encoding: .utf8)
        let path = chart("define-include")
        let badValues = render(.directory(path), files: [broken.path])
        guard case .failure(let message) = badValues else { return XCTFail("\(badValues)") }
        XCTAssertTrue(message.contains("broken.yaml:"), message)
        InputPrefetch.start(chart: path, valuesFiles: [broken.path])
        XCTAssertEqual(render(.directory(path), files: [broken.path]), badValues)
    }

    func testAPrefetchOfOtherInputsIsNotUsed() {
        let wanted = chart("define-include"), other = chart("multi-doc-ordering")
        let expected = render(.directory(wanted))
        InputPrefetch.start(chart: other, valuesFiles: [])
        XCTAssertEqual(render(.directory(wanted)), expected)
    }

    /// Values files are read ahead from the file system; a render that reads its files some other
    /// way reads them that way.
    func testPrefetchedValuesStandOnlyForTheFileSystem() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "who: {{ .Values.who }}\n".write(to: dir.appendingPathComponent("templates/who.yaml"), atomically: true, encoding: .utf8)
        try "apiVersion: v2\nname: who\nversion: 0.1.0\n".write(to: dir.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("values.override.yaml")
        try "who: disk\n".write(to: file, atomically: true, encoding: .utf8)
        let io = FileAccess(readFile: { _ in Array("who: injected\n".utf8) }, readStdin: { [] })

        InputPrefetch.start(chart: dir.path, valuesFiles: [file.path])
        guard case .success(let injected) = render(.directory(dir.path), files: [file.path], io: io) else { return XCTFail() }
        XCTAssertTrue(injected.contains("who: injected"), injected)
        var edited = FileAccess.standard
        edited.readFile = { _ in Array("who: edited\n".utf8) }
        InputPrefetch.start(chart: dir.path, valuesFiles: [file.path])
        guard case .success(let text) = render(.directory(dir.path), files: [file.path], io: edited) else { return XCTFail() }
        XCTAssertTrue(text.contains("who: edited"), text)
        InputPrefetch.start(chart: dir.path, valuesFiles: [file.path])
        guard case .success(let disk) = render(.directory(dir.path), files: [file.path]) else { return XCTFail() }
        XCTAssertTrue(disk.contains("who: disk"), disk)
    }
}
