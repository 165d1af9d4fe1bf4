import GoValues
import YAML

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
    /// Every file under `templates/`, sorted by name. Once subcharts are resolved
    /// (``resolvingSubcharts(userValues:validatingSchemas:)``), the templates of every enabled subchart too.
    public var templates: [ChartTemplate]
    /// The charts under `charts/`, in name order, as loaded (before conditions and aliases).
    public var subcharts: [Chart] = []
    /// Chart.yaml's `dependencies:` (nil when it has none; Helm then applies no conditions).
    public var dependencies: [ChartDependency]?
    /// Chart.yaml's `version:` (what a dependency's version range is checked against).
    public var version: String = ""
    /// `type: library`: only its `_` files are used (they define templates for others).
    public var isLibrary = false
    /// The files templates see as `.Files`: all but templates, values, Chart.yaml and subcharts.
    public var files: [String: ChartFile] = [:]
    /// `values.schema.json` (nil when the chart has none): the coalesced values must satisfy it.
    public var valuesSchema: [UInt8]? {
        didSet { compiledSchema = valuesSchema.map(CompiledValuesSchema.init(bytes:)) }
    }
    /// ``valuesSchema`` compiled, once, by whoever needs it first.
    package internal(set) var compiledSchema: CompiledValuesSchema?
    /// Where `values.schema.json` was read from, for error messages.
    public var valuesSchemaFile = ""
    /// Once subcharts are resolved: the top-level object of each chart (index 0: this one), for
    /// ``ChartTemplate/scope``.
    public var scopes: [ChartScope] = []
    /// The manifests of `crds/` (`.yaml`, `.yml`, `.json`), which `helm template --include-crds`
    /// prints first, as they are. Once subcharts are resolved: those of every enabled subchart too,
    /// each after its parent's.
    public var crds: [ChartCRD] = []

    public init(name: String, metadata: Value, defaultValues: Node, templates: [ChartTemplate]) {
        self.name = name
        self.metadata = metadata
        self.defaultValues = defaultValues
        self.templates = templates
    }
}

/// One entry of Chart.yaml's `dependencies:`.
public struct ChartDependency: Sendable, Equatable {
    public var name: String
    public var version: String
    public var repository: String
    /// Comma-separated values paths; the first that holds a bool decides.
    public var condition: String
    public var tags: [String]
    public var alias: String
    /// `import-values:` entries, as written.
    public var importValues: [Value]

    public init(
        name: String, version: String = "", repository: String = "", condition: String = "", tags: [String] = [],
        alias: String = "", importValues: [Value] = []
    ) {
        self.name = name
        self.version = version
        self.repository = repository
        self.condition = condition
        self.tags = tags
        self.alias = alias
        self.importValues = importValues
    }
}

/// What differs between the templates of a chart and those of its subcharts: Helm gives each chart
/// a top-level object of its own, whose `.Values` is the part of its parent's values under the
/// subchart's name (the same map: changes through one are seen through the other).
public struct ChartScope: Sendable {
    /// The keys from the top chart's `.Values` to this chart's (empty for the top chart).
    public var valuesPath: [String]
    /// `.Chart`.
    public var metadata: Value
    /// `.Template.BasePath`: `<top>/charts/<sub>/templates`.
    public var basePath: String
    /// The scopes of its direct subcharts, by name (for `.Subcharts`).
    public var subcharts: [(name: String, scope: Int)]
    /// `.Files`.
    public var files: [String: ChartFile] = [:]
}

/// One file of a chart's `crds/` directory.
public struct ChartCRD: Sendable, Equatable {
    /// `<chart path>/crds/<file>` (`top/charts/sub/crds/x.yaml` for a subchart's): its `# Source:`.
    public var source: String
    /// The file, unchanged: read (a large one is read only then, see ``ChartFile``) and decoded into ``text`` only
    /// when asked for (`--include-crds`), since CRD files are large and most renders never print them.
    var file: ChartFile

    /// The file's bytes.
    var bytes: [UInt8] { file.bytes }

    /// The file's text, unchanged (a failed read is kept for ``ChartFile/checkReads()``).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init(source: String, text: String) {
        self.init(source: source, file: .bytes(Array(text.utf8)))
    }

    init(source: String, file: ChartFile) {
        self.source = source
        self.file = file
    }

    public static func == (a: ChartCRD, b: ChartCRD) -> Bool { a.source == b.source && a.bytes == b.bytes }
}

/// One file of a chart's `templates/` directory.
public struct ChartTemplate: Sendable, Equatable {
    /// `<chart>/templates/<path>`: the template's name, its `# Source:` and `.Template.Name`.
    public var name: String
    public var text: String
    /// The chart it belongs to, as an index into ``Chart/scopes`` (0: the chart rendered).
    public var scope: Int = 0

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
