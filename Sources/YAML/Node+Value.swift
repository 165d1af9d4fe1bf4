import GoValues

extension Node {
    /// The dynamic value of this node (marks dropped, mapping order dropped); integers are Go
    /// `int`s, as go-yaml decodes them (a values tree is converted by `toHelmValue()` instead).
    public func toValue() -> Value {
        toValue(integersAreInt64: false)
    }

    /// The dynamic value of a Helm values tree, as templates see `.Values`: its integers are
    /// Go `int64`s (file numbers are floats by then; what is left are `--set` integers, which
    /// Helm's `strvals` types as `int64`).
    public func toHelmValue() -> Value {
        toValue(integersAreInt64: true)
    }

    private func toValue(integersAreInt64 wide: Bool) -> Value {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return wide ? .int64(i) : .int(i)
        case .float(let f): return .float(f)
        case .string(let s): return .string(s)
        case .sequence(let items): return .list(items.map { $0.toValue(integersAreInt64: wide) })
        case .mapping(let m):
            var out = [String: Value](minimumCapacity: m.count)
            for (k, v) in m.entries { out[k] = v.toValue(integersAreInt64: wide) }
            return .map(out)
        }
    }
}
