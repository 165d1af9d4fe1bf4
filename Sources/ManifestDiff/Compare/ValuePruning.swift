import GoValues

/// Removes ignored fields from a resource before it is compared.
enum ValuePruning {
    /// `value` without the field at `path` (map keys only; an index in the path stops the walk).
    static func removing(_ path: ArraySlice<FieldPath.Component>, from value: Value) -> Value {
        guard let first = path.first, case .key(let key) = first, case .map(var m) = value, let child = m[key] else {
            return value
        }
        if path.count == 1 {
            m[key] = nil
        } else {
            m[key] = removing(path.dropFirst(), from: child)
        }
        return .map(m)
    }

    /// The paths of an ignored label key: in `metadata.labels` and in the pod template's labels.
    static func labelPaths(_ key: String) -> [FieldPath] {
        [
            FieldPath([.key("metadata"), .key("labels"), .key(key)]),
            FieldPath([.key("spec"), .key("template"), .key("metadata"), .key("labels"), .key(key)]),
        ]
    }
}
