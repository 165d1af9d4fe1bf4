import TemplateEngine
import HelmFunctions
import GoValues
import YAML

/// The checks Helm makes of a chart's Chart.yaml before it renders anything, with Helm's words:
/// a document that is not a map, an `apiVersion` other than v1 or v2, and its metadata validation
/// (name, version, type).
enum ChartValidation {
    /// The fields of Chart.yaml's document `node`, or Helm's error for it.
    static func fields(of node: Node) throws(ChartRenderError) -> Mapping {
        if let mapping = node.mapping { return mapping }
        let kind: String
        switch node.kind {
        case .sequence: kind = "array"
        case .int, .float: kind = "number"
        case .bool: kind = "bool"
        case .null: return Mapping()
        default: kind = "string"
        }
        throw ChartRenderError(
            .load,
            "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(kind) into Go value of type loader.chartBase")
    }

    /// Refuses what Helm refuses in Chart.yaml's `fields`.
    static func validate(_ fields: Mapping) throws(ChartRenderError) {
        let text = { (key: String) in fields[key].flatMap(ChartLoader.scalarText) ?? "" }
        let apiVersion = text("apiVersion")
        if !["", "v1", "v2"].contains(apiVersion) { throw ChartRenderError(.load, "unsupported chart version") }
        func invalid(_ message: String) -> ChartRenderError { ChartRenderError(.load, "validation: chart.metadata." + message) }
        let name = text("name")
        if name.isEmpty { throw invalid("name is required") }
        if name == "." || name == ".." { throw invalid("name \(GoQuote.quote(name)) is not allowed") }
        if name.contains("/") { throw invalid("name \(GoQuote.quote(name)) is invalid") }
        let version = text("version")
        if version.isEmpty { throw invalid("version is required") }
        if !SemverSyntax.isValid(version) { throw invalid("version \(GoQuote.quote(version)) is invalid") }
        if !["", "application", "library"].contains(text("type")) { throw invalid("type must be application or library") }
    }
}
