import Diagnostics
import GoValues
import YAML

/// Typed access to values nodes with errors that carry the node's mark and its dotted values path.
///
/// A `null` node counts as absent everywhere (Helm drops nulls when merging values).
enum NodeReader {
    /// `path.key` (or `key` at the root).
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// `path[i]`.
    static func item(_ path: String, _ i: Int) -> String { path + "[\(i)]" }

    static func typeError(_ node: Node, path: String, expected: String) -> InputError {
        InputError("must be \(expected), not \(node.typeDescription)", at: node.mark, path: path)
    }

    /// The mapping of `node`; every key must be one of `allowed` (else "unknown field" with a suggestion).
    static func mapping(
        _ node: Node, path: String, allowed: [String], noun: String = "field"
    ) throws(InputError) -> Mapping {
        guard let m = node.mapping else { throw typeError(node, path: path, expected: "a map") }
        for key in m.keys where !allowed.contains(key) {
            throw InputError(
                "unknown \(noun) \"\(key)\"" + DidYouMean.hint(for: key, among: allowed),
                at: m.keyMarks[key] ?? node.mark, path: child(path, key))
        }
        return m
    }

    /// The entry `key` of `m` unless absent or null.
    static func present(_ m: Mapping, _ key: String) -> Node? {
        guard let n = m[key], !n.isNull else { return nil }
        return n
    }

    static func sequence(_ node: Node, path: String) throws(InputError) -> [Node] {
        guard let s = node.sequence else { throw typeError(node, path: path, expected: "a list") }
        return s
    }

    static func string(_ node: Node, path: String) throws(InputError) -> String {
        guard let s = node.string else { throw typeError(node, path: path, expected: "a string") }
        return s
    }

    static func bool(_ node: Node, path: String) throws(InputError) -> Bool {
        guard case .bool(let b) = node.kind else { throw typeError(node, path: path, expected: "true or false") }
        return b
    }

    /// An integer: an int node, or a float node with an integral value (numbers in values files are float64).
    static func integer(_ node: Node, path: String) throws(InputError) -> Int {
        switch node.kind {
        case .int(let i):
            guard let v = Int(exactly: i) else { break }
            return v
        case .float(let f):
            guard f.isFinite, f == f.rounded(), abs(f) < 1e15 else {
                throw InputError("must be a whole number, not \(GoFormat.float(f))", at: node.mark, path: path)
            }
            return Int(f)
        default:
            break
        }
        throw typeError(node, path: path, expected: "a number")
    }

    /// A map of strings to strings (labels, annotations), in sorted key order checking being left to the caller.
    static func stringMap(_ node: Node, path: String) throws(InputError) -> [(key: String, value: String, mark: Mark?, keyMark: Mark?)] {
        guard let m = node.mapping else { throw typeError(node, path: path, expected: "a map") }
        var out: [(key: String, value: String, mark: Mark?, keyMark: Mark?)] = []
        out.reserveCapacity(m.count)
        for (k, v) in m.entries {
            let value = try string(v, path: child(path, k))
            out.append((k, value, v.mark, m.keyMarks[k] ?? node.mark))
        }
        return out
    }

    /// Labels (a selector's `matchLabels`, a component's `labels`): keys and values checked against Kubernetes rules.
    /// Every value must be a string before any key or value is checked (as `stringMap` reads them).
    static func labels(_ node: Node, path: String) throws(InputError) -> [String: String] {
        guard let m = node.mapping else { throw typeError(node, path: path, expected: "a map") }
        for (k, v) in m.entries where v.string == nil { throw typeError(v, path: child(path, k), expected: "a string") }
        var out: [String: String] = [:]
        out.reserveCapacity(m.count)
        for (key, entry) in m.entries {
            let value = entry.string ?? ""
            if let problem = KubernetesNames.labelKeyProblem(key) {
                throw InputError(problem, at: m.keyMarks[key] ?? node.mark, path: child(path, key))
            }
            if let problem = KubernetesNames.labelValueProblem(value) {
                throw InputError(problem, at: entry.mark, path: child(path, key))
            }
            out[key] = value
        }
        return out
    }
}
