import FoundationEssentials
import YAMLCore

/// Writes a set of files into a directory all at once: everything is staged in a temporary
/// directory next to the target and renamed into place; on any failure the target is left as it was.
public struct OutputDirectory {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// A relative path is accepted only if it stays inside the directory.
    public static func isSafe(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0") else { return false }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Writes `files` (relative path → contents) under `path`, replacing files of the same name.
    public func write(_ files: [(path: String, contents: String)]) throws {
        let fm = FileManager.default
        for file in files where !Self.isSafe(file.path) {
            throw OutputDirectoryError("refusing to write \"\(file.path)\": the name would escape \(path)")
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        if FileSystem.kind(of: target.path) == .file {
            throw OutputDirectoryError("\(path): exists and is not a directory")
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputDirectoryError("\(parent.path): cannot create directory")
        }
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(stamp)")
        let backup = parent.appendingPathComponent(".\(target.lastPathComponent).backup-\(stamp)")
        defer {
            try? fm.removeItem(at: staging)
            try? fm.removeItem(at: backup)
        }
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        } catch {
            throw OutputDirectoryError("\(path): cannot write output (\(error))")
        }
        try commit(files.map(\.path), from: staging, to: target, backup: backup)
    }

    /// Moves staged files into place one rename at a time, keeping replaced files in `backup` so that a
    /// failure part-way can put everything back.
    private func commit(_ relatives: [String], from staging: URL, to target: URL, backup: URL) throws {
        let fm = FileManager.default
        var moved: [(relative: String, replaced: Bool)] = []
        let targetExisted = fm.fileExists(atPath: target.path)
        do {
            for relative in relatives {
                let destination = target.appendingPathComponent(relative)
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                var replaced = false
                if fm.fileExists(atPath: destination.path) {
                    let saved = backup.appendingPathComponent(relative)
                    try fm.createDirectory(at: saved.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try fm.moveItem(at: destination, to: saved)
                    replaced = true
                }
                try fm.moveItem(at: staging.appendingPathComponent(relative), to: destination)
                moved.append((relative, replaced))
            }
        } catch {
            for (relative, replaced) in moved.reversed() {
                let destination = target.appendingPathComponent(relative)
                try? fm.removeItem(at: destination)
                if replaced { try? fm.moveItem(at: backup.appendingPathComponent(relative), to: destination) }
            }
            if !targetExisted { try? fm.removeItem(at: target) }
            throw OutputDirectoryError("\(path): cannot write output (\(error))")
        }
    }
}

public struct OutputDirectoryError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
