import Diagnostics
import YAML

extension ManifestSource {
    /// Every non-empty YAML document under `path` (a file, a directory of `*.yaml`/`*.yml`, or `-`),
    /// parsed but not required to be a Kubernetes resource: for readers that skip what they don't know.
    public static func loadNodes(
        path: String, readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> [Node] {
        var nodes: [Node] = []
        for (file, bytes) in try readSources(path: path, readStdin: readStdin) {
            do {
                nodes += try YAMLParser().parseAll(bytes: bytes, file: file).filter { !$0.isNull }
            } catch {
                throw error.inputError
            }
        }
        return nodes
    }
}
