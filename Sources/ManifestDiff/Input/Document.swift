import Synchronization
import Diagnostics
import MeshAnalysis
import MeshModel
import Platform
import YAML

/// One Kubernetes resource of a release, as parsed from a manifest document.
///
/// Built from a parsed YAML document; the initializer checks that the document is a resource
/// (a map with `apiVersion`, `kind` and `metadata.name`) and computes its identity.
///
/// A document both releases hold byte for byte may be loaded with only its `subjectFields` built
/// (`ManifestSource.loadPair`); its full tree is then parsed from its text when `node` is first read.
public struct Document: Sendable {
    /// The parsed document, marks included.
    public var node: Node {
        get { lazyTree?.tree ?? subject }
        set {
            subject = newValue
            lazyTree = nil
        }
    }
    /// The full tree, or, while `lazyTree` is set, the parts of it `subjectFields` names.
    private(set) var subject: Node
    /// Where the full tree comes from when only the subject was built.
    private var lazyTree: LazyTree?
    /// The document's tree, without `Mapping.keyMarks` when it has to be parsed for it (see
    /// `LazyTree.treeWithoutKeyMarks`): for readers that need key marks only to report a problem, and then
    /// read `node`.
    var nodeWithoutKeyMarks: Node { lazyTree.flatMap(\.treeWithoutKeyMarks) ?? node }
    /// `apiVersion` as written (`networking.k8s.io/v1`).
    public var apiVersion: String
    /// The identity used to pair resources of two releases.
    public var id: ResourceID
    /// Where the document starts (`file:line:col`), for error messages.
    public var mark: Mark?
    /// Set on both sides' documents when `ManifestSource.loadPair` found the same text in both releases.
    var sharedText: SharedText?
    /// Keeps the trees of the document's release (see `Disposal.Retainer`).
    var retainer: Disposal.Retainer?
    /// The connectivity objects of the document, when read while it was parsed (`ManifestSource.loadPair` reads those
    /// of texts both releases hold, then keeps only their identity): what `ManifestObjects.read(document:)` gives.
    var objects: ManifestObjects?

    /// Reads the identity of `node`; `namespace` applies when `metadata.namespace` is not set.
    ///
    /// Throws `InputError` (at the document's position) when the node is not a Kubernetes resource.
    public init(node: Node, namespace: String = "") throws(InputError) {
        try self.init(subject: node, lazyTree: nil, namespace: namespace)
    }

    /// A document of which only `subjectFields` were built from `lazyTree`'s text (`subject`).
    init(subject: Node, tree: LazyTree, namespace: String) throws(InputError) {
        try self.init(subject: subject, lazyTree: tree, namespace: namespace)
    }

    private init(subject node: Node, lazyTree: LazyTree?, namespace: String) throws(InputError) {
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
        self.subject = node
        self.lazyTree = lazyTree
        self.apiVersion = apiVersion
        self.mark = node.mark
        self.id = ResourceID(
            group: ResourceID.group(ofAPIVersion: apiVersion), kind: kind, namespace: resolvedNamespace, name: name)
    }

    /// What the diff reads of a document it knows unchanged: its identity (what the initializer checks). The rest is
    /// read from `node`, parsed again from the text when asked for.
    static let subjectFields = YAMLPrune.keys([
        "apiVersion": .all, "kind": .all, "metadata": .keys(["name": .all, "namespace": .all]),
    ])

    /// The tree of `subjectFields` of a NetworkPolicy read from its events.
    static func identity(of read: NetworkPolicyEvents) -> Node {
        var metadata = Mapping()
        metadata["name"] = Node(.string(read.policy.name), mark: read.nameMark)
        if let namespace = read.policy.namespace { metadata["namespace"] = Node(.string(namespace), mark: read.namespaceMark) }
        var root = Mapping()
        root["apiVersion"] = Node(.string(read.apiVersion.text), mark: read.apiVersion.mark)
        root["kind"] = Node(.string(read.kind.text), mark: read.kind.mark)
        root["metadata"] = Node(.mapping(metadata), mark: read.metadataMark)
        return Node(.mapping(root), mark: read.mark)
    }

    /// The parts of a document's tree `subjectFields` names, marks kept.
    static func identity(of node: Node) -> Node {
        guard let map = node.mapping else { return node }
        var kept = Mapping()
        for key in ["apiVersion", "kind"] {
            if let value = map[key] { kept[key] = value }
        }
        if let metadataNode = map["metadata"] {
            if var metadata = metadataNode.mapping {
                metadata.entries = metadata.entries.filter { $0.key == "name" || $0.key == "namespace" }
                metadata.keyMarks = metadata.keyMarks.filter { $0.key == "name" || $0.key == "namespace" }
                kept["metadata"] = Node(.mapping(metadata), mark: metadataNode.mark)
            } else {
                kept["metadata"] = metadataNode
            }
        }
        kept.keyMarks = map.keyMarks.filter { $0.key == "apiVersion" || $0.key == "kind" || $0.key == "metadata" }
        return Node(.mapping(kept), mark: node.mark)
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

/// The text of one document and, once read, its full tree (parsed at most once, from any thread).
final class LazyTree: Sendable {
    /// Where the text is: in memory, or in a regular file, read again when the tree is asked for (the releases' files
    /// are not kept whole in memory while the diff compares them).
    enum Source: Sendable {
        case bytes(ArraySlice<UInt8>)
        case file(path: String, offset: Int, count: Int)
    }

    let source: Source
    let file: String
    let firstLine: Int
    /// The subject built when the text was first read: what `tree` falls back to.
    private let subject: Node
    private let parsed = Mutex<Node?>(nil)

    /// `source` holds one document, starting at line `firstLine` of `file`, which was first read as `subject`.
    init(source: Source, file: String, firstLine: Int, subject: Node) {
        self.source = source
        self.file = file
        self.firstLine = firstLine
        self.subject = subject
    }

    /// The text, or nil when its file can no longer be read as it was.
    private var bytes: ArraySlice<UInt8>? {
        switch source {
        case .bytes(let bytes): return bytes
        case .file(let path, let offset, let count): return FileSystem.read(path, offset: offset, count: count)?[...]
        }
    }

    /// The full tree without `Mapping.keyMarks`, parsed anew on each call and not kept: for readers that
    /// need key marks only to report a problem (they then read `tree`). `nil` when the fast parse
    /// cannot vouch for it (see `YAMLParser.parsePrunedStream`).
    var treeWithoutKeyMarks: Node? {
        if let parsed = parsed.withLock({ $0 }) { return parsed }
        guard let bytes else { return nil }
        let stream = YAMLParser().parsePrunedStream(bytes: bytes, file: file, firstLine: firstLine, keep: .all, keyMarks: false)
        return stream?.documents.count == 1 ? stream?.documents.first : nil
    }

    /// The full tree. The first parse vouched that the full parse succeeds on this text; should it
    /// not (or should the file have changed), the subject stands in.
    var tree: Node {
        parsed.withLock { parsed in
            if let parsed { return parsed }
            let stream = bytes.flatMap { try? YAMLParser().parseStream(bytes: $0, file: file, firstLine: firstLine) }
            let tree = stream?.documents.count == 1 ? stream?.documents.first ?? subject : subject
            parsed = tree
            return tree
        }
    }
}
