import XCTest
import Platform

#if canImport(Glibc)
import Glibc
#endif

/// Large chart files wait, open, until read: what they hold is read whole on first use, they are read even when
/// renamed or removed meanwhile, and what cannot be read at all fails when opened, as an eager read would.
final class DeferredFileTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/meshrender-deferred-XXXXXX".utf8CString)
        root = try XCTUnwrap(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
    }

    override func tearDown() {
        _ = system("rm -rf '\(root)'")
    }

    private func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = root + "/" + name
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    func testSmallFilesAreReadAtOnceLargeOnesOnFirstUse() throws {
        let small = write("small", Array("abc".utf8))
        let large = write("large", [UInt8](repeating: 120, count: 5000))
        guard case .bytes(let bytes) = try DeferredFile.open(small, deferringFrom: 4096).get() else { return XCTFail("small deferred") }
        XCTAssertEqual(bytes, Array("abc".utf8))
        guard case .deferred(let file) = try DeferredFile.open(large, deferringFrom: 4096).get() else { return XCTFail("large read") }
        XCTAssertEqual(file.size, 5000)
        // Removed after it was opened: still read, whole, and the same bytes on every call.
        XCTAssertEqual(unlink(large), 0)
        XCTAssertEqual(try file.bytes().get(), [UInt8](repeating: 120, count: 5000))
        XCTAssertEqual(try file.bytes().get().count, 5000)
    }

    func testWhatCannotBeReadFailsWhenOpened() {
        XCTAssertThrowsError(try DeferredFile.open(root + "/missing", deferringFrom: 1).get()) { error in
            XCTAssertEqual("\(error)", "open \(root)/missing: no such file or directory")
        }
        XCTAssertThrowsError(try DeferredFile.open(root, deferringFrom: 1).get()) { error in
            XCTAssertEqual("\(error)", "read \(root): is a directory")
        }
        XCTAssertEqual(mkfifo(root + "/pipe", 0o644), 0)
        XCTAssertThrowsError(try DeferredFile.open(root + "/pipe", deferringFrom: 1, refusingIrregular: true).get()) { error in
            XCTAssertEqual("\(error)", "cannot load irregular file \(root)/pipe as it has file mode type bits set")
        }
        let big = write("big", [UInt8](repeating: 0, count: 3 << 20))
        let limit = FileSystem.maxInputSize
        defer { FileSystem.maxInputSize = limit }
        FileSystem.maxInputSize = 1 << 20
        XCTAssertThrowsError(try DeferredFile.open(big, deferringFrom: 1).get()) { error in
            XCTAssertEqual("\(error)", "read \(big): input larger than 1 MiB (the input size limit; --max-input-size MIB raises it)")
        }
    }

    func testOnlySoManyFilesWaitOpen() throws {
        let path = write("f", [UInt8](repeating: 1, count: 100))
        var waiting: [DeferredFile] = []
        var readAtOnce = 0
        for _ in 0..<(DeferredFile.openLimit + 5) {
            switch try DeferredFile.open(path, deferringFrom: 10).get() {
            case .deferred(let file): waiting.append(file)
            case .bytes(let bytes):
                XCTAssertEqual(bytes.count, 100)
                readAtOnce += 1
            }
        }
        XCTAssertLessThanOrEqual(waiting.count, DeferredFile.openLimit)
        XCTAssertEqual(waiting.count + readAtOnce, DeferredFile.openLimit + 5)
        // A read closes its file, making room for the next.
        _ = waiting.removeLast().bytes()
        guard case .deferred = try DeferredFile.open(path, deferringFrom: 10).get() else { return XCTFail("no room after a read") }
    }
}
