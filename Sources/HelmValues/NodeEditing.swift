import Diagnostics
import YAML

extension Mapping {
    /// Moves the value of `key` out, leaving a null in its place (the key keeps its position),
    /// so the caller holds the only reference and can edit it without a copy.
    mutating func take(_ key: String) -> Node? {
        guard let i = entries.index(forKey: key) else { return nil }
        let value = entries.values[i]
        entries.values[i] = Node(.null)
        return value
    }

    /// Sets `key` to `value`; the key's mark is replaced when one is given.
    mutating func set(_ key: String, _ value: Node, keyMark: Mark?) {
        entries[key] = value
        if let keyMark { keyMarks[key] = keyMark }
    }
}

extension Node {
    /// An empty mapping node.
    static func emptyMapping(mark: Mark?) -> Node { Node(.mapping(Mapping()), mark: mark) }
}

extension Node {
    /// Moves the elements out when this is a sequence (leaving null), so they can be edited in place.
    mutating func moveSequence() -> [Node]? {
        guard case .sequence = kind else { return nil }
        let old = kind
        kind = .null
        switch consume old {
        case .sequence(let items): return items
        default: return nil
        }
    }

    /// Moves the mapping out when this is one (leaving null), so it can be edited in place.
    mutating func moveMapping() -> Mapping? {
        guard case .mapping = kind else { return nil }
        let old = kind
        kind = .null
        switch consume old {
        case .mapping(let m): return m
        default: return nil
        }
    }
}
