#if canImport(Glibc)
import Glibc
#endif
import Charts
import GoValues
import Platform
import YAML

/// Documents a chart is known to write with a single head (see ``DocumentHead/Known``).
typealias KnownHeads = DocumentHead.Known

extension DocumentHead.Known {
    /// The built-in chart's policy template writes NetworkPolicies only, without annotations (so no hooks), and every
    /// value it prints reaches it through `toYaml` or as a validated DNS-1123 name, so each document is valid YAML;
    /// any document that does not start with the template's own first lines sends the whole render through the head
    /// reader.
    static let builtinPolicies = DocumentHead.Known(
        prefix: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n", head: DocumentHead(kind: "NetworkPolicy"))
}

/// Helm's manifest handling after rendering (`releaseutil.SplitManifests` and `SortManifests`):
/// files in path order, split into documents, hooks set apart, each group ordered by kind
/// (`InstallOrder`, unknown kinds last and alphabetical), stable otherwise.
enum ChartManifestSorter {
    static let installOrder: [String] = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]
    static let installRank: [String: Int] = Dictionary(uniqueKeysWithValues: installOrder.enumerated().map { ($1, $0) })

    static let hookEvents: Set<String> = [
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
        "pre-rollback", "post-rollback", "test", "test-success",
    ]

    /// One rendered file's documents and each one's head as read (`nil` for a file whose name starts with `_`, which
    /// Helm leaves out).
    typealias FileHeads = [(doc: Substring, head: Result<ManifestHead, ChartRenderError>)]?

    /// Reads the heads of rendered files' documents as the files come, on another core (``StreamedWork``), for
    /// ``sort(_:read:)``: a render hands each file over as it is rendered, and the heads of the first files are
    /// read while the next execute.
    final class HeadReader {
        private let work = StreamedWork(stackSize: ChartRenderer.workerStackSize) { (doc: (source: String, text: Substring)) in
            Result { () throws(ChartRenderError) in try ManifestHead.parse(doc.text, source: doc.source) }
        }
        private var files: [[Substring]?] = []

        /// Hands the rendered file over: its documents are read in turn.
        func add(_ file: (name: String, text: String)) {
            let docs = documents(of: file)
            files.append(docs)
            for doc in docs ?? [] { work.submit((file.name, doc)) }
        }

        /// Each file's documents and heads, in the order the files came.
        func finish() -> [FileHeads] { grouped(files, heads: work.finish()) }

        /// Stops reading (the render failed).
        func close() { work.close() }
    }

    /// One rendered file's documents and their heads, read on the calling thread (for renders that read each file
    /// where it was rendered).
    static func heads(of file: (name: String, text: String)) -> FileHeads {
        documents(of: file).map { docs in
            docs.map { doc in (doc, Result { () throws(ChartRenderError) in try ManifestHead.parse(doc, source: file.name) }) }
        }
    }

    /// Sorts rendered files (name → text) into manifests and hooks, each in install order. `read`: each file's
    /// documents and heads, when they were read already (by a ``HeadReader``, as the files were rendered).
    static func sort(_ files: [(name: String, text: String)], read: [FileHeads]? = nil) throws(ChartRenderError)
        -> (manifests: [RenderedManifest], hooks: [RenderedManifest])
    {
        var manifests: [RenderedManifest] = []
        var hooks: [RenderedManifest] = []
        let order = files.indices.sorted { Value.goLess(files[$0].name, files[$1].name) }
        let read = read ?? readAll(files)
        for file in order {
            guard let docs = read[file] else { continue }
            let source = files[file].name
            for (doc, result) in docs {
                let head = try result.get()
                guard let hookList = head.annotations["helm.sh/hook"] else {
                    manifests.append(RenderedManifest(source: source, textSlice: doc, kind: head.kind, isHook: false))
                    continue
                }
                let events = hookList.split(separator: ",", omittingEmptySubsequences: false).map {
                    GoText.trimSpace(String($0)).lowercased()
                }
                // A document naming an unknown hook event is dropped, as Helm drops it.
                if events.contains(where: { !hookEvents.contains($0) }) { continue }
                hooks.append(RenderedManifest(source: source, textSlice: doc, kind: head.kind, isHook: true))
            }
        }
        return (sortedByKind(manifests), sortedByKind(hooks))
    }

    /// Every file's documents and heads, the documents of all files read together (on all cores when there are many).
    private static func readAll(_ files: [(name: String, text: String)]) -> [FileHeads] {
        let documents = files.map(documents(of:))
        let docs = zip(files, documents).flatMap { file, docs in (docs ?? []).map { (source: file.name, text: $0) } }
        return grouped(documents, heads: parseHeads(docs))
    }

