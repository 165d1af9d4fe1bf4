import TemplateEngine
import HelmFunctions
import HelmValues
import Diagnostics
import GoValues
import YAML

/// Subcharts as `helm template` renders them: the charts in `charts/`, filtered and renamed by
/// Chart.yaml's `dependencies:` (version ranges, `condition`, `tags`, `alias`), their defaults
/// coalesced under their names in the parent's values with the parent's `global` map, and their
/// templates rendered with a `.Values`, `.Chart` and `.Template.BasePath` of their own.
extension Chart {
    /// Whether the chart has subcharts or declares dependencies (and so needs ``resolvingSubcharts(userValues:validatingSchemas:)``).
    public var hasSubcharts: Bool { !subcharts.isEmpty || !(dependencies ?? []).isEmpty }

    /// The chart as Helm renders it with the user's values `userValues`: the templates of every
    /// enabled subchart added under `<chart>/charts/<name>/templates/`, each with its ``ChartScope``,
    /// and the values templates see (`.Values` of this chart). Unless `validatingSchemas` is false,
    /// those values are checked against the `values.schema.json` of this chart and of every enabled subchart.
    public func resolvingSubcharts(userValues: Node, validatingSchemas: Bool = true) throws -> (chart: Chart, values: Node) {
        let resolved = try resolvingSubchartsLeavingSchemas(userValues: userValues)
        if validatingSchemas { try ValuesSchemaCheck.check(resolved.schemas, values: resolved.values) }
        return (resolved.chart, resolved.values)
    }

    /// ``resolvingSubcharts(userValues:validatingSchemas:)`` without the schema check: the schemas the values are to
    /// be checked against are returned with them.
    package func resolvingSubchartsLeavingSchemas(userValues: Node) throws -> (chart: Chart, values: Node, schemas: ValuesSchemaCheck.Target) {
        let missing = (dependencies ?? []).map(\.name).filter { name in !subcharts.contains { $0.name == name } }
        if !missing.isEmpty {
            throw ChartRenderError(
                .load,
                "an error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: \(missing.joined(separator: ", "))")
        }
        let tree: ResolvedChart
        do {
            tree = try ResolvedChart.enabling(self, values: userValues, path: "").importingValues()
        } catch {
            throw InputError("chart dependencies processing failed: \(error.message)", at: error.mark)
        }
        let values = try Coalesce.coalesce(chart: tree.defaults, user: userValues)
        var flat = self
        flat.templates = []
        flat.scopes = []
        flat.crds = []
        tree.flatten(into: &flat, path: name, valuesPath: [], isRoot: true)
        flat.templates.sort { Value.goLess($0.name, $1.name) }
        flat.metadata = flat.scopes[0].metadata
        return (flat, values, .init(resolved: tree))
    }
}

/// A chart with the subcharts Helm keeps for given values.
struct ResolvedChart {
    /// The chart, named by its alias if it has one.
    var chart: Chart
    /// The name it was loaded under (its templates are named after it).
    var loadedName: String
    /// Chart.yaml's dependencies as processed (aliases as names, disabled ones dropped); nil when it has none.
    var dependencies: [ChartDependency]?
    var subcharts: [ResolvedChart]

    /// The defaults of this chart and its subcharts, for coalescing.
    var defaults: ChartDefaults {
        ChartDefaults(name: chart.name, defaults: chart.defaultValues, subcharts: subcharts.map(\.defaults))
    }

    /// A chart as loaded, with every subchart (Helm leaves a chart without `dependencies:` as it is).
    static func asLoaded(_ chart: Chart, name: String? = nil) -> ResolvedChart {
        var renamed = chart
        if let name { renamed.name = name }
        return ResolvedChart(
            chart: renamed, loadedName: chart.name, dependencies: chart.dependencies, subcharts: chart.subcharts.map { asLoaded($0) })
    }

