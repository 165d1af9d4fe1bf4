import Foundation
import HelmValues
import XCTest

@testable import MeshRender

/// A chart loaded ahead of need renders exactly as one loaded on demand, and a chart that fails to
/// load or parse fails in the render as it always does.
final class ChartPrefetchTests: XCTestCase {
    private func chart(_ name: String) -> String {
        ParityFixtures.root.appendingPathComponent(name).appendingPathComponent("chart").path
    }

    /// What a render printed, or the error it reported.
    private enum Outcome: Equatable {
        case success(String)
        case failure(String)
    }

    private func render(_ path: String) -> Outcome {
        do {
            let rendered = try Pipeline.render(
                chart: .directory(path), values: ValuesInput(), release: ReleaseInput(name: "r", namespace: "ns"),
                io: .standard)
            return .success(rendered.text)
        } catch {
            return .failure(String(describing: error))
        }
    }

    func testPrefetchedChartRendersTheSame() throws {
        for name in ["define-include", "multi-doc-ordering", "notes-and-partials", "subdirectory-templates"] {
            let path = chart(name)
            let onDemand = render(path)
            guard case .success(let text) = onDemand else { return XCTFail("\(name): \(onDemand)") }
            XCTAssertFalse(text.isEmpty, name)
            ChartPrefetch.start(directory: path)
            XCTAssertEqual(render(path), onDemand, name)
            XCTAssertNil(ChartPrefetch.take(directory: path), "\(name): a prefetch is taken once")
        }
    }

    func testFailuresAreReportedAsWithoutPrefetch() {
        for name in ["error-parse-unclosed", "error-parse-unexpected-end", "error-kube-version-invalid"] {
            let path = chart(name)
            let onDemand = render(path)
            guard case .failure = onDemand else { return XCTFail("\(name) should fail: \(onDemand)") }
            ChartPrefetch.start(directory: path)
            XCTAssertEqual(render(path), onDemand, name)
        }
        let missing = "/nonexistent/chart"
        let onDemand = render(missing)
        XCTAssertEqual(onDemand, .failure("path \"/nonexistent/chart\" not found"))
        ChartPrefetch.start(directory: missing)
        XCTAssertEqual(render(missing), onDemand)
    }

    func testAPrefetchOfAnotherPathIsNotUsed() {
        let wanted = chart("define-include"), other = chart("multi-doc-ordering")
        let expected = render(wanted)
        ChartPrefetch.start(directory: other)
        XCTAssertEqual(render(wanted), expected)
        XCTAssertNotNil(ChartPrefetch.take(directory: other), "the other path's prefetch is still there")
    }
}
