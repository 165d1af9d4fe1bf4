import CSystem
import Dispatch
import XCTest
import GoValues
import Platform

#if canImport(Glibc)
import Glibc
#endif

/// The small POSIX layer the modules use instead of Foundation: threads with large stacks, file-system
/// questions, C number formatting.
final class SystemSupportTests: XCTestCase {
    func testWorkNeedingALargeStackRunsInPlaceOnAThreadThatHasIt() {
        XCTAssertEqual(LargeStackThread.stackLeft(), 0, "the test runner's thread was not started here")
        let outer = LargeStackThread.run(stackSize: 64 << 20) { () -> (Int, Int, Bool) in
            let left = LargeStackThread.stackLeft()
            let own = pthread_self()
            // Needs less than is left: runs in place, on the same thread.
            let inner = LargeStackThread.run(stackSize: 16 << 20) { pthread_equal(pthread_self(), own) != 0 }
            // Needs more than is left: gets a thread of its own.
            let bigger = LargeStackThread.run(stackSize: 128 << 20) { pthread_equal(pthread_self(), own) != 0 }
            return (left, inner ? 1 : 0, bigger)
        }
        XCTAssertGreaterThan(outer.0, 60 << 20)
        XCTAssertLessThanOrEqual(outer.0, 64 << 20)
        XCTAssertEqual(outer.1, 1)
        XCTAssertFalse(outer.2)
    }

    func testTheStackIsAsDeepAsPromised() {
        // ~200,000 frames of a few hundred bytes each: far beyond an 8 MB default stack.
        func depth(_ n: Int) -> Int {
            var pad = (n, n, n, n)
            return withUnsafeMutablePointer(to: &pad) { p in n == 0 ? 0 : 1 + depth(p.pointee.0 - 1) }
        }
        XCTAssertEqual(LargeStackThread.run(stackSize: 256 << 20) { depth(200_000) }, 200_000)
    }

    func testMapRunsEachShareWithTheStackAndTheFirstInPlace() {
        let outer = LargeStackThread.run(stackSize: 96 << 20) { () -> [String] in
            let caller = pthread_self()
            return LargeStackThread.map(4, stackSize: 64 << 20) { i -> String in
                let here = pthread_self()
                // Work needing less stack than each share has runs in place, on the share's thread.
                let inner = LargeStackThread.run(stackSize: 32 << 20) { pthread_equal(pthread_self(), here) != 0 }
                return "\(i):\(pthread_equal(here, caller) != 0):\(inner)"
            }
        }
        XCTAssertEqual(outer, ["0:true:true", "1:false:true", "2:false:true", "3:false:true"])
        // From a thread without the stack, every share gets a thread of its own.
        let plain = LargeStackThread.map(2, stackSize: 16 << 20) { i in LargeStackThread.stackLeft() > (15 << 20) ? i : -1 }
        XCTAssertEqual(plain, [0, 1])
    }

    func testDetachedWorkRuns() {
        let done = expectation(description: "detached body ran")
        LargeStackThread.runOrDetach(stackSize: 1 << 20) { done.fulfill() }
        wait(for: [done], timeout: 10)
    }

    func testBegunWorkRunsAlongsideAndIsWaitedForOnce() {
        let pending = LargeStackThread.begin(stackSize: 32 << 20) { () -> (Int, [UInt8]) in
            (LargeStackThread.stackLeft(), Self.allowedCPUs())
        }
        let (left, cpus) = pending.wait()
        XCTAssertGreaterThan(left, 30 << 20, "the thread has the stack it asked for")
        XCTAssertLessThanOrEqual(left, 32 << 20)
        // Started on another CPU than the caller's, it may run on all of the caller's CPUs once going.
        XCTAssertEqual(cpus, Self.allowedCPUs())
        XCTAssertEqual(pending.wait().0, left, "a second wait gives the same result")
        // Work nobody waits for is left to finish on its own.
        let done = expectation(description: "unwaited body ran")
        _ = LargeStackThread.begin(stackSize: 1 << 20) { done.fulfill() }
        wait(for: [done], timeout: 10)
    }

    /// The calling thread's CPU set, as bytes.
    private static func allowedCPUs() -> [UInt8] {
        var set = cpu_set_t()
        XCTAssertEqual(csystem_get_own_cpus(&set), 0)
        return withUnsafeBytes(of: &set) { Array($0) }
    }

    func testAbsolutePathsAreCleanedLikeGo() {
        XCTAssertEqual(FileSystem.absolute("/a/./b//c/../d/"), "/a/b/d")
        XCTAssertEqual(FileSystem.absolute("/../x"), "/x")
        XCTAssertEqual(FileSystem.absolute("/"), "/")
        let relative = FileSystem.absolute("x/../y")
        XCTAssertTrue(relative.hasPrefix("/") && relative.hasSuffix("/y") && !relative.contains(".."), relative)
        XCTAssertEqual(FileSystem.lastComponent("/a/chart/"), "chart")
        XCTAssertEqual(FileSystem.lastComponent("/"), "/")
        XCTAssertEqual(FileSystem.join("a/", "b"), "a/b")
        XCTAssertEqual(FileSystem.join("a", "b"), "a/b")
    }

