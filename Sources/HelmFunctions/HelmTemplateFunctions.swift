import TemplateEngine
import YAML

/// Helm's own template functions, those that do not need the engine: serialization
/// (`toYaml`, `fromYaml`, `toJson`, `fromJson`, `toToml`, ...) and `lookup`, which renders offline
/// as `helm template` does (an empty map). `include`, `tpl`, `required` and `fail` belong
/// to the engine.
public enum HelmTemplateFunctions {
    /// Every function by name.
    nonisolated(unsafe) public static let table: [String: TemplateFunction] = {
        var all: [String: FunctionBody] = SerializationFunctions.table
        all.merge(TOMLFunctions.table) { first, _ in first }
        all["lookup"] = { a in
            let args = Arguments("lookup", a)
            try args.expect(4)
            for i in 0..<4 { _ = try args.string(i) }
            return .map([:])
        }
        return all.mapValues { body in body as TemplateFunction }
    }()
}
