import HelmValues
import Diagnostics
import GoValues
import Platform
import YAML

/// Reads a chart as Helm loads one, from a directory or a packaged chart (`.tgz`): `Chart.yaml`
/// (checked as Helm checks it, see `ChartValidation`), `values.yaml`, every file under
/// `templates/` (subdirectories included), and the subcharts in `charts/` (directories and
/// packaged charts, recursively).
public enum ChartLoader {
    /// Loads the chart in `directory` (or the packaged chart at that path).
    public static func load(directory: String) throws(ChartRenderError) -> Chart {
        try load(directory: directory, compilingSchemas: false)
    }

    /// ``load(directory:)``; with `compilingSchemas`, each chart's `values.schema.json` starts compiling on another core
    /// as soon as its files are read (``CompiledValuesSchema/startCompiling()``), while the rest loads.
    package static func load(directory: String, compilingSchemas: Bool) throws(ChartRenderError) -> Chart {
        let root = FileSystem.absolute(directory)
        switch FileSystem.kind(of: root) {
        case .directory?:
            return try load(ChartFiles(directory: root), compilingSchemas: compilingSchemas)
        case .some:
            return try loadArchive(try read(root), name: FileSystem.lastComponent(root), compilingSchemas: compilingSchemas)
        case nil:
            throw ChartRenderError(.load, "path \"\(directory)\" not found")
        }
    }

    /// Loads a packaged chart (a gzipped tar file whose entries all sit in one top directory).
    static func loadArchive(_ bytes: [UInt8], name: String, compilingSchemas: Bool = false) throws(ChartRenderError) -> Chart {
        try load(try ChartFiles(unpacking: bytes, name: name), compilingSchemas: compilingSchemas)
    }

    /// Loads the chart whose files `files` gives (see ``load(directory:compilingSchemas:)``).
    static func load(_ files: ChartFiles, compilingSchemas: Bool = false) throws(ChartRenderError) -> Chart {
        let schema = files.contains("values.schema.json") ? CompiledValuesSchema(bytes: try files.read("values.schema.json")) : nil
        if compilingSchemas { schema?.startCompiling() }
        var fields: Mapping?
        if case .directory(let root) = files.origin, !files.contains("Chart.yaml") {
            let path = FileSystem.join(root, "Chart.yaml")
            if FileSystem.kind(of: path) != nil {
                throw ChartRenderError(.load, "Chart.yaml file is missing")  // its .helmignore leaves it out
            }
            throw ChartRenderError(.load, "unable to detect chart at \(path): open \(path): no such file or directory")
        }
        if files.contains("Chart.yaml") {
            let node: Node
            do {
                node = try YAMLParser().parse(bytes: try files.read("Chart.yaml"), file: files.location("Chart.yaml"))
            } catch let e as YAMLError {
                throw ChartRenderError(.load, "cannot load Chart.yaml: error converting YAML to JSON: yaml: line \(e.mark.line): \(e.message)")
            } catch {
                throw ChartRenderError(.load, "cannot load Chart.yaml: \(error)")
            }
            let mapping = try ChartValidation.fields(of: node)
            try ChartValidation.validate(mapping)
            fields = mapping
        }
        let name = fields?["name"].flatMap(scalarText) ?? files.fallbackName
        let metadata = ChartMetadata.value(from: fields, name: name)

        var defaults = Node(.mapping(Mapping()))
        if files.contains("values.yaml") {
            do {
                defaults = try ValuesFile.load(try files.read("values.yaml"), file: files.location("values.yaml"))
            } catch let e as InputError {
                throw ChartRenderError(.load, "cannot load values.yaml: \(e)")
            } catch {
                throw ChartRenderError(.load, "cannot load values.yaml: \(error)")
            }
        }

        var templates: [ChartTemplate] = []
        for relative in files.files(under: "templates") {
            let bytes = try files.read("templates/" + relative)
            // A template is bytes in Go: a byte that is not UTF-8 is kept (as its stand-in), as Helm keeps it.
            templates.append(ChartTemplate(name: name + "/templates/" + relative, text: ByteString.string(bytes)))
        }
        templates.sort { Value.goLess($0.name, $1.name) }
        var chart = Chart(name: name, metadata: metadata, defaultValues: defaults, templates: templates)
        chart.version = fields?["version"].flatMap(scalarText) ?? ""
        chart.isLibrary = fields?["type"].flatMap(scalarText) == "library"
        if let declared = fields?["dependencies"] { chart.dependencies = try dependencies(declared) }
        if let declared = try requirements(files)?["dependencies"] { chart.dependencies = try dependencies(declared) }
        chart.subcharts = try subcharts(of: files, parent: name, compilingSchemas: compilingSchemas)
        let apiVersion = fields?["apiVersion"].flatMap(scalarText) ?? ""
        chart.files = files.otherFiles(isV1: apiVersion == "" || apiVersion == "v1")
        chart.crds = try files.crdFiles().map { (relative: String) throws(ChartRenderError) -> ChartCRD in
            ChartCRD(source: name + "/" + relative, file: try files.file(relative))
        }
        if let schema { chart.setValuesSchema(schema, file: files.location("values.schema.json")) }
        return chart
    }

