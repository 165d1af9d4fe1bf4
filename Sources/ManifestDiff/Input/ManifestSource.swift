import Foundation
import YAMLCore

/// Reads one side of a diff: a manifest file, a directory of manifests, or `-` (standard input).
public enum ManifestSource {
    /// Reads standard input to the end.
    public static let standardInput: @Sendable () throws(InputError) -> [UInt8] = {
        Array(FileHandle.standardInput.readDataToEndOfFile())
    }

    /// Loads every resource document under `path`.
    ///
    /// - `path` names a file: its documents, in order.
    /// - `path` names a directory: every `*.yaml` / `*.yml` file below it (recursively), in byte-wise
    ///   order of their relative paths.
    /// - `path` is `-`: the bytes `readStdin` returns (marks name the file `-`).
    ///
    /// Empty documents are skipped; `namespace` applies to resources without `metadata.namespace`.
    /// Throws `InputError` for unreadable paths, text that is not YAML (with its position) and
    /// documents that are not Kubernetes resources.
    public static func load(
        path: String, namespace: String = "",
        readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> [Document] {
        var documents: [Document] = []
        for (file, bytes) in try readSources(path: path, readStdin: readStdin) {
            documents += try parse(bytes: bytes, file: file, namespace: namespace)
        }
        return documents
    }

    /// Parses a manifest stream; empty documents are skipped.
    public static func parse(bytes: [UInt8], file: String, namespace: String = "") throws(InputError) -> [Document] {
        let nodes: [Node]
        do {
            nodes = try YAMLParser().parseAll(bytes: bytes, file: file)
        } catch {
            throw error.inputError
        }
        var documents: [Document] = []
        documents.reserveCapacity(nodes.count)
        for node in nodes where !node.isNull {
            documents.append(try Document(node: node, namespace: namespace))
        }
        return documents
    }

    /// The `*.yaml` / `*.yml` files below `directory`, sorted byte-wise by path.
    static func manifestFiles(in directory: String) throws(InputError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw InputError("cannot read directory", at: nil, path: directory)
        }
        var files: [String] = []
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(base + relative)
            }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The bytes of `file`, read straight into the array (one copy: these files can be tens of megabytes).
    static func read(file: String) throws(InputError) -> [UInt8] {
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { throw InputError("cannot read file", at: nil, path: file) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        var bytes: [UInt8] = []
        var chunk = max(expected + 1, 64 << 10)
        while true {
            var failed = false
            var got = 0
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                while got < chunk {
                    let n = Foundation.read(fd, base + start + got, chunk - got)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failed = true }
                    if n <= 0 { break }
                    got += n
                }
            }
            bytes.removeLast(chunk - got)
            if failed { throw InputError("cannot read file", at: nil, path: file) }
            if got < chunk { return bytes }
            chunk = 1 << 20
        }
    }
}
