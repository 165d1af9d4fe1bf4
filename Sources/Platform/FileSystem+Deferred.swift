#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened now and read when its bytes are first needed, then kept: for the large files of a chart
/// that most renders never look at (a README, the files behind `.Files`, a subchart's CRDs). It stays open meanwhile,
/// so a file renamed, removed or made unreadable after it was opened is still read; what it holds when read is what
/// is read, as a file read then would be.
public final class DeferredFile: @unchecked Sendable {
    /// The path, for messages.
    public let path: String
    /// Its size when it was opened.
    public let size: Int
    private var descriptor: Int32
    private var result: Result<[UInt8], ReadError>?
    private let lock = Lock()

    /// How many files may wait open at once (each holds a descriptor); past it, files are read at once.
    public static let openLimit = 64
    private static let openCount = Counter()

    private init(path: String, size: Int, descriptor: Int32) {
        self.path = path
        self.size = size
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            Self.openCount.add(-1)
        }
    }

    /// The bytes of the file, read on the first call (later calls return the same result).
    public func bytes() -> Result<[UInt8], ReadError> {
        lock.withLock {
            if let result { return result }
            let read = FileSystem.readFromStart(descriptor).mapError { ReadError($0, path: path) }
            result = read
            close(descriptor)
            descriptor = -1
            Self.openCount.add(-1)
            return read
        }
    }

    /// What reading `path` gives: its bytes now when it is smaller than `deferringFrom` bytes (or no regular file, or
    /// too many files wait open already), else the file opened and kept for a later read. Fails as
    /// ``FileSystem/readFile(_:refusingIrregular:)`` fails (a file too large fails now, not when read).
    public static func open(
        _ path: String, deferringFrom threshold: Int, refusingIrregular: Bool = false
    ) -> Result<Either, ReadError> {
        if refusingIrregular, FileSystem.isIrregular(path) {
            return .failure(ReadError("cannot load irregular file \(path) as it has file mode type bits set"))
        }
        let fd = FileSystem.openForReading(path)
        guard fd >= 0 else { return .failure(ReadError(FileSystem.Failure(operation: "open", code: errno), path: path)) }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let size = regular ? max(Int(info.st_size), 0) : 0
        if size > FileSystem.maxInputSize {
            close(fd)
            return .failure(ReadError(FileSystem.tooLarge, path: path))
        }
        if regular, size >= threshold, openCount.add(1) <= openLimit {
            return .success(.deferred(DeferredFile(path: path, size: size, descriptor: fd)))
        }
        if regular, size >= threshold { openCount.add(-1) }
        defer { close(fd) }
        return FileSystem.readFromStart(fd).map(Either.bytes).mapError { ReadError($0, path: path) }
    }

    /// A file's bytes, or the file waiting to be read.
    public enum Either: Sendable {
        case bytes([UInt8])
        case deferred(DeferredFile)
    }

    /// A count shared by threads.
    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = Lock()

        /// Adds `delta`; the new value.
        @discardableResult
        func add(_ delta: Int) -> Int { lock.withLock { value += delta; return value } }
    }
}
