import Platform
import Synchronization
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Work taken as it is handed over: every item's output comes back in submission order, whichever thread took it,
/// and work closed without being collected stops.
final class StreamedWorkTests: XCTestCase {
    func testOutputsComeInSubmissionOrder() {
        let calls = Atomic<Int>(0)
        let work = StreamedWork(stackSize: 1 << 20) { (item: Int) -> String in
            calls.add(1, ordering: .relaxed)
            if item % 7 == 0 { usleep(200) }  // uneven items: the caller takes some at the end
            return "item \(item)"
        }
        for i in 0..<500 { work.submit(i) }
        XCTAssertEqual(work.finish(), (0..<500).map { "item \($0)" })
        XCTAssertEqual(calls.load(ordering: .relaxed), 500, "each item once")
    }

    func testItemsAreWorkedOnWhileMoreAreSubmitted() {
        let started = Atomic<Bool>(false)
        let work = StreamedWork(stackSize: 1 << 20) { (item: Int) -> Int in
            started.store(true, ordering: .relaxed)
            return item * 2
        }
        work.submit(21)
        // The thread takes the first item without waiting for the end of the submissions.
        var waited = 0
        while !started.load(ordering: .relaxed) && waited < 5_000 {
            usleep(1000)
            waited += 1
        }
        XCTAssertTrue(started.load(ordering: .relaxed))
        work.submit(1)
        XCTAssertEqual(work.finish(), [42, 2])
    }

    func testNoItemsAndClosedWork() {
        XCTAssertEqual(StreamedWork(stackSize: 1 << 20) { (i: Int) in i }.finish(), [])
        // Closed without collecting (the producer failed): the thread finishes what it was given and stops.
        let done = Atomic<Int>(0)
        do {
            let work = StreamedWork(stackSize: 1 << 20) { (i: Int) -> Int in
                done.add(1, ordering: .relaxed)
                return i
            }
            for i in 0..<10 { work.submit(i) }
            work.close()
        }
        var waited = 0
        while done.load(ordering: .relaxed) < 10 && waited < 5_000 {
            usleep(1000)
            waited += 1
        }
        XCTAssertEqual(done.load(ordering: .relaxed), 10)
    }
}
