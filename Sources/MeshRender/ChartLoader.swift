import HelmValues
import YAMLCore

/// Reads a chart directory: `Chart.yaml` (optional here), `values.yaml`, and every file
/// under `templates/` (subdirectories included, as Helm loads them).
public enum ChartLoader {
    /// Loads the chart in `directory`.
    public static func load(directory: String) throws(ChartRenderError) -> Chart {
        let root = FileSystem.absolute(directory)
        guard FileSystem.kind(of: root) == .directory else {
            throw ChartRenderError(.load, "path \"\(directory)\" not found")
        }
        let chartFile = FileSystem.join(root, "Chart.yaml")
        var fields: Mapping?
        if FileSystem.kind(of: chartFile) != nil {
            let node: Node
            do {
                node = try YAMLParser().parse(bytes: try read(chartFile), file: chartFile)
            } catch let e as YAMLError {
                throw ChartRenderError(.load, "cannot load Chart.yaml: error converting YAML to JSON: yaml: line \(e.mark.line): \(e.message)")
            } catch {
                throw ChartRenderError(.load, "cannot load Chart.yaml: \(error)")
            }
            fields = node.mapping ?? Mapping()
        }
        let name = fields?["name"].flatMap(scalarText) ?? FileSystem.lastComponent(root)
        let metadata = ChartMetadata.value(from: fields, name: name)

        let valuesFile = FileSystem.join(root, "values.yaml")
        var defaults = Node(.mapping(Mapping()))
        if FileSystem.kind(of: valuesFile) != nil {
            do {
                defaults = try ValuesFile.load(try read(valuesFile), file: valuesFile)
            } catch let e as InputError {
                throw ChartRenderError(.load, "cannot load values.yaml: \(e)")
            } catch {
                throw ChartRenderError(.load, "cannot load values.yaml: \(error)")
            }
        }

        var templates: [ChartTemplate] = []
        let templatesDir = FileSystem.join(root, "templates")
        for relative in try files(under: templatesDir) {
            let bytes = try read(FileSystem.join(templatesDir, relative))
            templates.append(ChartTemplate(name: name + "/templates/" + relative, text: String(decoding: bytes, as: UTF8.self)))
        }
        templates.sort { Value.goLess($0.name, $1.name) }
        var chart = Chart(name: name, metadata: metadata, defaultValues: defaults, templates: templates)
        chart.version = fields?["version"].flatMap(scalarText) ?? ""
        chart.isLibrary = fields?["type"].flatMap(scalarText) == "library"
        if let declared = fields?["dependencies"] { chart.dependencies = try dependencies(declared, file: chartFile) }
        chart.subcharts = try subcharts(of: root, parent: name)
        return chart
    }

    /// The charts in `charts/`: each directory is one, with its own Chart.yaml (`.`- and
    /// `_`-prefixed entries are skipped, as Helm skips them; any other file is an error, as in Helm).
    static func subcharts(of root: String, parent: String) throws(ChartRenderError) -> [Chart] {
        let dir = FileSystem.join(root, "charts")
        guard FileSystem.kind(of: dir) == .directory, let names = FileSystem.entries(of: dir) else { return [] }
        var charts: [Chart] = []
        for entry in names.sorted() where !entry.hasPrefix(".") && !entry.hasPrefix("_") {
            let path = FileSystem.join(dir, entry)
            if entry.hasSuffix(".tgz") || entry.hasSuffix(".tar.gz") {
                throw ChartRenderError(
                    .load, "packaged subcharts are not supported: charts/\(entry) (unpack it into charts/ with tar -xzf)")
            }
            let isDirectory = FileSystem.kind(of: path) == .directory
            // Helm sees files only: a directory with none below it is no chart at all.
            if isDirectory, try files(under: path).isEmpty { continue }
            guard isDirectory, FileSystem.kind(of: FileSystem.join(path, "Chart.yaml")) != nil else {
                throw ChartRenderError(.load, "error unpacking subchart \(entry) in \(parent): Chart.yaml file is missing")
            }
            charts.append(try load(directory: path))
        }
        return charts
    }

    /// Chart.yaml's `dependencies:` list.
    static func dependencies(_ node: Node, file: String) throws(ChartRenderError) -> [ChartDependency] {
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

    static func read(_ path: String) throws(ChartRenderError) -> [UInt8] {
        guard let bytes = FileSystem.read(path) else {
            throw ChartRenderError(.load, "cannot read \(path)")
        }
        return bytes
    }

    /// Regular files below `dir`, as slash-separated relative paths; hidden entries skipped.
    static func files(under dir: String) throws(ChartRenderError) -> [String] {
        var out: [String] = []
        var pending: [(String, String)] = [(dir, "")]
        while let (path, prefix) = pending.popLast() {
            guard let names = FileSystem.entries(of: path) else {
                if prefix.isEmpty { return [] }
                throw ChartRenderError(.load, "cannot read \(path)")
            }
            for entry in names where !entry.hasPrefix(".") {
                let child = FileSystem.join(path, entry)
                guard let kind = FileSystem.kind(of: child) else { continue }
                if kind == .directory {
                    pending.append((child, prefix + entry + "/"))
                } else {
                    out.append(prefix + entry)
                }
            }
        }
        return out
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
