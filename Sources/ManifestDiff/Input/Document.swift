import YAMLCore

/// One Kubernetes resource of a release, as parsed from a manifest document.
///
/// Built from a parsed YAML document; the initializer checks that the document is a resource
/// (a map with `apiVersion`, `kind` and `metadata.name`) and computes its identity.
public struct Document: Sendable {
    /// The parsed document, marks included.
    public var node: Node
    /// `apiVersion` as written (`networking.k8s.io/v1`).
    public var apiVersion: String
    /// The identity used to pair resources of two releases.
    public var id: ResourceID
    /// Where the document starts (`file:line:col`), for error messages.
    public var mark: Mark?
    /// Set on both sides' documents when `ManifestSource.loadPair` found the same text in both releases.
    var sharedText: SharedText?

    /// Reads the identity of `node`; `namespace` applies when `metadata.namespace` is not set.
    ///
    /// Throws `InputError` (at the document's position) when the node is not a Kubernetes resource.
    public init(node: Node, namespace: String = "") throws(InputError) {
        guard let map = node.mapping else {
            throw InputError(
                "expected a Kubernetes resource (a map with apiVersion, kind and metadata.name), found \(node.typeDescription)",
                at: node.mark)
        }
        func requiredString(_ key: String, in m: Mapping, path: String, at mark: Mark?) throws(InputError) -> String {
            guard let value = m[key] else {
                throw InputError("missing \"\(key)\": not a Kubernetes resource", at: mark, path: path)
            }
            guard let s = value.string, !s.isEmpty else {
                throw InputError("\"\(key)\" must be a non-empty string, found \(value.typeDescription)",
                                 at: value.mark ?? mark, path: path + key)
            }
            return s
        }
        let apiVersion = try requiredString("apiVersion", in: map, path: "", at: node.mark)
        let kind = try requiredString("kind", in: map, path: "", at: node.mark)
        guard let metadataNode = map["metadata"], let metadata = metadataNode.mapping else {
            throw InputError("missing \"metadata\" map: not a Kubernetes resource", at: map["metadata"]?.mark ?? node.mark,
                             path: "metadata")
        }
        let name = try requiredString("name", in: metadata, path: "metadata.", at: metadataNode.mark)
        var resolvedNamespace = Self.clusterScopedKinds.contains(kind) ? "" : namespace
        if let nsNode = metadata["namespace"], !nsNode.isNull {
            guard let ns = nsNode.string else {
                throw InputError("\"namespace\" must be a string, found \(nsNode.typeDescription)", at: nsNode.mark,
                                 path: "metadata.namespace")
            }
            if !ns.isEmpty { resolvedNamespace = ns }
        }
        self.node = node
        self.apiVersion = apiVersion
        self.mark = node.mark
        self.id = ResourceID(
            group: ResourceID.group(ofAPIVersion: apiVersion), kind: kind, namespace: resolvedNamespace, name: name)
    }

    /// Kinds that live outside namespaces: the default namespace does not apply to them.
    public static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
        "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode", "VolumeAttachment",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "PodSecurityPolicy",
        "ClusterIssuer",
    ]

    /// `apiVersion/Kind/namespace/name`, the resource label of human output.
    public var label: String {
        id.namespace.isEmpty
            ? "\(apiVersion)/\(id.kind)/\(id.name)" : "\(apiVersion)/\(id.kind)/\(id.namespace)/\(id.name)"
    }
}
