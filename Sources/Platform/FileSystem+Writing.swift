#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The writes the pipeline makes (`--output-dir`), as POSIX calls whose failures name the call
/// and the path (`open out/a.yaml: permission denied`).
extension FileSystem {
    /// A failed write: the call, the path and the C library's reason, as one line.
    public struct WriteFailure: Error, Sendable, CustomStringConvertible {
        public var operation: String
        public var path: String
        public var code: Int32

        public var description: String {
            "\(operation) \(path): \(Failure(operation: operation, code: code).reason)"
        }
    }

    /// Creates `path` and the directories above it that are missing (`mkdir -p`).
    public static func makeDirectories(_ path: String) throws(WriteFailure) {
        if kind(of: path) == .directory { return }
        let parent = path.split(separator: "/", omittingEmptySubsequences: true).dropLast().joined(separator: "/")
        let parentPath = path.hasPrefix("/") ? "/" + parent : parent
        if !parent.isEmpty { try makeDirectories(parentPath) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw WriteFailure(operation: "mkdir", path: path, code: errno) }
        if kind(of: path) != .directory { throw WriteFailure(operation: "mkdir", path: path, code: ENOTDIR) }
    }

    /// Writes `text` to a new file `path` (replacing one of that name).
    public static func writeFile(_ path: String, _ text: String) throws(WriteFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteFailure(operation: "open", path: path, code: errno) }
        var text = text
        let failed: Int32? = text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                written += n
            }
            return nil
        }
        if let failed {
            close(fd)
            throw WriteFailure(operation: "write", path: path, code: failed)
        }
        if close(fd) != 0 { throw WriteFailure(operation: "close", path: path, code: errno) }
    }

    /// Renames `from` to `to` (replacing a file there).
    public static func move(_ from: String, to: String) throws(WriteFailure) {
        if rename(from, to) != 0 { throw WriteFailure(operation: "rename", path: from, code: errno) }
    }

    /// Whether anything (a file, directory or link) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Removes `path` and, for a directory, everything below it (links are removed, not followed);
    /// missing paths are fine.
    public static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(of: path) ?? [] { removeTree(join(path, name)) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
