#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Platform

/// Writes a set of files into a directory all at once: everything is staged in a temporary
/// directory next to the target and then moved into place; on any failure the target is left as
/// it was. SIGINT and SIGTERM while writing remove the staging directory and leave the target as
/// it was (or, once the move has begun, complete it), then end the write with ``Interrupted``.
///
/// An `owned` directory (`render --output-dir`) holds exactly the files of the last write: the files are listed in
/// ``markerName``, and a directory that already exists is swapped for the staged one (two renames beside it) rather
/// than written into, so files of an earlier write that this one does not produce are gone. A directory holding
/// files no earlier write listed is refused unless `force`. Without `owned` (`template --output-dir`, as Helm) files
/// are written into the directory one by one and others are kept.
public struct OutputDirectory {
    public let path: String
    /// The directory holds only this write's files (see above).
    public var owned: Bool
    /// With `owned`: replace a directory even if it holds files no earlier write listed.
    public var force: Bool

    /// The file of an owned directory that lists the files meshrender wrote there.
    public static let markerName = ".meshrender-output"

    public init(path: String, owned: Bool = false, force: Bool = false) {
        self.path = path
        self.owned = owned
        self.force = force
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
        if owned, files.contains(where: { $0.path == Self.markerName }) {
            throw OutputDirectoryError("refusing to write \"\(Self.markerName)\": meshrender lists the files it wrote there")
        }
        let target = FileSystem.absolute(path)
        let name = FileSystem.lastComponent(target)
        let parent = target == "/" ? "/" : String(target.dropLast(name.count + 1))
        if FileSystem.kind(of: target) == .file {
            throw OutputDirectoryError("\(path): exists and is not a directory")
        }
        var files = files
        if owned {
            try checkOwnership(target)
            files.append((Self.markerName, Self.marker(listing: files.map(\.path))))
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
        if owned && FileSystem.exists(target) {
            try swap(staging, into: target, backup: backup)
        } else {
            try commit(files.map(\.path), from: staging, to: target, backup: backup)
        }
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

    /// An existing owned target may hold only the files its marker lists (and the marker); else it is refused unless
    /// `force`.
    private func checkOwnership(_ target: String) throws {
        guard FileSystem.kind(of: target) == .directory else { return }
        if force, let what = Self.protectedDirectory(target) {
            throw OutputDirectoryError("\(path): --force never replaces \(what) whole; give a directory of its own")
        }
        guard !force else { return }
        guard let present = FileSystem.filesBelow(target) else {
            throw OutputDirectoryError("\(path): cannot read directory")
        }
        let listed = Set(Self.listedFiles(FileSystem.read(FileSystem.join(target, Self.markerName))))
        let foreign = present.filter { $0 != Self.markerName && !listed.contains($0) }.sorted()
        guard !foreign.isEmpty else { return }
        let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", … (\(foreign.count) files)" : "")
        throw OutputDirectoryError(
            "\(path): holds files meshrender did not write (\(shown)); give a new or empty directory, or --force to replace it whole")
    }

    /// What `target` is when replacing it whole would take the user's own files with it: the root, the home directory,
    /// or the working directory (or one above it). Nil for any other directory.
    static func protectedDirectory(_ target: String) -> String? {
        if target == "/" { return "the root directory" }
        if let home = getenv("HOME").map({ FileSystem.absolute(String(cString: $0)) }), home == target {
            return "the home directory"
        }
        let working = FileSystem.absolute(".")
        if working == target || working.hasPrefix(target + "/") { return "the working directory or one above it" }
        return nil
    }

    /// The marker's text: a comment, then one written file per line.
    static func marker(listing paths: [String]) -> String {
        "# Files meshrender wrote into this directory. The next `meshrender render --output-dir` here replaces the\n"
            + "# directory whole; it refuses to when the directory holds files not listed here (unless --force).\n"
            + paths.sorted().map { $0 + "\n" }.joined()
    }

    /// The files a marker lists (none without a marker).
    static func listedFiles(_ bytes: [UInt8]?) -> [String] {
        guard let bytes else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
    }

    /// Replaces the existing `target` with the staged directory: `target` moves aside to `backup`, the staging
    /// directory takes its name, then the old tree is removed. When the second rename fails, the old tree moves back.
    private func swap(_ staging: String, into target: String, backup: String) throws {
        do {
            try FileSystem.move(target, to: backup)
        } catch {
            throw OutputDirectoryError("\(path): cannot replace directory: \(error)")
        }
        do {
            try FileSystem.move(staging, to: target)
        } catch {
            try? FileSystem.move(backup, to: target)
            throw OutputDirectoryError("\(path): cannot replace directory: \(error)")
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
