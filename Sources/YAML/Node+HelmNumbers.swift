import GoValues

extension Node {
    /// The node as Helm sees a values file: Helm reads it through YAML → JSON → Go, so every
    /// integer becomes a float64 (`.int(8080)` → `.float(8080)`). Marks and key order are kept;
    /// NaN and ±Inf are left as they are (Helm rejects them; the values loader reports that).
    ///
    /// `--set` values keep their integers: apply this only to file-loaded values.
    public func withHelmNumbers() -> Node {
        var copy = self
        switch kind {
        case .int(let i):
            copy.kind = .float(Double(i))
        case .sequence(var items):
            for i in items.indices { items[i] = items[i].withHelmNumbers() }
            copy.kind = .sequence(items)
        case .mapping(var m):
            for i in m.entries.values.indices { m.entries.values[i] = m.entries.values[i].withHelmNumbers() }
            copy.kind = .mapping(m)
        case .null, .bool, .float, .string:
            break
        }
        return copy
    }
}

extension Value {
    /// `Node.withHelmNumbers()` for dynamic values: every integer becomes a float.
    public func withHelmNumbers() -> Value {
        switch self {
        case .int(let i), .int64(let i): return .float(Double(i))
        case .list(let items): return .list(items.map { $0.withHelmNumbers() })
        case .map(let m): return .map(m.mapValues { $0.withHelmNumbers() })
        case .null, .bool, .float, .string, .nilList: return self
        }
    }
}