    /// Helm's `processDependencyEnabled`: `values` are the user's values (for the top chart) or the
    /// parent's coalesced values; `path` prefixes conditions (`web.` for the subchart `web`).
    static func enabling(_ chart: Chart, values: Node, path: String) throws(InputError) -> ResolvedChart {
        guard var requirements = chart.dependencies else { return asLoaded(chart) }
        // Subcharts no requirement matches stay as they are; matched ones take the requirement's alias.
        var kept: [ResolvedChart] = chart.subcharts.filter { sub in
            !requirements.contains { $0.name == sub.name && compatible($0.version, sub.version) }
        }.map { asLoaded($0) }
        for i in requirements.indices {
            if let match = chart.subcharts.first(where: { $0.name == requirements[i].name && compatible(requirements[i].version, $0.version) }) {
                kept.append(asLoaded(match, name: requirements[i].alias.isEmpty ? nil : requirements[i].alias))
            }
            if !requirements[i].alias.isEmpty { requirements[i].name = requirements[i].alias }
        }
        var whole = ResolvedChart(chart: chart, loadedName: chart.name, dependencies: requirements, subcharts: kept)
        let coalesced = try Coalesce.coalesce(chart: whole.defaults, user: values)
        var enabled = [Bool](repeating: true, count: requirements.count)
        applyTags(requirements, coalesced, &enabled)
        applyConditions(requirements, coalesced, path: path, &enabled)
        let disabled = Set(requirements.indices.filter { !enabled[$0] }.map { requirements[$0].name })
        whole.dependencies = requirements.filter { !disabled.contains($0.name) }
        whole.subcharts = try kept.filter { !disabled.contains($0.chart.name) }.map { (sub: ResolvedChart) throws(InputError) in
            var resolved = try enabling(sub.chart, values: coalesced, path: path + sub.chart.name + ".")
            resolved.loadedName = sub.loadedName
            return resolved
        }
        return whole
    }

    /// Helm's `processDependencyImportValues`, subcharts first: a chart whose dependencies list
    /// `import-values` gets, under its own defaults, the child tables they name — `{child: a.b,
    /// parent: x.y}` puts the child's `a.b` at `x.y`; a plain name `n` puts the child's `exports.n`
    /// at the top. Tables are read from the chart's defaults coalesced with its subcharts' (not
    /// from the user's values); a missing one is skipped.
    func importingValues() throws(InputError) -> ResolvedChart {
        var chart = self
        chart.subcharts = try subcharts.map { (sub: ResolvedChart) throws(InputError) in try sub.importingValues() }
        guard var dependencies = chart.dependencies, dependencies.contains(where: { !$0.importValues.isEmpty }) else { return chart }
        let defaults = try Coalesce.coalesce(chart: chart.defaults, user: Node(.mapping(Mapping())))
        var imported = Node(.mapping(Mapping()))
        for i in dependencies.indices {
            var written: [Value] = []
            for entry in dependencies[i].importValues {
                let child: String, parent: String
                switch entry {
                case .map(let m):
                    (child, parent) = (GoFormat.value(m["child"] ?? .null), GoFormat.value(m["parent"] ?? .null))
                case .string(let name):
                    (child, parent) = ("exports." + name, ".")
                default:
                    continue
                }
                written.append(.map(["child": .string(child), "parent": .string(parent)]))
                guard let table = ResolvedChart.table(defaults, dependencies[i].name + "." + child) else { continue }
                imported = Coalesce.tables(imported, over: ResolvedChart.nested(table, at: parent))
            }
            dependencies[i].importValues = written
        }
        chart.dependencies = dependencies
        chart.chart.defaultValues = Coalesce.tables(defaults, over: imported)
        return chart
    }

    /// Helm's `Values.Table`: the map at a dotted path.
    static func table(_ values: Node, _ path: String) -> Node? {
        node(values, at: path).flatMap { $0.isMapping ? $0 : nil }
    }

