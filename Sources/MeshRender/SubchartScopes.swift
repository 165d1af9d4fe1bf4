import GoTemplate
import YAMLCore

/// The top-level objects of a chart with subcharts (``Chart/scopes``), as its templates see them:
/// each chart's `.Values` (the part of the top chart's values under its name), `.Chart`,
/// `.Template.BasePath` and `.Subcharts` (its direct subcharts' top-level objects, by name).
struct SubchartScopes {
    let chart: Chart
    /// The top chart's top-level object.
    let top: [String: Value]
    /// Each scope's last template in execution order (what Helm's shared object of that chart
    /// holds as `Template` once its templates have run).
    private let lastTemplate: [Int: String]

    /// Nil for a chart without subcharts.
    init?(chart: Chart, top: [String: Value], order: [String]) {
        guard !chart.scopes.isEmpty else { return nil }
        self.chart = chart
        self.top = top
        var last: [Int: String] = [:]
        let scopeOf = Dictionary(chart.templates.map { ($0.name, $0.scope) }, uniquingKeysWith: { a, _ in a })
        for name in order { if let scope = scopeOf[name] { last[scope] = name } }
        lastTemplate = last
    }

    func basePath(of scope: Int) -> String { chart.scopes[scope].basePath }

    func files(of scope: Int) -> [String: [UInt8]] { chart.scopes[scope].files }

    /// What differs in the scope's top-level object, set before each of its templates runs.
    func topLevel(of scope: Int) -> [String: Value] {
        ["Chart": chart.scopes[scope].metadata, "Subcharts": subcharts(of: scope)]
    }

    /// The session scope a template of `scope` executes in: `.Values` shared with its parent's.
    func executionScope(of scope: Int) -> ExecutionScope {
        ExecutionScope(id: scope, key: "Values", path: chart.scopes[scope].valuesPath)
    }

    /// The scope's whole top-level object as data (for renders in windows, which share nothing).
    func data(of scope: Int) -> [String: Value] {
        var data = top
        data["Values"] = values(of: scope)
        data.merge(topLevel(of: scope)) { _, scoped in scoped }
        return data
    }

    /// `.Values` of the scope: the map at its values path (an empty map when there is none).
    func values(of scope: Int) -> Value {
        var value = top["Values"] ?? .map([:])
        for key in chart.scopes[scope].valuesPath {
            guard case .map(let m) = value, let next = m[key], case .map = next else { return .map([:]) }
            value = next
        }
        return value
    }

    /// `.Subcharts`: each direct subchart's top-level object, by name.
    func subcharts(of scope: Int) -> Value {
        var out: [String: Value] = [:]
        for (name, child) in chart.scopes[scope].subcharts {
            var object: [String: Value] = [
                "Values": values(of: child),
                "Release": top["Release"] ?? .null,
                "Capabilities": top["Capabilities"] ?? .null,
                "Chart": chart.scopes[child].metadata,
                "Files": .map([:]),
                "Subcharts": subcharts(of: child),
            ]
            if let last = lastTemplate[child] {
                object["Template"] = .map(["Name": .string(last), "BasePath": .string(chart.scopes[child].basePath)])
            }
            out[name] = .map(object)
        }
        return .map(out)
    }
}