    /// The charts in `charts/`, in name order: directories and packaged charts (`.`- and
    /// `_`-prefixed entries are skipped, as Helm skips them; anything else must be a chart).
    static func subcharts(of files: ChartFiles, parent: String, compilingSchemas: Bool = false) throws(ChartRenderError) -> [Chart] {
        var charts: [Chart] = []
        for (entry, content) in files.subchartEntries() {
            do throws(ChartRenderError) {
                switch content {
                case .archive(let bytes):
                    charts.append(try loadArchive(bytes, name: entry, compilingSchemas: compilingSchemas))
                case .chart(let subchart):
                    guard subchart.contains("Chart.yaml") else { throw ChartRenderError(.load, "Chart.yaml file is missing") }
                    charts.append(try load(subchart, compilingSchemas: compilingSchemas))
                case .notAChart:
                    throw ChartRenderError(.load, "Chart.yaml file is missing")
                }
            } catch {
                throw ChartRenderError(.load, "error unpacking subchart \(entry) in \(parent): \(error.message)")
            }
        }
        return charts
    }

    /// The fields of `requirements.yaml`, which Helm reads over Chart.yaml's (the dependencies of
    /// apiVersion v1 charts; Helm reads it, with a warning, for any chart); nil without one.
    static func requirements(_ files: ChartFiles) throws(ChartRenderError) -> Mapping? {
        guard files.contains("requirements.yaml") else { return nil }
        do {
            let node = try YAMLParser().parse(bytes: try files.read("requirements.yaml"), file: files.location("requirements.yaml"))
            return node.mapping ?? Mapping()
        } catch let e as YAMLError {
            throw ChartRenderError(.load, "cannot load requirements.yaml: error converting YAML to JSON: yaml: line \(e.mark.line): \(e.message)")
        } catch {
            throw ChartRenderError(.load, "cannot load requirements.yaml: \(error)")
        }
    }

    /// Chart.yaml's `dependencies:` list.
    static func dependencies(_ node: Node) throws(ChartRenderError) -> [ChartDependency] {
        guard let items = node.sequence else {
            if node.isNull { return [] }
            throw ChartRenderError(.load, "cannot load Chart.yaml: dependencies must be a list")
        }
        return try items.map { (item: Node) throws(ChartRenderError) -> ChartDependency in
            guard let fields = item.mapping else {
                throw ChartRenderError(.load, "cannot load Chart.yaml: each of dependencies must be a map")
            }
            func text(_ key: String) -> String { fields[key].flatMap(scalarText) ?? "" }
            return ChartDependency(
                name: text("name"), version: text("version"), repository: text("repository"), condition: text("condition"),
                tags: (fields["tags"]?.sequence ?? []).compactMap(scalarText), alias: text("alias"),
                importValues: (fields["import-values"]?.sequence ?? []).map { $0.toValue() })
        }
    }

    static func scalarText(_ node: Node) -> String? {
        switch node.kind {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let f): return GoFormat.float(f)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The bytes of `path` (``FileSystem/readFile(_:refusingIrregular:)``); a failure names the call, the path and
    /// the reason (`read /c/values.yaml: input larger than 256 MiB ...`); `refusingIrregular` refuses a device, pipe
    /// or socket as Helm does in a chart.
    static func read(_ path: String, refusingIrregular: Bool = false) throws(ChartRenderError) -> [UInt8] {
        do {
            return try FileSystem.readFile(path, refusingIrregular: refusingIrregular)
        } catch {
            throw ChartRenderError(.load, "\(error)")
        }
    }
}

/// `.Chart`: Helm's `Metadata` struct turned into a map by field name.
enum ChartMetadata {
    static let stringFields: [(key: String, field: String)] = [
        ("name", "Name"), ("home", "Home"), ("version", "Version"), ("description", "Description"),
        ("icon", "Icon"), ("apiVersion", "APIVersion"), ("condition", "Condition"), ("tags", "Tags"),
        ("appVersion", "AppVersion"), ("kubeVersion", "KubeVersion"), ("type", "Type"),
    ]

    static func value(from fields: Mapping?, name: String) -> Value {
        var m: [String: Value] = [:]
        for (key, field) in stringFields {
            m[field] = .string(fields?[key].flatMap(ChartLoader.scalarText) ?? "")
        }
        m["Name"] = .string(name)
        m["Sources"] = stringList(fields?["sources"])
        m["Keywords"] = stringList(fields?["keywords"])
        m["Deprecated"] = .bool(fields?["deprecated"].map { if case .bool(true) = $0.kind { return true } else { return false } } ?? false)
        var annotations: [String: Value] = [:]
        for (k, v) in fields?["annotations"]?.mapping?.entries ?? [:] {
            annotations[k] = .string(ChartLoader.scalarText(v) ?? "")
        }
        m["Annotations"] = .map(annotations)
        m["Maintainers"] = .list((fields?["maintainers"]?.sequence ?? []).map { node in
            .map([
                "Name": .string(node["name"].flatMap(ChartLoader.scalarText) ?? ""),
                "Email": .string(node["email"].flatMap(ChartLoader.scalarText) ?? ""),
                "URL": .string(node["url"].flatMap(ChartLoader.scalarText) ?? ""),
            ])
        })
        m["Dependencies"] = .list([])
        m["IsRoot"] = .bool(true)
        return .map(m)
    }

    static func stringList(_ node: Node?) -> Value {
        .list((node?.sequence ?? []).map { .string(ChartLoader.scalarText($0) ?? "") })
    }
}
