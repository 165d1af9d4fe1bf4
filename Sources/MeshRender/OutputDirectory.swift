#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import YAMLCore

/// Writes a set of files into a directory all at once: everything is staged in a temporary
/// directory next to the target and then moved into place; on any failure the target is left as
/// it was. SIGINT and SIGTERM while writing remove the staging directory and leave the target as
/// it was (or, once the move has begun, complete it), then end the write with ``Interrupted``.
public struct OutputDirectory {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The write was stopped by a signal (the target is as before, or fully written).
    public struct Interrupted: Error, Sendable, CustomStringConvertible {
        /// The signal's number (SIGINT 2, SIGTERM 15): a command exits with 128 + it.
        public var signal: Int32
        public var description: String { "interrupted by signal \(signal)" }
    }

    /// A relative path is accepted only if it stays inside the directory.
    public static func isSafe(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0") else { return false }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Writes `files` (relative path → contents) under `path`, replacing files of the same name.
    public func write(_ files: [(path: String, contents: String)]) throws {
        for file in files where !Self.isSafe(file.path) {
            throw OutputDirectoryError("refusing to write \"\(file.path)\": the name would escape \(path)")
        }
        let target = FileSystem.absolute(path)
        let name = FileSystem.lastComponent(target)
        let parent = target == "/" ? "/" : String(target.dropLast(name.count + 1))
        if FileSystem.kind(of: target) == .file {
            throw OutputDirectoryError("\(path): exists and is not a directory")
        }
        do {
            try FileSystem.makeDirectories(parent.isEmpty ? "/" : parent)
        } catch {
            throw OutputDirectoryError("\(path): cannot create directory: \(error)")
        }
        var random = SystemRandomNumberGenerator()
        let stamp = "\(getpid())-\(UInt32.random(in: 0...UInt32.max, using: &random))"
        let staging = FileSystem.join(parent, ".\(name).staging-\(stamp)")
        let backup = FileSystem.join(parent, ".\(name).backup-\(stamp)")
        let latch = InterruptLatch()
        defer {
            FileSystem.removeTree(staging)
            FileSystem.removeTree(backup)
            latch.release()
        }
        do {
            try FileSystem.makeDirectories(staging)
            for file in files {
                if let signal = latch.signal { throw Interrupted(signal: signal) }
                let destination = FileSystem.join(staging, file.path)
                if file.path.contains("/") {
                    try FileSystem.makeDirectories(String(destination[..<destination.lastIndex(of: "/")!]))
                }
                try FileSystem.writeFile(destination, file.contents)
            }
        } catch let error as Interrupted {
            throw error
        } catch {
            throw OutputDirectoryError("\(path): cannot write output: \(error)")
        }
        if let signal = latch.signal { throw Interrupted(signal: signal) }
        try commit(files.map(\.path), from: staging, to: target, backup: backup)
        if let signal = latch.signal { throw Interrupted(signal: signal) }
    }

    /// Moves the staged files into place: the whole staging directory in one rename when the
    /// target does not exist yet, else one rename at a time, keeping replaced files in `backup` so
    /// that a failure part-way can put everything back. Signals wait until this is done.
    private func commit(_ relatives: [String], from staging: String, to target: String, backup: String) throws {
        if !FileSystem.exists(target) {
            do {
                try FileSystem.move(staging, to: target)
                return
            } catch {
                throw OutputDirectoryError("\(path): cannot write output: \(error)")
            }
        }
        var moved: [(relative: String, replaced: Bool)] = []
        do {
            try FileSystem.makeDirectories(backup)
            for relative in relatives {
                let destination = FileSystem.join(target, relative)
                try Self.makeParent(of: relative, in: target)
                var replaced = false
                if FileSystem.exists(destination) {
                    try Self.makeParent(of: relative, in: backup)
                    try FileSystem.move(destination, to: FileSystem.join(backup, relative))
                    replaced = true
                }
                try FileSystem.move(FileSystem.join(staging, relative), to: destination)
                moved.append((relative, replaced))
            }
        } catch {
            for (relative, replaced) in moved.reversed() {
                let destination = FileSystem.join(target, relative)
                FileSystem.removeTree(destination)
                if replaced { try? FileSystem.move(FileSystem.join(backup, relative), to: destination) }
            }
            throw OutputDirectoryError("\(path): cannot write output: \(error)")
        }
    }

    private static func makeParent(of relative: String, in directory: String) throws(FileSystem.WriteFailure) {
        guard let slash = relative.lastIndex(of: "/") else { return }
        try FileSystem.makeDirectories(FileSystem.join(directory, String(relative[..<slash])))
    }
}

public struct OutputDirectoryError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