    /// The documents of a rendered file (``split(_:)``); nil for a file whose name starts with `_`, which Helm leaves
    /// out.
    private static func documents(of file: (name: String, text: String)) -> [Substring]? {
        file.name.split(separator: "/").last?.hasPrefix("_") == true ? nil : split(file.text)
    }

    /// Each file's documents with their heads, `heads` being those of all files' documents in turn.
    private static func grouped(
        _ files: [[Substring]?], heads: [Result<ManifestHead, ChartRenderError>]
    ) -> [FileHeads] {
        var at = 0
        return files.map { docs in
            guard let docs else { return nil }
            defer { at += docs.count }
            return docs.indices.map { (docs[$0], heads[at + $0]) }
        }
    }

    /// `sort` for documents known to have one head (`KnownHeads`): split only, in order, when every
    /// document starts with the known prefix; `nil` (read the heads) when one does not.
    static func sortKnown(_ files: [(name: String, text: String)], _ known: KnownHeads) -> [RenderedManifest]? {
        var manifests: [RenderedManifest] = []
        for file in files.sorted(by: { Value.goLess($0.name, $1.name) }) {
            for doc in documents(of: file) ?? [] {
                guard let head = known.head(of: doc) else { return nil }
                manifests.append(RenderedManifest(source: file.name, textSlice: doc, kind: head.kind, isHook: false))
            }
        }
        return manifests
    }

    /// Every document's head, in order; many documents are read on all cores (each head is
    /// independent, and the first error in document order is still the one reported).
    static func parseHeads(_ docs: [(source: String, text: Substring)]) -> [Result<ManifestHead, ChartRenderError>] {
        @Sendable func head(_ i: Int) -> Result<ManifestHead, ChartRenderError> {
            do throws(ChartRenderError) {
                return .success(try ManifestHead.parse(docs[i].text, source: docs[i].source))
            } catch {
                return .failure(error)
            }
        }
        let workers = Parallel.cores
        guard docs.count >= 256, workers > 1 else { return docs.indices.map(head) }
        let chunks = min(workers * 4, docs.count)
        return Parallel.map(chunks) { chunk in
            (docs.count * chunk / chunks..<docs.count * (chunk + 1) / chunks).map(head)
        }.flatMap { $0 }
    }

    /// Stable sort by `InstallOrder`; unknown kinds after known ones, alphabetical among themselves.
    /// Each document's rank is looked up once; the sort moves small keys, not documents.
    static func sortedByKind(_ docs: [RenderedManifest]) -> [RenderedManifest] {
        let unknown = installOrder.count
        let keys = docs.indices.map { i in (rank: installRank[docs[i].kind] ?? unknown, index: i) }
        if zip(keys, keys.dropFirst()).allSatisfy({ $0.rank <= $1.rank && $0.rank < unknown }) { return docs }
        let order = keys.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.rank == unknown, docs[a.index].kind != docs[b.index].kind {
                return Value.goLess(docs[a.index].kind, docs[b.index].kind)
            }
            return a.index < b.index
        }
        return order.map { docs[$0.index] }
    }

    /// Helm v4.1's `SplitManifests`: the text trimmed, split at `(?:^|\s*\n)---\s*`, each
    /// non-empty piece trimmed. The pieces share `text`'s storage.
    static func split(_ text: String) -> [Substring] {
        let trimmed = GoText.trimSpace(text[...])
        let utf8 = trimmed.utf8
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] in splitRanges(bytes) }
        let ranges = utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
        let base = utf8.startIndex
        return ranges.map { r in
            GoText.trimSpace(Substring(utf8[utf8.index(base, offsetBy: r.lowerBound)..<utf8.index(base, offsetBy: r.upperBound)]))
        }
    }

    /// The byte ranges of `split`'s pieces (before each is trimmed).
    private static func splitRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func isDashes(_ at: Int) -> Bool {
            at + 3 <= n && bytes[at] == 0x2D && bytes[at + 1] == 0x2D && bytes[at + 2] == 0x2D
        }
        // Go drops only exactly empty pieces (the separators' `\s*` absorbs whitespace).
        func emit(_ end: Int) { if end > start { pieces.append(start..<end) } }
        // A separator at the very start (`^---`).
        if isDashes(0) {
            i = 3
            while i < n && isSpace(bytes[i]) { i += 1 }
            start = i
        }
        // Leftmost matches of `\s*\n---`: from each newline followed by `---`, the match starts where the
        // whitespace run ending at that newline starts. Newlines are found with `memchr`.
        guard let base = bytes.baseAddress else { return pieces }
        while i < n, let found = memchr(base + i, 0x0A, n - i) {
            let p = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard isDashes(p + 1) else {
                i = p + 1
                continue
            }
            var runStart = p
            while runStart > start && isSpace(bytes[runStart - 1]) { runStart -= 1 }
            emit(runStart)
            var k = p + 4
            while k < n && isSpace(bytes[k]) { k += 1 }
            start = k
            i = k
        }
        emit(n)
        return pieces
    }
}

