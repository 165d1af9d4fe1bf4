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
        try? kindOrFail(of: path).get()
    }

    /// ``kind(of:)``, telling why `path` could not be looked up (`stat` and its `errno`).
    public static func kindOrFail(of path: String) -> Result<Kind, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(operation: "stat", code: errno)) }
        return .success((info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file)
    }

    /// The names in `directory` (not `.` and `..`), in no particular order; nil when it cannot be read.
    public static func entries(of directory: String) -> [String]? {
        try? entriesOrFail(of: directory).get()
    }

    /// ``entries(of:)``, telling why the directory could not be read (`open` and its `errno`).
    public static func entriesOrFail(of directory: String) -> Result<[String], Failure> {
        guard let stream = opendir(directory) else { return .failure(Failure(operation: "open", code: errno)) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// What a directory entry is, as the directory itself tells (`d_type`), without a `stat`.
    public enum EntryType: Sendable, Equatable {
        /// A regular file.
        case file
        /// A directory.
        case directory
        /// Anything else, or a file system that does not say: a symbolic link (to be followed), a device, a pipe, a
        /// socket. Ask ``kindOrFail(of:)``.
        case other
    }

    /// ``entriesOrFail(of:)`` with each entry's ``EntryType``: a walk stats only the entries the directory does not
    /// type (a `stat` resolves the whole path again, and a chart has hundreds of files).
    public static func typedEntriesOrFail(of directory: String) -> Result<[(name: String, type: EntryType)], Failure> {
        guard let stream = opendir(directory) else { return .failure(Failure(operation: "open", code: errno)) }
        defer { closedir(stream) }
        var entries: [(name: String, type: EntryType)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            default: type = .other
            }
            entries.append((name, type))
        }
        return .success(entries)
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

    /// Why a file could not be read: the call that failed (`open` or `read`) and its `errno`, or
    /// a reason of the pipeline's own (an input over ``maxInputSize``).
    public struct Failure: Error, Sendable {
        public var operation: String
        public var code: Int32
        /// The reason when it is not the C library's (`code` is then 0).
        public var detail: String?

        public init(operation: String, code: Int32, detail: String? = nil) {
            self.operation = operation
            self.code = code
            self.detail = detail
        }

        /// Whether the path runs through too many symbolic links (a link cycle: `ELOOP`).
        public var isLinkLoop: Bool { code == ELOOP }

        /// The C library's text for `code`, as Go words it (`no such file or directory`).
        public var reason: String {
            if let detail { return detail }
            var text = String(cString: strerror(code))
            if let first = text.first { text = first.lowercased() + text.dropFirst() }
            return text
        }
    }

    /// The largest input (a values file, stdin, a chart file, a manifest) read, in bytes: 256 MiB
    /// unless the command line raises it (`--max-input-size`). Set once, before any input is read.
    nonisolated(unsafe) public static var maxInputSize = defaultMaxInputSize

    /// The default of ``maxInputSize``: 256 MiB.
    public static let defaultMaxInputSize = 256 << 20

    /// The failure of an input larger than ``maxInputSize``.
    static var tooLarge: Failure {
        Failure(
            operation: "read", code: 0,
            detail: "input larger than \(maxInputSize >> 20) MiB (the input size limit; --max-input-size MIB raises it)")
    }

    /// Whether `path` names (following symbolic links) something other than a regular file or a
    /// directory: a device, a pipe or a socket.
    public static func isIrregular(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }


    /// The whole of `path`, read straight into one array (these files can be tens of megabytes); nil
    /// when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        try? readOrFail(path).get()
    }

    /// `count` bytes of `path` from byte `offset`, or nil when it cannot be opened, is no longer a regular file or
    /// holds fewer bytes there.
    public static func read(_ path: String, offset: Int, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= offset + count else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }

    /// ``read(_:)``, telling why it failed.
    public static func readOrFail(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(operation: "open", code: errno)) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        if expected > maxInputSize { return .failure(tooLarge) }
        return readToEnd(fd, expectedSize: expected)
    }

    /// `path` opened for reading (closed on exec), or -1 with `errno` set.
    static func openForReading(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_CLOEXEC)
    }

    /// The whole of the open file `fd` from its first byte (at most ``maxInputSize`` bytes).
    static func readFromStart(_ fd: Int32) -> Result<[UInt8], Failure> {
        guard lseek(fd, 0, SEEK_SET) == 0 else { return .failure(Failure(operation: "read", code: errno)) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        if expected > maxInputSize { return .failure(tooLarge) }
        return readToEnd(fd, expectedSize: expected)
    }

    /// Standard input to its end, or why it could not be read (see ``readStandardInputToEnd()``).
    static func readStandardInputOrFail() -> Result<[UInt8], Failure> {
        readToEnd(0, expectedSize: 0)
    }

    private static func readToEnd(_ fd: Int32, expectedSize: Int) -> Result<[UInt8], Failure> {
        guard expectedSize > 0 else { return readToEnd(fd, after: []) }
        // A file of known size is read straight into its array (one byte more, to see its end in the same reads).
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: expectedSize + 1) { buffer, initialized in
            var count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = Failure(operation: "read", code: errno); break }
                if n == 0 { break }
                count += n
            }
            initialized = count
        }
        if let failure { return .failure(failure) }
        // It grew since it was measured: the rest is read as input of unknown size.
        return bytes.count <= expectedSize ? .success(bytes) : readToEnd(fd, after: bytes)
    }

    /// `head` and what follows it in `fd`, to its end.
    private static func readToEnd(_ fd: Int32, after head: [UInt8]) -> Result<[UInt8], Failure> {
        if head.count > maxInputSize { return .failure(tooLarge) }
        let expectedSize = head.count
        var capacity = min(max(expectedSize + 1, 64 << 10), maxInputSize + 1)
        guard var buffer = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
            return .failure(Failure(operation: "read", code: ENOMEM))
        }
        defer { free(buffer) }
        if !head.isEmpty { head.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: $0.count) } }
        var count = head.count
        while true {
            if count == capacity {
                if count > maxInputSize { return .failure(tooLarge) }
                capacity = min(capacity * 2, maxInputSize + 1)
                guard let grown = realloc(buffer, capacity) else { return .failure(Failure(operation: "read", code: ENOMEM)) }
                buffer = grown.assumingMemoryBound(to: UInt8.self)
            }
            let n = Glibc.read(fd, buffer + count, capacity - count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(Failure(operation: "read", code: errno)) }
            if n == 0 { break }
            count += n
        }
        if count > maxInputSize { return .failure(tooLarge) }
        return .success(Array(UnsafeBufferPointer(start: buffer, count: count)))
    }

}
