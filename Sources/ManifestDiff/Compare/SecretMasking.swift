import GoValues

/// Hides the values of a `Secret`'s `data` and `stringData`, keeping whether they changed visible.
///
/// A masked value reads `(masked, N bytes)` when both releases hold the same value, and
/// `(masked old value, N bytes)` / `(masked new value, N bytes)` when it changed.
enum SecretMasking {
    static let fields = ["data", "stringData"]

    static func isSecret(_ id: ResourceID) -> Bool { id.group.isEmpty && id.kind == "Secret" }

    /// Both sides of a Secret with their values masked pairwise.
    static func mask(old: Value?, new: Value?) -> (Value?, Value?) {
        var old = old
        var new = new
        for field in fields {
            let oldMap = old?.mapValue?[field]?.mapValue
            let newMap = new?.mapValue?[field]?.mapValue
            if oldMap == nil && newMap == nil { continue }
            var maskedOld: [String: Value] = [:]
            var maskedNew: [String: Value] = [:]
            for (k, v) in oldMap ?? [:] {
                maskedOld[k] = masked(v, changed: newMap?[k] != v, side: "old")
            }
            for (k, v) in newMap ?? [:] {
                maskedNew[k] = masked(v, changed: oldMap?[k] != v, side: "new")
            }
            if oldMap != nil, case .map(var m)? = old { m[field] = .map(maskedOld); old = .map(m) }
            if newMap != nil, case .map(var m)? = new { m[field] = .map(maskedNew); new = .map(m) }
        }
        return (old, new)
    }

    /// A Secret value as shown: its size, never its content.
    static func masked(_ v: Value, changed: Bool, side: String) -> Value {
        let size: Int
        switch v {
        case .string(let s): size = s.utf8.count
        case .null: return .null
        default: size = GoFormat.value(v).utf8.count
        }
        return .string(changed ? "(masked \(side) value, \(size) bytes)" : "(masked, \(size) bytes)")
    }
}
