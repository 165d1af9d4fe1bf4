import Synchronization
import XCTest

@testable import TemplateEngine

/// Windows run on fewer threads than there are windows: every window once, results in window order,
/// never more windows at work at once than threads.
final class RangeWindowsTests: XCTestCase {
    func testMoreWindowsThanWorkersCoverTheElementsInOrder() {
        for (elements, windows, workers) in [(100, 7, 3), (10, 10, 2), (5, 4, 1), (1000, 26, 2), (9, 3, 5)] {
            let busy = Atomic<Int>(0)
            let mostBusy = Atomic<Int>(0)
            let ranges = RangeWindows.map(elements: elements, windows: windows, workers: workers, stackSize: 1 << 20) {
                window -> Range<Int> in
                let now = busy.add(1, ordering: .sequentiallyConsistent).newValue
                _ = mostBusy.max(now, ordering: .sequentiallyConsistent)
                usleep(1000)
                busy.subtract(1, ordering: .sequentiallyConsistent)
                return window
            }
            XCTAssertEqual(ranges.count, windows)
            XCTAssertEqual(ranges.first?.lowerBound, 0)
            XCTAssertEqual(ranges.last?.upperBound, elements)
            for (a, b) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
            XCTAssertEqual(ranges, (0..<windows).map { RangeWindows.window($0, of: windows, elements: elements) })
            XCTAssertLessThanOrEqual(mostBusy.load(ordering: .sequentiallyConsistent), min(workers, windows))
        }
    }
}
