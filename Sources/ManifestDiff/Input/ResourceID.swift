/// The identity of a Kubernetes resource within a release: API group (the version is not part of the
/// identity, so `networking.k8s.io/v1beta1` → `v1` is a modification, not a remove + add), kind,
/// namespace and name.
public struct ResourceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The API group: `networking.k8s.io` for `networking.k8s.io/v1`, empty for the core group (`v1`).
    public var group: String
    public var kind: String
    /// The namespace; empty for cluster-scoped resources without a default namespace.
    public var namespace: String
    public var name: String

    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The group part of an `apiVersion` (`apps/v1` → `apps`, `v1` → ``).
    public static func group(ofAPIVersion apiVersion: String) -> String {
        guard let slash = apiVersion.lastIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Sorted by kind, namespace, name, then group (byte-wise), so reports list resources stably.
    public static func < (a: ResourceID, b: ResourceID) -> Bool {
        if a.kind != b.kind { return a.kind.utf8.lexicographicallyPrecedes(b.kind.utf8) }
        if a.namespace != b.namespace { return a.namespace.utf8.lexicographicallyPrecedes(b.namespace.utf8) }
        if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
        return a.group.utf8.lexicographicallyPrecedes(b.group.utf8)
    }

    /// `Kind namespace/name` (`NetworkPolicy vald/vald-agent-allow`), with the group when it is not core.
    public var description: String {
        let kindPart = group.isEmpty ? kind : "\(kind).\(group)"
        return namespace.isEmpty ? "\(kindPart) \(name)" : "\(kindPart) \(namespace)/\(name)"
    }
}
