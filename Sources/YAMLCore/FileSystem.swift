#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system questions the pipeline asks, answered by POSIX calls.
public enum FileSystem {
    /// What a path names.
    public enum Kind: Sendable, Equatable {
        case file
        case directory
    }

    /// What `path` names (following symbolic links), or nil when it does not exist.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// The names in `directory` (not `.` and `..`), in no particular order; nil when it cannot be read.
    public static func entries(of directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The paths of every file below `directory`, relative to it (`a/b.yaml`), in no particular
    /// order; nil when `directory` cannot be read. Symbolic links to files count as files; links to
    /// directories are not followed (so a link cycle cannot loop).
    public static func filesBelow(_ directory: String) -> [String]? {
        guard entries(of: directory) != nil else { return nil }
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? directory : join(directory, relative)
            for name in entries(of: absolute) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = join(directory, child)
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(child)
                } else if kind(of: path) == .file {
                    files.append(child)
                }
            }
        }
        return files
    }

    /// `path` made absolute (against the working directory) and cleaned lexically, as Go's
    /// `filepath.Abs`: `.` and empty elements dropped, `..` removing the element before it.
    public static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                full = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
            }
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The last element of `path` (`b` for `/a/b`), `/` for the root.
    public static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.last.map(String.init) ?? "/"
    }

    /// `directory/name`, without doubling a trailing slash.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Why a file could not be read: the call that failed (`open` or `read`) and its `errno`.
    public struct Failure: Error, Sendable {
        public var operation: String
        public var code: Int32

        /// The C library's text for `code`, as Go words it (`no such file or directory`).
        public var reason: String {
            var text = String(cString: strerror(code))
            if let first = text.first { text = first.lowercased() + text.dropFirst() }
            return text
        }
    }

    /// The whole of `path`, read straight into one array (these files can be tens of megabytes); nil
    /// when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        try? readOrFail(path).get()
    }

    /// ``read(_:)``, telling why it failed.
    public static func readOrFail(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(operation: "open", code: errno)) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        return readToEnd(fd, expectedSize: expected)
    }

    /// Standard input to its end; nil when it cannot be read.
    public static func readStandardInput() -> [UInt8]? {
        try? readStandardInputOrFail().get()
    }

    /// ``readStandardInput()``, telling why it failed.
    public static func readStandardInputOrFail() -> Result<[UInt8], Failure> {
        readToEnd(0, expectedSize: 0)
    }

    private static func readToEnd(_ fd: Int32, expectedSize: Int) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = max(expectedSize + 1, 64 << 10)
        while true {
            var failed: Int32?
            var got = 0
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                while got < chunk {
                    let n = Glibc.read(fd, base + start + got, chunk - got)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failed = errno }
                    if n <= 0 { break }
                    got += n
                }
            }
            bytes.removeLast(chunk - got)
            if let failed { return .failure(Failure(operation: "read", code: failed)) }
            if got < chunk { return .success(bytes) }
            chunk = 1 << 20
        }
    }
}
