import Foundation
import HelmValues
import XCTest

@testable import Charts
@testable import MeshRender

/// A chart loaded on a second core while the values are read renders exactly as one loaded in turn, and the errors
/// come in `helm template`'s order: the chart's before the values'.
final class InputPrefetchTests: XCTestCase {
    private func parityCase(_ name: String) -> URL { ParityFixtures.root.appendingPathComponent(name) }
    private func chart(_ name: String) -> String { parityCase(name).appendingPathComponent("chart").path }

    /// What a render printed, or the error it reported.
    private enum Outcome: Equatable {
        case success(String)
        case failure(String)
    }

    private func outcome(_ body: () throws -> String) -> Outcome {
        do {
            return .success(try body())
        } catch {
            return .failure(String(describing: error))
        }
    }

    private func render(
        _ chart: ChartReference, files: [String] = [], io: FileAccess = .standard, prefetched: InputPrefetch? = nil
    ) -> Outcome {
        outcome {
            try Pipeline.render(
                chart: chart, values: ValuesInput(valueFiles: files), release: ReleaseInput(name: "r", namespace: "ns"), io: io,
                prefetched: prefetched
            ).text
        }
    }

    /// The same chart loaded and rendered on the caller's thread alone, its templates parsed by the render.
    private func renderInTurn(_ path: String, files: [String] = []) -> Outcome {
        outcome {
            let chart = try ChartLoader.load(directory: path)
            let user = try ValuesInput(valueFiles: files).merged()
            return try ChartRenderer(chart: chart).render(values: user, release: ReleaseInput(name: "r", namespace: "ns")).text
        }
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testAChartLoadedAheadRendersTheSame() throws {
        for name in ["define-include", "multi-doc-ordering", "notes-and-partials", "subdirectory-templates"] {
            let path = chart(name)
            let inTurn = renderInTurn(path)
            guard case .success(let text) = inTurn else { return XCTFail("\(name): \(inTurn)") }
            XCTAssertFalse(text.isEmpty, name)
            XCTAssertEqual(render(.directory(path)), inTurn, name)
        }
        let files = ["base.yaml", "prod.yaml", "override.yaml"].map { parityCase("values-multiple-files").appendingPathComponent($0).path }
        let path = chart("values-multiple-files")
        let inTurn = renderInTurn(path, files: files)
        guard case .success = inTurn else { return XCTFail("\(inTurn)") }
        XCTAssertEqual(render(.directory(path), files: files), inTurn)
        // Started earlier, with the values files (as the command line starts it while its parser starts up).
        XCTAssertEqual(render(.directory(path), files: files, prefetched: .start(chart: .directory(path), valuesFiles: files)), inTurn)
        // Values files alone, for the built-in chart.
        let mesh = BuiltinChartTests.root.appendingPathComponent("values/vald.yaml").path
        let builtin = render(.builtin, files: [mesh])
        guard case .success = builtin else { return XCTFail("\(builtin)") }
        XCTAssertEqual(render(.builtin, files: [mesh], prefetched: .start(chart: .builtin, valuesFiles: [mesh])), builtin)
    }

    func testAPrefetchOfAnotherChartIsNotUsed() {
        let wanted = chart("define-include"), other = chart("multi-doc-ordering")
        let expected = render(.directory(wanted))
        guard case .success = expected else { return XCTFail("\(expected)") }
        XCTAssertEqual(render(.directory(wanted), prefetched: .start(chart: .directory(other))), expected)
        XCTAssertEqual(render(.directory(wanted), prefetched: .start(chart: .builtin)), expected)
    }

    func testALoadIsTakenOnce() throws {
        let loading = InputPrefetch.start(chart: .directory(chart("define-include")))
        guard case .success(let loaded)? = loading.take()?.chart else { return XCTFail("the chart did not load") }
        XCTAssertEqual(loaded.chart.templates, try ChartLoader.load(directory: chart("define-include")).templates)
        XCTAssertNotNil(loaded.templates, "a chart without subcharts has its templates parsed ahead")
        XCTAssertNil(loading.take(), "a load is taken once")
        // A load nobody takes is waited for when the handle goes.
        _ = InputPrefetch.start(chart: .directory(chart("multi-doc-ordering")))
    }

    func testFailuresAreReportedAsInTurn() throws {
        for name in ["error-parse-unclosed", "error-parse-unexpected-end", "error-kube-version-invalid"] {
            let path = chart(name)
            let inTurn = renderInTurn(path)
            guard case .failure = inTurn else { return XCTFail("\(name) should fail: \(inTurn)") }
            XCTAssertEqual(render(.directory(path)), inTurn, name)
        }
        let missing = "/nonexistent/chart"
        XCTAssertEqual(render(.directory(missing)), .failure("path \"/nonexistent/chart\" not found"))

        let broken = try temporaryDirectory().appendingPathComponent("broken.yaml")
        try "a: [1, 2\nb: c\n".write(to: broken, atomically: true, encoding: .utf8)
        let badValues = render(.directory(chart("define-include")), files: [broken.path])
        guard case .failure(let message) = badValues else { return XCTFail("\(badValues)") }
        XCTAssertTrue(message.contains("broken.yaml:"), message)
        // Both bad: the chart's error is the one reported, though the values were read while it loaded.
        XCTAssertEqual(render(.directory(missing), files: [broken.path]), .failure("path \"/nonexistent/chart\" not found"))
        // Read ahead, the same failures.
        XCTAssertEqual(render(.directory(missing), prefetched: .start(chart: .directory(missing))), render(.directory(missing)))
        let path = chart("define-include")
        XCTAssertEqual(
            render(.directory(path), files: [broken.path], prefetched: .start(chart: .directory(path), valuesFiles: [broken.path])),
            badValues)
        for name in ["error-parse-unclosed", "error-kube-version-invalid"] {
            let path = chart(name)
            XCTAssertEqual(render(.directory(path), prefetched: .start(chart: .directory(path))), renderInTurn(path), name)
        }
    }

    /// Values files are read through the release's reader: read ahead from the disk, they stand in only for it.
    func testValuesAreReadThroughTheGivenReader() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "who: {{ .Values.who }}\n".write(to: dir.appendingPathComponent("templates/who.yaml"), atomically: true, encoding: .utf8)
        try "apiVersion: v2\nname: who\nversion: 0.1.0\n".write(to: dir.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("values.override.yaml")
        try "who: disk\n".write(to: file, atomically: true, encoding: .utf8)
        let io = FileAccess(readFile: { _ in Array("who: injected\n".utf8) }, readStdin: { [] })
        guard case .success(let injected) = render(.directory(dir.path), files: [file.path], io: io) else { return XCTFail() }
        XCTAssertTrue(injected.contains("who: injected"), injected)
        // Values files read ahead from the disk stand in only for a reader of the file system.
        let ahead = { InputPrefetch.start(chart: .directory(dir.path), valuesFiles: [file.path]) }
        guard case .success(let aheadInjected) = render(.directory(dir.path), files: [file.path], io: io, prefetched: ahead())
        else { return XCTFail() }
        XCTAssertTrue(aheadInjected.contains("who: injected"), aheadInjected)
        var edited = FileAccess.standard
        edited.readFile = { _ in Array("who: edited\n".utf8) }
        guard case .success(let text) = render(.directory(dir.path), files: [file.path], io: edited, prefetched: ahead()) else {
            return XCTFail()
        }
        XCTAssertTrue(text.contains("who: edited"), text)
        guard case .success(let disk) = render(.directory(dir.path), files: [file.path], prefetched: ahead()) else { return XCTFail() }
        XCTAssertTrue(disk.contains("who: disk"), disk)
    }
}
