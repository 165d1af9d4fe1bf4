import YAML

/// Every mark of a tree in document order, each mapping key with its own (`key@file:line:col`):
/// what tests compare to show two parses marked a file the same way.
public func nodeMarks(_ node: Node) -> [String] {
    var out = [node.mark.map { "\($0)" } ?? "-"]
    switch node.kind {
    case .sequence(let items): for item in items { out += nodeMarks(item) }
    case .mapping(let m):
        for (key, value) in m.entries { out.append("\(key)@\(m.keyMarks[key].map { "\($0)" } ?? "-")"); out += nodeMarks(value) }
    default: break
    }
    return out
}
