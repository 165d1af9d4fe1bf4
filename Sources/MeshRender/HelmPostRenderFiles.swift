import GoValues
import YAML

/// Helm 4 hands a post-renderer each document with the template file it came from in the annotation
/// `postrenderer.helm.sh/postrender-filename`, files the returned documents by it (removing it) and prints each
/// under `# Source: FILE`; a document without one lands in `generated-by-postrender-N.yaml`. The mesh's policies
/// carry it too when the input does, so that Helm shows them under the built-in chart's template.
enum HelmPostRenderFiles {
    static let annotation = "postrenderer.helm.sh/postrender-filename"

    /// Whether Helm 4 produced `documents` (one of them carries the filename annotation).
    static func fromHelm(_ documents: [Node]) -> Bool {
        documents.contains { $0["metadata"]?["annotations"]?[annotation]?.string != nil }
    }

    /// The built-in chart's `output` with each document's `# Source: FILE` line turned into the annotation under
    /// its `metadata:` (the layout `templates/networkpolicy.yaml` writes: `metadata:` at the start of a line,
    /// its keys indented two spaces).
    static func annotated(_ output: String) -> String {
        var lines: [Substring] = []
        var source: Substring?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# Source: ") {
                source = line.dropFirst("# Source: ".count)
                continue
            }
            lines.append(line)
            if line == "metadata:", let file = source {
                lines.append("  annotations:")
                lines.append("    \(annotation): \(GoQuote.quote(String(file)))"[...])
                source = nil
            }
        }
        return lines.joined(separator: "\n")
    }
}
