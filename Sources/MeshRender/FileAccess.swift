import Foundation

/// How the pipeline reads its inputs: injectable so tests need no real files or stdin.
public struct FileAccess: Sendable {
    public var readFile: @Sendable (String) throws -> [UInt8]
    public var readStdin: @Sendable () throws -> [UInt8]

    public init(readFile: @escaping @Sendable (String) throws -> [UInt8], readStdin: @escaping @Sendable () throws -> [UInt8]) {
        self.readFile = readFile
        self.readStdin = readStdin
    }

    /// The real file system and the process's stdin (read once, then cached).
    public static let standard: FileAccess = {
        let stdin = StdinCache()
        return FileAccess(
            readFile: { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw FileAccessError(path: path, reason: FileManager.default.fileExists(atPath: path)
                        ? "cannot read file" : "no such file")
                }
                return [UInt8](data)
            },
            readStdin: { stdin.read() })
    }()
}

/// A file that cannot be read.
public struct FileAccessError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Stdin can be read once; several `-` inputs see the same bytes.
private final class StdinCache: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8]?

    func read() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let bytes { return bytes }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        bytes = [UInt8](data)
        return bytes!
    }
}
