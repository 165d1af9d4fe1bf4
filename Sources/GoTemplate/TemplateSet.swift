import YAMLCore

/// A set of named templates sharing one function table, like a Go `*template.Template` with its
/// associated templates, configured the way Helm configures it.
///
/// ```swift
/// let set = TemplateSet()
/// try set.parse(name: "chart/templates/a.yaml", text: "x: {{ .Values.x }}")
/// let out = try set.execute(name: "chart/templates/a.yaml", data: .map(["Values": .map(["x": .int(1)])]))
/// ```
public final class TemplateSet {
    /// The functions visible to templates: Go's builtins, Sprig's and Helm's tables (when present),
    /// the engine's own (`include`, `tpl`, `required`, `fail`), then `functions` given at init.
    public private(set) var functions: [String: TemplateFunction]

    public init(functions: [String: TemplateFunction] = [:]) {
        self.functions = functions
    }

    /// Parses `text` as the template `name`; `{{define}}`/`{{block}}` add further templates.
    public func parse(name: String, text: String) throws(TemplateError) {
        throw TemplateError("not implemented", at: .none)
    }

    /// Executes template `name` with `data` as dot and returns its output.
    public func execute(name: String, data: Value) throws(TemplateError) -> String {
        throw TemplateError("no template \"\(name)\" associated with template \"\(name)\"", at: .none)
    }

    /// Whether a template of that name has been parsed or defined (and is not empty).
    public func hasTemplate(_ name: String) -> Bool { false }
}
