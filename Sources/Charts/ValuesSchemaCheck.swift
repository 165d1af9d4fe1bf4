import HelmValues
import JSONSchema
import Diagnostics
import Platform
import YAML

/// Helm's check of the coalesced values against `values.schema.json`: the chart's own schema
/// over all its values, then each enabled subchart's over the values under its name
/// (recursively), every failing chart reported under its name.
package struct ValuesSchemaCheck {
    /// One chart of the tree: its name, schema and enabled subcharts.
    package struct Target {
        var name: String
        var schema: [UInt8]?
        var schemaFile: String
        var subcharts: [Target]
        /// `schema` compiled (or being compiled) ahead, when the chart it came from started it.
        var compiled: CompiledValuesSchema? = nil

        /// Whether a chart of the tree has a schema (else the check has nothing to do).
        package var hasSchema: Bool { schema != nil || subcharts.contains { $0.hasSchema } }
    }

    static let heading = "values don't meet the specifications of the schema(s) in the following chart(s):\n"

    /// Throws Helm's error when `values` (the chart's coalesced values) break a schema of the tree.
    /// Costs nothing when no chart of the tree has a schema. `keep`: given each compiled schema once it is used, to
    /// hold rather than free (a large schema takes a while to take apart).
    package static func check(_ target: Target, values: Node, keep: ((JSONSchema) -> Void)? = nil) throws(ChartRenderError) {
        guard target.hasSchema else { return }
        var report = ""
        var firstMark: Mark?
        check(target, values: values, json: JSON(node: values), into: &report, firstMark: &firstMark, keep: keep)
        PhaseClock.mark("values checked against the schemas")
        guard !report.isEmpty else { return }
        let message = heading + report
        let oneLine = message.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
        throw ChartRenderError(.schema, message, goText: firstMark.map { "\($0): \(oneLine)" } ?? oneLine)
    }

    /// `json` is `values` as JSON, converted once for the whole tree.
    private static func check(
        _ target: Target, values: Node, json: JSON, into report: inout String, firstMark: inout Mark?, keep: ((JSONSchema) -> Void)?
    ) {
        if let bytes = target.schema {
            do {
                let schema = try (target.compiled ?? CompiledValuesSchema(bytes: bytes)).schema()
                keep?(schema)
                let violations = schema.validate(json)
                if !violations.isEmpty {
                    report += target.name + ":\n" + SchemaViolation.report(violations) + "\n"
                    if firstMark == nil { firstMark = mark(of: violations[0], in: values) }
                }
            } catch {
                report += target.name + ":\n" + error.message
                if firstMark == nil { firstMark = Mark(file: target.schemaFile, line: error.line ?? 1, column: error.column ?? 1) }
            }
        }
        guard case .mapping(let map) = values.kind else { return }
        for sub in target.subcharts {
            guard let node = map[sub.name], !node.isNull else { continue }
            guard case .mapping = node.kind else {
                report += "\(sub.name):\ninvalid type for values: expected object (map), got \(node.goTypeName)\n"
                continue
            }
            check(sub, values: node, json: json.object?[sub.name] ?? JSON(node: node), into: &report, firstMark: &firstMark, keep: keep)
        }
    }

    /// Where the value a violation is about was written (its innermost cause's location).
    private static func mark(of violation: SchemaViolation, in root: Node) -> Mark? {
        var v = violation
        while let first = v.causes.first { v = first }
        var node = root
        var best = root.mark
        for token in v.location {
            switch node.kind {
            case .mapping(let m): guard let next = m[token] else { return best }; node = next
            case .sequence(let items): guard let i = Int(token), items.indices.contains(i) else { return best }; node = items[i]
            default: return best
            }
            best = node.mark ?? best
        }
        return best
    }
}

extension ValuesSchemaCheck.Target {
    /// A chart as loaded, without subcharts to resolve.
    package init(chart: Chart) {
        self.init(
            name: chart.name, schema: chart.valuesSchema, schemaFile: chart.valuesSchemaFile, subcharts: [],
            compiled: chart.compiledSchema)
    }

    /// A chart with the subcharts Helm keeps.
    init(resolved: ResolvedChart) {
        self.init(
            name: resolved.chart.name, schema: resolved.chart.valuesSchema, schemaFile: resolved.chart.valuesSchemaFile,
            subcharts: resolved.subcharts.map(ValuesSchemaCheck.Target.init(resolved:)), compiled: resolved.chart.compiledSchema)
    }
}
