import Charts
import YAML

/// The result of rendering a chart: its documents in `helm template` order and the output forms.
public struct RenderedManifests: Sendable, Equatable {
    /// Manifests in install order, then hooks in install order.
    public var documents: [RenderedManifest]
    /// The rendered `NOTES.txt` (never part of `helm template` output).
    public var notes: String

    public init(documents: [RenderedManifest], notes: String = "") {
        self.documents = documents
        self.notes = notes
    }

    /// `---\n# Source: <source>\n<text>\n` for one document.
    static func block(_ doc: RenderedManifest) -> String {
        "---\n# Source: \(doc.source)\n\(doc.textSlice)\n"
    }

    /// Exactly what `helm template NAME CHART` prints on stdout.
    public var text: String {
        var out = ""
        var bytes = 0
        for doc in documents { bytes += doc.textSlice.utf8.count + doc.source.utf8.count + 16 }
        out.reserveCapacity(bytes + 1)
        writeText { out += $0 }
        return out
    }

    /// Hands `text` to `sink` piece by piece, in order, without building it: the manifests'
    /// blocks (Helm trims the end of their text, then adds a newline), then the hooks' blocks.
    public func writeText(_ sink: (Substring) -> Void) {
        let manifests = documents.filter { !$0.isHook }
        if let last = manifests.last {
            for doc in manifests.dropLast() { RenderedManifests.writeBlock(doc, sink) }
            // Only the end can hold white space to trim (each block starts with `---`).
            let tail = GoText.trimmingTrailingSpace(last.textSlice)
            sink("---\n# Source: ")
            if tail.isEmpty {
                sink(GoText.trimmingTrailingSpace(last.source[...]))
            } else {
                sink(last.source[...])
                sink("\n")
                sink(tail)
            }
            sink("\n")
        } else {
            sink("\n")
        }
        for doc in documents where doc.isHook { RenderedManifests.writeBlock(doc, sink) }
    }

    static func writeBlock(_ doc: RenderedManifest, _ sink: (Substring) -> Void) {
        sink("---\n# Source: ")
        sink(doc.source[...])
        sink("\n")
        sink(doc.textSlice)
        sink("\n")
    }

    /// `helm template --show-only PATTERN...`: the documents whose template path (without the
    /// chart name, e.g. `templates/a.yaml`) matches a pattern (Go's `filepath.Match`), pattern by
    /// pattern. A pattern matching nothing is Helm's `could not find template ... in chart`.
    public func showOnly(_ patterns: [String]) throws(ChartRenderError) -> String {
        try RenderedManifests.showOnly(patterns, in: text)
    }

    /// `--show-only` applied to `text`, a whole `helm template` output (CRDs and hooks included).
    static func showOnly(_ patterns: [String], in text: String) throws(ChartRenderError) -> String {
        let blocks = ChartManifestSorter.split(text)
        var out = ""
        for pattern in patterns {
            var missing = true
            for block in blocks {
                guard let path = RenderedManifests.sourcePath(of: block) else { continue }
                guard GoPathMatch.match(pattern, path) else { continue }
                out += "---\n\(block)\n"
                missing = false
            }
            if missing { throw ChartRenderError(.showOnly, "could not find template \(pattern) in chart") }
        }
        return out
    }

    /// The path after the chart name in a block's `# Source: chart/path` line.
    static func sourcePath(of block: Substring) -> String? {
        guard let range = block.firstRange(of: "# Source: ") else { return nil }
        let rest = block[range.upperBound...]
        let line = rest.prefix { $0 != "\n" }
        guard let slash = line.firstIndex(of: "/"), slash != line.startIndex else { return nil }
        let path = line[line.index(after: slash)...]
        return path.isEmpty ? nil : String(path)
    }

    /// `helm template --output-dir DIR`: every document appended to `DIR/<source>` (each file
    /// started afresh, as Helm does), hooks after manifests. Returns Helm's stdout for it: one
    /// `wrote DIR/<source>` line per document, then an empty line.
    ///
    /// The files are written all at once through `OutputDirectory` (staged, then renamed into
    /// place; on failure the directory is left as it was).
    public func write(outputDirectory dir: String) throws -> String {
        let layout = helmLayout(outputDirectory: dir)
        try OutputDirectory(path: dir).write(layout.files)
        return layout.log
    }

    /// Helm's `--output-dir` files (path relative to the directory → contents) and its stdout log.
    func helmLayout(outputDirectory dir: String, documents selected: [RenderedManifest]? = nil)
        -> (files: [(path: String, contents: String)], log: String)
    {
        var files: [(path: String, contents: String)] = []
        var index: [String: Int] = [:]
        var log = ""
        for doc in selected ?? documents {
            if let at = index[doc.source] {
                files[at].contents += RenderedManifests.block(doc)
            } else {
                index[doc.source] = files.count
                files.append((doc.source, RenderedManifests.block(doc)))
            }
            log += "wrote \(dir)/\(doc.source)\n"
        }
        return (files, log + "\n")
    }
}
