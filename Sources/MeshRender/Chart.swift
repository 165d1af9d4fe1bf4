import YAMLCore

/// A chart as `helm template` sees it: metadata, default values and template files.
public struct Chart: Sendable {
    /// The chart's name (`name:` of Chart.yaml, else the directory's name): the first segment
    /// of every template name (`<name>/templates/x.yaml`).
    public var name: String
    /// `.Chart` as Helm exposes it: Chart.yaml's fields under their Go names (`Name`,
    /// `Version`, `AppVersion`, ...), absent ones as zero values, plus `IsRoot`.
    public var metadata: Value
    /// `values.yaml` (an empty mapping when the chart has none).
    public var defaultValues: Node
    /// Every file under `templates/`, sorted by name.
    public var templates: [ChartTemplate]

    public init(name: String, metadata: Value, defaultValues: Node, templates: [ChartTemplate]) {
        self.name = name
        self.metadata = metadata
        self.defaultValues = defaultValues
        self.templates = templates
    }
}

/// One file of a chart's `templates/` directory.
public struct ChartTemplate: Sendable, Equatable {
    /// `<chart>/templates/<path>`: the template's name, its `# Source:` and `.Template.Name`.
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The file name without directories.
    public var baseName: String {
        name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
    }

    /// `_`-prefixed files only define templates; they produce no output.
    public var isPartial: Bool { baseName.hasPrefix("_") }

    /// `NOTES.txt` at the top of `templates/` is rendered but never printed by `helm template`.
    public func isNotes(chartName: String) -> Bool { name == chartName + "/templates/NOTES.txt" }
}
