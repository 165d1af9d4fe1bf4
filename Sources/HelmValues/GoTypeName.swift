import YAML

extension Node {
    /// The Go type Helm holds this value as (`float64` for every number read from a file or
    /// JSON, `int64` for `--set` integers), as printed in its "interface conversion" errors.
    public var goTypeName: String {
        switch kind {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .sequence: return "[]interface {}"
        case .mapping: return "map[string]interface {}"
        }
    }
}
