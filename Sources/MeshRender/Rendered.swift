import Charts
import GoValues
import YAML

/// A rendered release in the forms the CLI prints or writes.
public struct Rendered: Sendable {
    public enum Format: Sendable { case yaml, json }

    public let manifests: RenderedManifests
    let chartName: String
    let reference: ChartReference
    let showOnly: [String]
    /// The `--show-only` output, computed up front (a pattern that matches nothing is an error).
    let showOnlyText: String?
    /// The values (chart defaults coalesced with the user's) the release was rendered from.
    public let values: Node
    /// The chart's `crds/` manifests (its enabled subcharts' too), for `--include-crds`.
    public let crds: [ChartCRD]
    /// The large objects the templates read (`.Values`, and `.Mesh` when built whole), kept with the
    /// result so they are freed with it rather than on the way to the output (the CLI exits without
    /// freeing what it printed).
    let templateObjects: [Value]
    /// The rest of what the render made (the chart, template sets, sessions), kept for the same reason.
    let kept: KeptObjects?

    init(
        manifests: RenderedManifests, chart: Chart, reference: ChartReference, showOnly: [String],
        values: Node = Node(.null), templateObjects: [Value] = [], kept: KeptObjects? = nil
    ) throws {
        self.manifests = manifests
        self.values = values
        self.templateObjects = templateObjects
        self.kept = kept
        self.chartName = chart.name
        self.crds = chart.crds
        self.reference = reference
        self.showOnly = showOnly
        showOnlyText = showOnly.isEmpty ? nil : try manifests.showOnly(showOnly)
    }

    /// `helm template` stdout (after `--show-only`, when given).
    public var text: String { showOnlyText ?? manifests.text }

    /// Hands `text` to `sink` piece by piece without building it in memory.
    public func writeText(_ sink: (Substring) -> Void) {
        if let showOnlyText {
            sink(showOnlyText[...])
        } else {
            manifests.writeText(sink)
        }
    }

    /// The documents selected for output (`--show-only` applied), each with its parsed node.
    func selectedDocuments() throws -> [(document: RenderedManifest, node: Node)] {
        var out: [(RenderedManifest, Node)] = []
        for document in manifests.documents {
            if !showOnly.isEmpty {
                let path = document.source.hasPrefix(chartName + "/")
                    ? String(document.source.dropFirst(chartName.count + 1)) : document.source
                guard showOnly.contains(where: { GoPathMatch.match($0, path) }) else { continue }
            }
            let node = try YAMLParser().parse(document.text, file: document.source)
            if !node.isNull { out.append((document, node)) }
        }
        return out
    }

    /// The manifests as one Kubernetes `List` in JSON (`kubectl get -o json` style, keys sorted).
    public func json() throws -> String {
        let items = try selectedDocuments().map { $0.node.toValue() }
        return GoJSON.encodeIndented(.map(["apiVersion": .string("v1"), "kind": .string("List"), "items": .list(items)])) + "\n"
    }

    /// Writes the output into `directory` atomically and returns the `wrote PATH` log.
    ///
    /// A chart directory in YAML writes Helm's layout (`<chart>/templates/<file>`, the documents of one
    /// template together, Helm's log); the built-in chart, and JSON output, write one file per resource
    /// (`<kind>-<name>.yaml|json`). The directory then holds exactly these files (see `OutputDirectory.owned`);
    /// one holding files meshrender did not write is refused unless `force`.
    public func write(to directory: String, format: Format, force: Bool = false) throws -> String {
        let output = OutputDirectory(path: directory, owned: true, force: force)
        let selected = try selectedDocuments()
        if case .directory = reference, format == .yaml {
            let layout = manifests.helmLayout(outputDirectory: directory, documents: selected.map(\.document))
            try output.write(layout.files)
            return layout.log
        }
        var files: [(path: String, contents: String)] = []
        var index: [String: Int] = [:]
        for (document, node) in selected {
            let kind = node["kind"]?.string ?? "resource"
            let name = node["metadata"]?["name"]?.string ?? "unnamed"
            let path = "\(kind.lowercased())-\(name).\(format == .json ? "json" : "yaml")"
            let body = format == .json
                ? GoJSON.encodeIndented(node.toValue()) + "\n"
                : RenderedManifests.block(document)
            if let at = index[path] {
                files[at].contents += body
            } else {
                index[path] = files.count
                files.append((path, body))
            }
        }
        try output.write(files)
        return files.map { "wrote \(directory)/\($0.path)\n" }.joined()
    }
}