/// The head of a manifest Helm reads to sort it (`SimpleHead`): kind and annotations.
typealias ManifestHead = DocumentHead

extension DocumentHead {
    /// The head of `doc` (``DocumentHead/read(_:file:parser:)``), with Helm's errors for documents that are not YAML
    /// maps of the head's types.
    static func parse(_ doc: Substring, source: String) throws(ChartRenderError) -> ManifestHead {
        try checkBytes(doc, source: source)
        let parser = YAMLParser(duplicateKeys: .lastWins)
        switch DocumentHead.read(doc, file: source, parser: parser) {
        case .head(let head)?: return head
        case .fields(let node)?: return try head(of: node, source: source)
        case nil: return try head(of: try fullParse(doc, source: source, parser: parser), source: source)
        }
    }

    /// The head of `doc` read by the YAML parser alone (no byte scanner), with Helm's errors.
    static func parseYAML(_ doc: String, source: String) throws(ChartRenderError) -> ManifestHead {
        try checkBytes(doc[...], source: source)
        let parser = YAMLParser(duplicateKeys: .lastWins)
        if let node = parser.parsePruned(bytes: doc.utf8, file: source, keep: fields) { return try head(of: node, source: source) }
        return try head(of: try fullParse(doc[...], source: source, parser: parser), source: source)
    }

    /// Helm's error for a document holding bytes that are not UTF-8 (which go-yaml's reader refuses
    /// wherever they are); documents without a stand-in's lead byte pass at the cost of one scan.
    private static func checkBytes(_ doc: Substring, source: String) throws(ChartRenderError) {
        guard ByteString.mayHoldBytes(doc), let error = HelmYAML.byteError(String(doc), file: source) else { return }
        throw ChartRenderError(.manifest, "YAML parse error on \(source): error converting YAML to JSON: \(error.goDescription)")
    }

    /// `doc` parsed whole, a failure worded as Helm's.
    private static func fullParse(_ doc: Substring, source: String, parser: YAMLParser) throws(ChartRenderError) -> Node {
        do {
            return try parser.parse(bytes: Array(String(doc).utf8), file: source)
        } catch {
            throw ChartRenderError(.manifest, "YAML parse error on \(source): error converting YAML to JSON: \(error.goDescription)")
        }
    }

    /// The head of a document's (head fields') `node`, with Helm's errors for fields of other types.
    private static func head(of node: Node, source: String) throws(ChartRenderError) -> ManifestHead {
        func unmarshal(_ what: String) -> ChartRenderError {
            ChartRenderError(
                .manifest,
                "YAML parse error on \(source): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(what)")
        }
        func jsonKind(_ n: Node) -> String {
            switch n.kind {
            case .string: return "string"
            case .int, .float: return "number"
            case .bool: return "bool"
            case .sequence: return "array"
            case .mapping: return "object"
            case .null: return "null"
            }
        }
        switch node.kind {
        case .null: return ManifestHead()
        case .mapping(let m):
            var head = ManifestHead()
            for field in ["apiVersion", "kind"] {
                guard let v = m[field] else { continue }
                switch v.kind {
                case .string(let s): if field == "kind" { head.kind = s }
                case .null: break
                default: throw unmarshal("\(jsonKind(v)) into Go struct field SimpleHead.\(field) of type string")
                }
            }
            if let meta = m["metadata"] {
                switch meta.kind {
                case .null: break
                case .mapping(let mm):
                    if let name = mm["name"], !(name.isNull || name.string != nil) {
                        throw unmarshal("\(jsonKind(name)) into Go struct field .metadata.name of type string")
                    }
                    if let ann = mm["annotations"] {
                        switch ann.kind {
                        case .null: break
                        case .mapping(let am):
                            for (k, v) in am.entries {
                                switch v.kind {
                                case .string(let s): head.annotations[k] = s
                                case .null: head.annotations[k] = ""
                                default:
                                    throw unmarshal("\(jsonKind(v)) into Go struct field .metadata.annotations of type string")
                                }
                            }
                        default:
                            throw unmarshal("\(jsonKind(ann)) into Go struct field .metadata.annotations of type map[string]string")
                        }
                    }
                default:
                    throw unmarshal("\(jsonKind(meta)) into Go struct field SimpleHead.metadata of type struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }")
                }
            }
            return head
        default:
            throw unmarshal("\(jsonKind(node)) into Go value of type util.SimpleHead")
        }
    }
}
