import Diagnostics
import MeshAnalysis
import MeshModel
import Platform
import YAML

extension ManifestSource {
    /// The objects of every document under `path` (a file, a directory of `*.yaml`/`*.yml`, or `-`): the same
    /// `ManifestObjects.read(loadNodes(path:), defaultNamespace:)` gives, errors included, without holding every
    /// document's tree at once.
    public static func loadObjects(
        path: String, defaultNamespace: String, readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> ManifestObjects {
        let sources = try readSources(path: path, readStdin: readStdin)
        let parser = YAMLParser()
        if let objects = streamedObjects(sources, parser: parser, defaultNamespace: defaultNamespace) { return objects }
        var nodes: [Node] = []
        for (file, bytes) in sources {
            do {
                nodes += try parser.parseAll(bytes: bytes, file: file).filter { !$0.isNull }
            } catch {
                throw error.inputError
            }
        }
        return try ManifestObjects.read(nodes, defaultNamespace: defaultNamespace)
    }

    /// The objects of a manifest stream in memory (a render's own output: `parser` sets its bounds), as
    /// `ManifestObjects.read(parser.parseAll(bytes:file:), defaultNamespace:)` gives them, errors included.
    public static func objects(
        bytes: [UInt8], file: String, parser: YAMLParser, defaultNamespace: String
    ) throws(InputError) -> ManifestObjects {
        if let objects = streamedObjects([(file, bytes)], parser: parser, defaultNamespace: defaultNamespace) {
            return objects
        }
        let nodes: [Node]
        do {
            nodes = try parser.parseAll(bytes: bytes, file: file)
        } catch {
            throw error.inputError
        }
        return try ManifestObjects.read(nodes, defaultNamespace: defaultNamespace)
    }

    /// The objects of `sources` read a run of documents at a time on every core, each run's trees (built without
    /// key marks: they only place errors) dropped once read; `nil` when any file cannot be cut into documents, is
    /// past the parser's size bound, holds what the fast parse does not model (anchors, tags, …) or any document
    /// fails to read. Then the caller reads the whole files, which reports the first problem exactly.
    ///
    /// Equal to reading every file's parsed documents at once: `ManifestObjects.read` reads documents one by one,
    /// each document's objects depend on that document alone, and `ManifestObjects.joining` puts the parts together
    /// in order as `read` does.
    static func streamedObjects(
        _ sources: [(file: String, bytes: [UInt8])], parser: YAMLParser, defaultNamespace: String
    ) -> ManifestObjects? {
        struct Run: Sendable {
            var source: Int
            var segments: [DocumentSegments.Segment]
        }
        var runs: [Run] = []
        // A few runs per core at least: small manifests are read on every core too.
        let runBytes = max(1, min(Self.runBytes, sources.reduce(0) { $0 + $1.bytes.count } / (4 * Parallel.cores)))
        for (i, source) in sources.enumerated() {
            guard source.bytes.count <= parser.limits.maxBytes, let segments = DocumentSegments(source.bytes)?.segments
            else { return nil }
            var start = 0
            while start < segments.count {
                var end = start + 1, bytes = segments[start].bytes.count
                while end < segments.count, bytes < runBytes { bytes += segments[end].bytes.count; end += 1 }
                runs.append(Run(source: i, segments: Array(segments[start..<end])))
                start = end
            }
        }
        let allRuns = runs
        let pool = SelectorPool()
        let parts = Parallel.map(allRuns.count) { r -> ManifestObjects? in
            let run = allRuns[r]
            guard !run.segments.isEmpty else { return ManifestObjects() }
            let file = sources[run.source].file
            var objects: [ManifestObjects] = []
            objects.reserveCapacity(run.segments.count)
            // NetworkPolicies are read from their events when the event reader takes them; runs of other documents
            // between them are parsed as one stream.
            var unread = 0
            func readTrees(upTo end: Int) -> Bool {
                guard unread < end else { return true }
                let (from, to) = (run.segments[unread], run.segments[end - 1])
                guard
                    let stream = parser.parsePrunedStream(
                        bytes: sources[run.source].bytes[from.bytes.startIndex..<to.bytes.endIndex], file: file,
                        firstLine: from.line, keep: .all, keyMarks: false),
                    stream.documents.count == run.segments[unread..<end].filter(\.isDocument).count
                else { return false }
                for document in stream.documents where !document.isNull {
                    guard var read = try? ManifestObjects.read(document: document, defaultNamespace: defaultNamespace) else {
                        return false
                    }
                    read.policies = read.policies.map { pool.sharing($0) }
                    objects.append(read)
                }
                unread = end
                return true
            }
            for (i, segment) in run.segments.enumerated() {
                guard let read = policyFromEvents(segment, file: file, pool: pool) else { continue }
                guard readTrees(upTo: i) else { return nil }
                objects.append(ManifestObjects(read))
                unread = i + 1
            }
            guard readTrees(upTo: run.segments.count) else { return nil }
            return ManifestObjects.joining(objects, foldingPods: false)
        }
        var all: [ManifestObjects] = []
        all.reserveCapacity(parts.count)
        for part in parts {
            guard let part else { return nil }
            all.append(part)
        }
        return ManifestObjects.joining(all)
    }

    /// Runs of documents are cut at about this many bytes (at most), which balances the cores.
    static let runBytes = 256 << 10
}

/// Equal label selectors held once across every run of one read, whichever core reads it: a mesh's policies name the
/// same namespace (and often the same pods) in every peer, and a selector held once is one dictionary instead of one
/// per peer. In shards with a lock each, found by their labels' digest (`LabelSelector.labelsDigest`): one cheap
/// digest and one comparison per selector read.
final class SelectorPool: Sendable {
    private final class Shard: @unchecked Sendable {
        let lock = Lock()
        var selectors: [UInt64: LabelSelector] = [:]
    }

    private let shards: [Shard] = (0..<16).map { _ in Shard() }

    /// `policy` with each of its selectors replaced by the equal one met first.
    func sharing(_ policy: NetworkPolicy) -> NetworkPolicy {
        var policy = policy
        policy.podSelector = shared(policy.podSelector)
        func sharing(_ rules: [PolicyRule]) -> [PolicyRule] {
            rules.map { rule in
                var rule = rule
                rule.peers = rule.peers?.map { peer in
                    var peer = peer
                    peer.podSelector = peer.podSelector.map(shared)
                    peer.namespaceSelector = peer.namespaceSelector.map(shared)
                    return peer
                }
                return rule
            }
        }
        if let rules = policy.ingress { policy.ingress = sharing(rules) }
        if let rules = policy.egress { policy.egress = sharing(rules) }
        return policy
    }

    /// The selector equal to `selector` met first by any run (`selector` itself when a different selector took its
    /// digest first).
    func shared(_ selector: LabelSelector) -> LabelSelector {
        guard !selector.isEmpty, selector.matchExpressions.isEmpty else { return selector }
        let digest = selector.labelsDigest
        let shard = shards[Int(digest >> 60)]
        return shard.lock.withLock {
            if let held = shard.selectors[digest] { return held == selector ? held : selector }
            shard.selectors[digest] = selector
            return selector
        }
    }
}