    /// What a dotted path leads to through maps.
    static func node(_ values: Node, at path: String) -> Node? {
        var node = values
        for key in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .mapping(let m) = node.kind, let next = m[String(key)] else { return nil }
            node = next
        }
        return node
    }

    /// `table` under the dotted path `path` (`.`: as it is).
    static func nested(_ table: Node, at path: String) -> Node {
        guard path != "." else { return table }
        var node = table
        for key in path.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            var m = Mapping()
            m.entries[String(key)] = node
            node = Node(.mapping(m))
        }
        return node
    }

    /// Helm's `IsCompatibleRange`: `version` satisfies the range (an unparsable one satisfies nothing).
    static func compatible(_ range: String, _ version: String) -> Bool {
        let result = try? SprigFunctions.table["semverCompare"]?([.string(range), .string(version)])
        return result == .bool(true)
    }

    /// Tags: a dependency with a tag set true is enabled; one whose tags are all set false is not.
    static func applyTags(_ requirements: [ChartDependency], _ values: Node, _ enabled: inout [Bool]) {
        guard case .mapping(let tags)? = values["tags"]?.kind else { return }
        for (i, requirement) in requirements.enumerated() {
            var anyTrue = false, anyFalse = false
            for tag in requirement.tags {
                if case .bool(let b)? = tags[tag]?.kind { if b { anyTrue = true } else { anyFalse = true } }
            }
            enabled[i] = anyTrue || !anyFalse
        }
    }

    /// Conditions: the first comma-separated values path that holds a bool decides.
    static func applyConditions(_ requirements: [ChartDependency], _ values: Node, path: String, _ enabled: inout [Bool]) {
        for (i, requirement) in requirements.enumerated() {
            for part in goTrimSpace(requirement.condition).split(separator: ",", omittingEmptySubsequences: true) {
                if case .bool(let b)? = pathValue(values, path + part)?.kind {
                    enabled[i] = b
                    break
                }
            }
        }
    }

    /// Go's `strings.TrimSpace` (ASCII spaces; conditions are written in ASCII).
    static func goTrimSpace(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }

    /// Helm's `Values.PathValue`: the non-map value at a dotted path.
    static func pathValue(_ values: Node, _ path: String) -> Node? {
        node(values, at: path).flatMap { $0.isMapping ? nil : $0 }
    }

    /// Adds this chart's templates (renamed to `path/templates/…`) and scope, then its subcharts';
    /// returns its scope's index.
    @discardableResult
    func flatten(into flat: inout Chart, path: String, valuesPath: [String], isRoot: Bool) -> Int {
        let index = flat.scopes.count
        flat.scopes.append(ChartScope(
            valuesPath: valuesPath, metadata: metadata(isRoot: isRoot), basePath: path + "/templates", subcharts: [], files: chart.files))
        let prefix = loadedName + "/templates/"
        for template in chart.templates where !chart.isLibrary || template.isPartial {
            guard template.name.hasPrefix(prefix) else { continue }
            var renamed = ChartTemplate(name: path + "/templates/" + template.name.dropFirst(prefix.count), text: template.text)
            renamed.scope = index
            flat.templates.append(renamed)
        }
        let crdPrefix = loadedName + "/crds/"
        for crd in chart.crds where crd.source.hasPrefix(crdPrefix) {
            flat.crds.append(ChartCRD(source: path + "/crds/" + crd.source.dropFirst(crdPrefix.count), file: crd.file))
        }
        for sub in subcharts {
            let child = sub.flatten(into: &flat, path: path + "/charts/" + sub.chart.name, valuesPath: valuesPath + [sub.chart.name], isRoot: false)
            flat.scopes[index].subcharts.append((sub.chart.name, child))
        }
        return index
    }

    /// `.Chart`: the chart's metadata under its (alias) name, with the dependencies Helm kept.
    func metadata(isRoot: Bool) -> Value {
        guard case .map(var m) = chart.metadata else { return chart.metadata }
        m["Name"] = .string(chart.name)
        m["IsRoot"] = .bool(isRoot)
        if let dependencies {
            m["Dependencies"] = .list(dependencies.map { d in
                .map([
                    "Name": .string(d.name), "Version": .string(d.version), "Repository": .string(d.repository),
                    "Condition": .string(d.condition), "Tags": .list(d.tags.map(Value.string)), "Enabled": .bool(true),
                    "ImportValues": .list(d.importValues), "Alias": .string(d.alias),
                ])
            })
        }
        return .map(m)
    }
}