    func testFilesBelowADirectoryFollowFileLinksButNotDirectoryLinks() throws {
        var template = Array("/tmp/meshrender-fs-XXXXXX".utf8CString)
        let root = try XCTUnwrap(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        defer { _ = system("rm -rf '\(root)'") }
        XCTAssertEqual(mkdir(root + "/sub", 0o755), 0)
        for file in ["/a.yaml", "/sub/b.yml"] {
            let fd = open(root + file, O_CREAT | O_WRONLY, 0o644)
            XCTAssertGreaterThanOrEqual(fd, 0)
            _ = write(fd, "k: v\n", 5)
            close(fd)
        }
        XCTAssertEqual(symlink(root + "/a.yaml", root + "/sub/link.yaml"), 0)
        XCTAssertEqual(symlink(root, root + "/sub/loop"), 0)  // a cycle: must not be walked
        XCTAssertEqual(FileSystem.filesBelow(root)?.sorted(), ["a.yaml", "sub/b.yml", "sub/link.yaml"])
        XCTAssertEqual(FileSystem.kind(of: root), .directory)
        XCTAssertEqual(FileSystem.kind(of: root + "/sub/link.yaml"), .file)
        XCTAssertNil(FileSystem.kind(of: root + "/missing"))
        XCTAssertEqual(FileSystem.read(root + "/a.yaml"), Array("k: v\n".utf8))
        XCTAssertNil(FileSystem.read(root + "/missing"))
        guard case .failure(let missing) = FileSystem.readOrFail(root + "/missing") else { return XCTFail("read a missing file") }
        XCTAssertEqual("\(missing.operation): \(missing.reason)", "open: no such file or directory")
        guard case .failure(let directory) = FileSystem.readOrFail(root) else { return XCTFail("read a directory") }
        XCTAssertEqual("\(directory.operation): \(directory.reason)", "read: is a directory")
        XCTAssertNil(FileSystem.filesBelow(root + "/missing"))
    }

    /// The one reader of inputs: bounded, irregular files refused on request, every failure one line naming the path.
    func testReadFileWordsEachFailureOnOneLine() throws {
        let root = "/tmp/platform-read-\(getpid())"
        XCTAssertEqual(mkdir(root, 0o755), 0)
        defer { _ = system("rm -rf '\(root)'") }
        let fd = open(root + "/a.yaml", O_CREAT | O_WRONLY, 0o644)
        _ = write(fd, "k: v\n", 5)
        close(fd)
        XCTAssertEqual(try FileSystem.readFile(root + "/a.yaml", refusingIrregular: true), Array("k: v\n".utf8))
        XCTAssertThrowsError(try FileSystem.readFile(root + "/missing")) { error in
            XCTAssertEqual("\(error)", "open \(root)/missing: no such file or directory")
        }
        XCTAssertThrowsError(try FileSystem.readFile(root)) { error in
            XCTAssertEqual("\(error)", "read \(root): is a directory")
        }
        XCTAssertEqual(mkfifo(root + "/pipe", 0o644), 0)
        XCTAssertThrowsError(try FileSystem.readFile(root + "/pipe", refusingIrregular: true)) { error in
            XCTAssertEqual("\(error)", "cannot load irregular file \(root)/pipe as it has file mode type bits set")
        }
        let limit = FileSystem.maxInputSize
        defer { FileSystem.maxInputSize = limit }
        FileSystem.maxInputSize = 2
        XCTAssertThrowsError(try FileSystem.readFile(root + "/a.yaml")) { error in
            XCTAssertEqual(
                "\(error)", "read \(root)/a.yaml: input larger than 0 MiB (the input size limit; --max-input-size MIB raises it)")
        }
    }

    func testCFormatMatchesCPrintf() {
        XCTAssertEqual(CFormat.double(1.0 / 3.0, precision: 6, conversion: "f"), "0.333333")
        XCTAssertEqual(CFormat.double(12345.678, precision: 2, conversion: "e"), "1.23e+04")
        XCTAssertEqual(CFormat.double(-0.5, precision: 0, conversion: "f"), "-0")
        XCTAssertEqual(CFormat.double(1e300, precision: 0, conversion: "f").count, 301)
    }

    func testLockGuardsSharedState() {
        let lock = Lock()
        nonisolated(unsafe) var counter = 0
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { lock.withLock { counter += 1 } }
        }
        XCTAssertEqual(counter, 80_000)
    }
}
