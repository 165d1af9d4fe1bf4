import HelmValues
import Diagnostics
import Platform

/// How the pipeline reads its inputs: injectable so tests need no real files or stdin.
public struct FileAccess: Sendable {
    public var readFile: @Sendable (String) throws -> [UInt8] {
        didSet { readsFileSystem = false }
    }
    public var readStdin: @Sendable () throws -> [UInt8]
    /// Whether `readFile` reads the real file system (only ``standard`` does): values files read
    /// ahead of need (``InputPrefetch``) stand in for its reads only then.
    private(set) var readsFileSystem: Bool

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

    /// The real file system (errors worded as Helm words them) and the process's stdin (read once, then cached).
    public static let standard: FileAccess = {
        let stdin = StdinCache()
        return FileAccess(
            readFile: { path in try ValuesOptions.readFileFromDisk(path) },
            readStdin: { try stdin.read() },
            readsFileSystem: true)
    }()
}

/// Stdin can be read once; several `-` inputs see the same bytes.
private final class StdinCache: @unchecked Sendable {
    private let lock = Lock()
    private var bytes: [UInt8]?

    func read() throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let bytes { return bytes }
        let read = try ValuesOptions.readStandardInput()
        bytes = read
        return read
    }
}

extension FileAccess {
    /// `readStdin` with its failure as an `InputError`.
    func readStdinAsInput() throws(InputError) -> [UInt8] {
        do {
            return try readStdin()
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("cannot read standard input: \(error)", at: nil)
        }
    }
}
