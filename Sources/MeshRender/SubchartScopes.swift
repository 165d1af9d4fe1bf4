import Charts
import TemplateEngine
import GoValues

/// The top-level objects of a chart with subcharts (``Chart/scopes``), as its templates see them:
/// each chart's `.Values` (the part of the top chart's values under its name), `.Chart`, `.Files`,
/// `.Template.BasePath` and `.Subcharts` (its direct subcharts' top-level objects, by name).
/// Computed once per chart, before any template runs.
struct SubchartScopes {
    /// What a template of one chart executes with.
    struct Context {
        /// Set on the chart's top-level object before each of its templates runs.
        var topLevel: [String: Value]
        var structs: [String: GoStruct]
        /// The session scope: `.Values` shared with the parent's.
        var executionScope: ExecutionScope
        /// The whole top-level object as data (for renders in windows, which share nothing).
        var data: [String: Value]
        var basePath: String
    }

    let contexts: [Context]

    /// Nil for a chart without subcharts. `top` is the top chart's top-level object; `files` makes
    /// a chart's `.Files`.
    init?(chart: Chart, top: [String: Value], order: [String], files: ([String: ChartFile]) -> GoStruct) {
        guard !chart.scopes.isEmpty else { return nil }
        let scopes = chart.scopes
        // Each chart's last template in execution order: what Helm's shared object of that chart
        // holds as `Template` once its templates have run.
        var lastTemplate: [Int: String] = [:]
        let scopeOf = Dictionary(chart.templates.map { ($0.name, $0.scope) }, uniquingKeysWith: { a, _ in a })
        for name in order { if let scope = scopeOf[name] { lastTemplate[scope] = name } }

        let values = scopes.map { SubchartScopes.values(at: $0.valuesPath, in: top["Values"] ?? .map([:])) }
        // A subchart's scope comes after its parent's: building from the last, children are done first.
        var subcharts = [Value](repeating: .map([:]), count: scopes.count)
        for index in scopes.indices.reversed() {
            var out: [String: Value] = [:]
            for (name, child) in scopes[index].subcharts {
                var object: [String: Value] = [
                    "Values": values[child], "Release": top["Release"] ?? .null, "Capabilities": top["Capabilities"] ?? .null,
                    "Chart": scopes[child].metadata, "Files": .map([:]), "Subcharts": subcharts[child],
                ]
                if let last = lastTemplate[child] {
                    object["Template"] = .map(["Name": .string(last), "BasePath": .string(scopes[child].basePath)])
                }
                out[name] = .map(object)
            }
            subcharts[index] = .map(out)
        }
        contexts = scopes.indices.map { index in
            let topLevel: [String: Value] = ["Chart": scopes[index].metadata, "Subcharts": subcharts[index]]
            var data = top
            data["Values"] = values[index]
            data.merge(topLevel) { _, scoped in scoped }
            return Context(
                topLevel: topLevel, structs: ["Files": files(scopes[index].files)],
                executionScope: ExecutionScope(id: index, key: "Values", path: scopes[index].valuesPath),
                data: data, basePath: scopes[index].basePath)
        }
    }

    /// The map at `path` in `values` (an empty map when there is none).
    private static func values(at path: [String], in values: Value) -> Value {
        var value = values
        for key in path {
            guard case .map(let m) = value, let next = m[key], case .map = next else { return .map([:]) }
            value = next
        }
        return value
    }
}
