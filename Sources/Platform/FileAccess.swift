/// Where a pipeline reads its inputs from: the file system and the process's stdin through
/// ``FileSystem/readFile(_:refusingIrregular:)`` (``standard``), or anything else a caller injects (tests read
/// from memory, no real files or stdin).
public struct FileAccess: Sendable {
    public var readFile: @Sendable (String) throws -> [UInt8] {
        didSet { readsFileSystem = false }
    }
    public var readStdin: @Sendable () throws -> [UInt8]
    /// Whether `readFile` reads the real file system (only ``standard`` does): inputs read ahead of need stand in
    /// for its reads only then.
    public private(set) var readsFileSystem: Bool

    public init(readFile: @escaping @Sendable (String) throws -> [UInt8], readStdin: @escaping @Sendable () throws -> [UInt8]) {
        self.init(readFile: readFile, readStdin: readStdin, readsFileSystem: false)
    }

    private init(
        readFile: @escaping @Sendable (String) throws -> [UInt8], readStdin: @escaping @Sendable () throws -> [UInt8],
        readsFileSystem: Bool
    ) {
        self.readFile = readFile
        self.readStdin = readStdin
        self.readsFileSystem = readsFileSystem
    }

    /// The real file system and the process's stdin (read once, then cached), bounded by
    /// ``FileSystem/maxInputSize``; failures are ``ReadError``s.
    public static let standard: FileAccess = {
        let stdin = StdinCache()
        return FileAccess(
            readFile: { path in try FileSystem.readFile(path) },
            readStdin: { try stdin.read() },
            readsFileSystem: true)
    }()
}

/// Stdin can be read once; several `-` inputs see the same bytes.
private final class StdinCache: @unchecked Sendable {
    private let lock = Lock()
    private var bytes: [UInt8]?

    func read() throws(ReadError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let bytes { return bytes }
        let read = try FileSystem.readStandardInputToEnd()
        bytes = read
        return read
    }
}
