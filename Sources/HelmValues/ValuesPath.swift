import YAML

/// Addressing nodes inside values by a dotted path.
public enum ValuesPath {
    /// The node at `path` (`mesh.components.agent`, `list[0].name`), or nil when any step is
    /// missing or of the wrong kind. An empty path is the node itself. Keys holding dots or
    /// brackets cannot be addressed this way.
    public static func lookup(_ path: String, in node: Node) -> Node? {
        var current = node
        for step in steps(path) {
            switch step {
            case .key(let key):
                guard case .mapping(let m) = current.kind, let next = m[key] else { return nil }
                current = next
            case .index(let i):
                guard case .sequence(let items) = current.kind, items.indices.contains(i) else { return nil }
                current = items[i]
            }
        }
        return current
    }

    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// `a.b[2].c` → key a, key b, index 2, key c. A malformed index is kept as a key that matches nothing.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = part[...]
            if let open = rest.firstIndex(of: "[") {
                if open > rest.startIndex { steps.append(.key(String(rest[..<open]))) }
                rest = rest[open...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    let inner = rest[rest.index(after: rest.startIndex)..<close]
                    if let i = Int(inner), i >= 0 { steps.append(.index(i)) } else { steps.append(.key("[" + inner + "]")) }
                    rest = rest[rest.index(after: close)...]
                }
                if !rest.isEmpty { steps.append(.key(String(rest))) }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }
}
