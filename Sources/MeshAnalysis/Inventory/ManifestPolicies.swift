import MeshModel
import YAMLCore

/// The NetworkPolicies of a manifest stream: documents of other kinds are skipped and counted, `List` documents
/// are looked into, empty documents are ignored.
public struct ManifestPolicies: Sendable {
    public var policies: [NetworkPolicy]
    /// Documents (or list items) that are not NetworkPolicies.
    public var skipped: Int

    public init(policies: [NetworkPolicy] = [], skipped: Int = 0) {
        self.policies = policies
        self.skipped = skipped
    }

    /// Reads every document; a NetworkPolicy that breaks the schema is an `InputError` at its position.
    public static func read(_ documents: [Node]) throws(InputError) -> ManifestPolicies {
        var result = ManifestPolicies()
        for (index, document) in documents.enumerated() {
            try result.add(document, path: documents.count == 1 ? "" : "[\(index)]", depth: 0)
        }
        return result
    }

    private mutating func add(_ node: Node, path: String, depth: Int) throws(InputError) {
        if node.isNull { return }
        guard node.mapping != nil else {
            skipped += 1
            return
        }
        let kind = node["kind"]?.string
        if kind == "NetworkPolicy" {
            policies.append(try NetworkPolicy.parse(node, path: path))
        } else if let kind, kind == "List" || kind.hasSuffix("List"), depth == 0, let items = node["items"]?.sequence {
            for (index, item) in items.enumerated() {
                try add(item, path: path + (path.isEmpty ? "" : ".") + "items[\(index)]", depth: depth + 1)
            }
        } else {
            skipped += 1
        }
    }
}
