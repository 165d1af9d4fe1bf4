import Diagnostics
import Platform
import YAML

/// Reads one side of a diff: a manifest file, a directory of manifests, or `-` (standard input).
public enum ManifestSource {
    /// Reads standard input to the end.
    public static let standardInput: @Sendable () throws(InputError) -> [UInt8] = { () throws(InputError) -> [UInt8] in
        do { return try FileSystem.readStandardInputToEnd() } catch { throw InputError("\(error)", at: nil) }
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
        guard let below = FileSystem.filesBelow(directory) else {
            throw InputError("cannot read directory", at: nil, path: directory)
        }
        return below.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { FileSystem.join(directory, $0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The bytes of `file`.
    static func read(file: String) throws(InputError) -> [UInt8] {
        do { return try FileSystem.readFile(file) } catch { throw InputError("\(error)", at: nil) }
    }
}
