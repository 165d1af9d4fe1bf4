import Foundation
import YAMLCore

extension ManifestSource {
    /// Every non-empty YAML document under `path` (a file, a directory of `*.yaml`/`*.yml`, or `-`),
    /// parsed but not required to be a Kubernetes resource: for readers that skip what they don't know.
    public static func loadNodes(
        path: String, readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> [Node] {
        var sources: [(file: String, bytes: [UInt8])] = []
        if path == "-" {
            sources.append(("-", try readStdin()))
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("no such file or directory", at: nil, path: path)
            }
            for file in isDirectory.boolValue ? try manifestFiles(in: path) : [path] {
                sources.append((file, try read(file: file)))
            }
        }
        var nodes: [Node] = []
        for (file, bytes) in sources {
            do {
                nodes += try YAMLParser().parseAll(bytes: bytes, file: file).filter { !$0.isNull }
            } catch {
                throw error.inputError
            }
        }
        return nodes
    }
}
