import YAMLCore

/// Helm reads every values file through YAML → JSON → Go, so each file integer becomes a
/// `float64`, and a number JSON cannot hold (`.inf`, `.nan`) is an error. `--set` integers
/// stay `int64`; they never pass through here.
///
/// Returns the tree with `.int` turned into `.float`; throws at the first non-finite float.
func helmNumbers(_ node: Node) throws(InputError) -> Node {
    switch node.kind {
    case .int(let i):
        return Node(.float(Double(i)), mark: node.mark)
    case .float(let f):
        guard f.isFinite else {
            throw InputError(
                "unsupported value: \(GoFormat.float(f)) (values must be representable in JSON)", at: node.mark)
        }
        return node
    case .null, .bool, .string:
        return node
    case .sequence(var items):
        for i in items.indices { items[i] = try helmNumbers(items[i]) }
        return Node(.sequence(items), mark: node.mark)
    case .mapping(var m):
        for i in m.entries.values.indices { m.entries.values[i] = try helmNumbers(m.entries.values[i]) }
        return Node(.mapping(m), mark: node.mark)
    }
}
