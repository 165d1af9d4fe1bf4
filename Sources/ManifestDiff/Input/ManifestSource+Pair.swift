import FoundationEssentials
import Diagnostics
import MeshAnalysis
import Platform
import YAML

extension ManifestSource {
    /// Loads both sides of a diff: the same documents as `load(path:namespace:readStdin:)` gives for each.
    ///
    /// The bytes are read first, in order (old, then new; `-` reads standard input once, so at most one side
    /// may be `-`). The files are cut into documents and parsed in pieces on every core. A document whose text
    /// both sides hold byte for byte is parsed once, only as far as the diff reads it at first (its full tree
    /// is built when `Document.node` is read), and the diff knows it unchanged without comparing.
    /// The first error, in old-then-new order, is thrown: per file, a YAML error (as parsing the whole file
    /// reports it) before the first document that is not a resource.
    public static func loadPair(
        old oldPath: String, new newPath: String, namespace: String = "",
        readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> (old: [Document], new: [Document]) {
        if oldPath == "-" && newPath == "-" {
            throw InputError("only one side can be read from standard input", at: nil, path: "-")
        }
        let sources = (try readSources(path: oldPath, readStdin: readStdin), try readSources(path: newPath, readStdin: readStdin))
        PhaseClock.mark("diff: files read")
        var plan = PairPlan(old: sources.0, new: sources.1)
        PhaseClock.mark("diff: documents cut and matched")
        let parsed = plan.parse(namespace: namespace)
        PhaseClock.mark("diff: documents parsed")
        // The documents read their texts from the files again when asked for: the files are not kept in memory.
        plan.releaseTexts()
        return try plan.documents(parsed, namespace: namespace)
    }

    /// The files of one side with their bytes, in load order.
    static func readSources(path: String, readStdin: () throws(InputError) -> [UInt8]) throws(InputError)
        -> [(file: String, bytes: [UInt8])]
    {
        if path == "-" { return [("-", try readStdin())] }
        guard let kind = FileSystem.kind(of: path) else {
            throw InputError("no such file or directory", at: nil, path: path)
        }
        if kind == .file { return [(path, try read(file: path))] }
        var sources: [(file: String, bytes: [UInt8])] = []
        for file in try manifestFiles(in: path) { sources.append((file, try read(file: file))) }
        return sources
    }
}

/// Marks the documents both releases hold byte for byte: the diff compares them by this token.
final class SharedText: Sendable {}

/// How the two sides of a diff are parsed: each file cut into its documents' texts (`DocumentSegments`),
/// runs of consecutive documents parsed as jobs on every core, texts both sides hold parsed once (pruned to
/// `Document.subjectFields`, on the old side), and everything reassembled in order.
struct PairPlan: Sendable {
    /// One file of one side.
    struct FileText: Sendable {
        var file: String
        var bytes: [UInt8]
        /// Its documents' texts, or nil when the stream cannot be cut (then it is parsed whole).
        var segments: [DocumentSegments.Segment]?
        /// The first line of each of its documents (nil when not cut): kept when the texts are released.
        var lines: [Int]?
        /// Per segment: whether its text may be of a kind the connectivity reads (see
        /// `ConnectivityKinds.mayAppear(in:)`).
        var mayCarry: [Bool]
        /// Per segment: its text as a dictionary key.
        var keys: [SegmentKey]
        /// A regular file, which a document's text can be read from again: the file is not kept in memory.
        var isRegular: Bool
        /// Per segment: the number of its text among the old side's texts (nil: the old side does not hold it).
        var texts: [Int?] = []

        /// The file's bytes, read again when they were released.
        func wholeText() throws(InputError) -> [UInt8] {
            bytes.isEmpty && isRegular ? try ManifestSource.read(file: file) : bytes
        }

        /// Where the `LazyTree` of a segment finds its text again.
        func source(of segment: DocumentSegments.Segment) -> LazyTree.Source {
            isRegular
                ? .file(path: file, offset: segment.bytes.startIndex, count: segment.bytes.count) : .bytes(segment.bytes)
        }

        /// The shared text the `i`th segment holds, if both sides hold it.
        func sharedText(_ i: Int, _ tokens: [SharedText?]) -> Int? {
            guard i < texts.count, let text = texts[i], tokens[text] != nil else { return nil }
            return text
        }
    }

    /// A piece of parsing: consecutive documents of one file, or a whole file.
    struct Job: Sendable {
        var side: Side
        var file: Int
        /// Indices into the file's segments; nil: the whole file.
        var segments: Range<Int>?
        /// Texts that may carry connectivity: built whole (without key marks), their objects read
        /// (`Parsed.objects`), then only their identity kept. Others: only `Document.subjectFields` built.
        var readsObjects: Bool
    }

    enum Side: Sendable { case old, new }

    /// A parsed document: its tree (the subject only, when `lazy` is set) and its node count.
    struct Parsed: Sendable {
        var node: Node
        var lazy: LazyTree?
        var expandedNodes: Int
        /// Taken from the old side's tree of the same text (its marks are the old file's).
        var borrowed = false
        /// What `ManifestObjects.read(document:defaultNamespace:)` reads of the document's tree without key marks,
        /// when read while parsing (`Job.readsObjects`) and it reads without error.
        var objects: ManifestObjects?
    }

    /// Runs are split so that jobs stay about this small (bytes), which balances the cores.
    static let jobBytes = 128 << 10

    private(set) var old: [FileText]
    private(set) var new: [FileText]
    /// Per text of the old side: its token when the new side holds it too.
    let shared: [SharedText?]
    let jobs: [Job]
    let parser: YAMLParser

    init(
        old oldSources: [(file: String, bytes: [UInt8])], new newSources: [(file: String, bytes: [UInt8])],
        parser: YAMLParser = YAMLParser()
    ) {
        self.parser = parser
        let sources = oldSources + newSources
        // Each file cut into its documents, each document's text hashed and scanned for the kinds connectivity reads.
        let cuts = Parallel.map(sources.count) { i in
            DocumentSegments(sources[i].bytes)?.documents.map { ($0, ConnectivityKinds.mayAppear(in: $0.bytes), $0.key) }
        }
        // A file past the parser's size bound is parsed whole, which reports it as parsing it alone does.
        let texts = sources.indices.map { i in
            let cut = sources[i].bytes.count <= parser.limits.maxBytes ? cuts[i] : nil
            let file = sources[i].file
            return FileText(
                file: file, bytes: sources[i].bytes, segments: cut?.map(\.0), lines: cut?.map(\.0.line),
                mayCarry: cut?.map(\.1) ?? [], keys: cut?.map(\.2) ?? [],
                isRegular: file != "-" && FileSystem.kind(of: file) == .file && !FileSystem.isIrregular(file))
        }
        var old = Array(texts[..<oldSources.count])
        var new = Array(texts[oldSources.count...])

        // Number the old side's texts; a new segment holding one of them shares it (one lookup per segment).
        var numberOf: [SegmentKey: Int] = [:]
        for f in old.indices {
            old[f].texts = old[f].keys.map { key in
                if let known = numberOf[key] { return known }
                numberOf[key] = numberOf.count
                return numberOf.count - 1
            }
        }
        var shared = [SharedText?](repeating: nil, count: numberOf.count)
        for f in new.indices {
            new[f].texts = new[f].keys.map { numberOf[$0] }
            for case let text? in new[f].texts where shared[text] == nil { shared[text] = SharedText() }
        }
        self.shared = shared

        var jobs: [Job] = []
        for (side, files) in [(Side.old, old), (Side.new, new)] {
            for (f, file) in files.enumerated() {
                guard let segments = file.segments else {
                    jobs.append(Job(side: side, file: f, segments: nil, readsObjects: false))
                    continue
                }
                var start = 0
                // Texts that may carry connectivity are read whole, the others pruned: runs hold one sort.
                func readsObjects(_ i: Int) -> Bool { i < file.mayCarry.count && file.mayCarry[i] }
                while start < segments.count {
                    let isShared = file.sharedText(start, shared) != nil
                    let reads = readsObjects(start)
                    var end = start + 1
                    var bytes = segments[start].bytes.count
                    while end < segments.count, (file.sharedText(end, shared) != nil) == isShared,
                        readsObjects(end) == reads, bytes < Self.jobBytes,
                        segments[end].bytes.startIndex == segments[end - 1].bytes.endIndex
                    {
                        bytes += segments[end].bytes.count
                        end += 1
                    }
                    // The new side takes shared texts from the old side.
                    if !(side == .new && isShared) {
                        jobs.append(Job(side: side, file: f, segments: start..<end, readsObjects: reads))
                    }
                    start = end
                }
            }
        }
        self.jobs = jobs
        self.old = old
        self.new = new
    }

    /// Drops the bytes of the regular files once parsed: their documents read their texts from the files again
    /// (`LazyTree.Source.file`), as does the error path (`FileText.wholeText()`).
    mutating func releaseTexts() {
        for f in old.indices where old[f].isRegular { (old[f].bytes, old[f].segments, old[f].keys) = ([], nil, []) }
        for f in new.indices where new[f].isRegular { (new[f].bytes, new[f].segments, new[f].keys) = ([], nil, []) }
    }

    /// Every job's documents (or its error), on every core; objects are read with `namespace` for resources that set
    /// none.
    func parse(namespace: String = "") -> [Result<[Parsed], YAMLError>] {
        let pool = SelectorPool()
        return Parallel.map(jobs.count) { j in
            Result { () throws(YAMLError) in try run(jobs[j], namespace: namespace, selectors: pool) }
        }
    }

    private func run(_ job: Job, namespace: String, selectors pool: SelectorPool) throws(YAMLError) -> [Parsed] {
        let file = job.side == .old ? old[job.file] : new[job.file]
        guard let range = job.segments, let segments = file.segments else {
            return Self.parsed(try parser.parseStream(bytes: file.bytes, file: file.file))
        }
        let first = segments[range.lowerBound]
        let bytes = file.bytes[first.bytes.startIndex..<segments[range.upperBound - 1].bytes.endIndex]
        // No tree is kept: a document is read for its identity (and, when it may carry connectivity, whole, without
        // key marks, for its objects), and parsed again from its text when its tree is asked for.
        // NetworkPolicies are read from their events when the event reader takes them; runs of other documents
        // between them are parsed as one stream.
        if job.readsObjects {
            var documents: [Parsed] = []
            documents.reserveCapacity(range.count)
            var unread = range.lowerBound
            func readTrees(upTo end: Int) -> Bool {
                guard unread < end else { return true }
                let (from, to) = (segments[unread], segments[end - 1])
                guard
                    let stream = parser.parsePrunedStream(
                        bytes: file.bytes[from.bytes.startIndex..<to.bytes.endIndex], file: file.file, firstLine: from.line,
                        keep: .all, keyMarks: false),
                    stream.documents.count == end - unread
                else { return false }
                for (i, document) in zip(unread..<end, zip(stream.documents, stream.expandedNodes)) {
                    let segment = segments[i]
                    let subject = Document.identity(of: document.0)
                    let lazy = LazyTree(source: file.source(of: segment), file: file.file, firstLine: segment.line, subject: subject)
                    var objects = try? ManifestObjects.read(document: document.0, defaultNamespace: namespace)
                    if let policies = objects?.policies { objects?.policies = policies.map { pool.sharing($0) } }
                    documents.append(Parsed(node: subject, lazy: lazy, expandedNodes: document.1, objects: objects))
                }
                unread = end
                return true
            }
            var intact = true
            for i in range {
                let segment = segments[i]
                guard let read = ManifestSource.policyFromEvents(segment, file: file.file, pool: pool) else { continue }
                guard readTrees(upTo: i) else {
                    intact = false
                    break
                }
                let objects = ManifestObjects(read)
                let subject = Document.identity(of: read)
                let lazy = LazyTree(source: file.source(of: segment), file: file.file, firstLine: segment.line, subject: subject)
                documents.append(Parsed(node: subject, lazy: lazy, expandedNodes: 0, objects: objects))
                unread = i + 1
            }
            if intact, readTrees(upTo: range.upperBound) { return documents }
        }
        if !job.readsObjects,
            let stream = parser.parsePrunedStream(
                bytes: bytes, file: file.file, firstLine: first.line, keep: Document.subjectFields, keyMarks: false),
            stream.documents.count == range.count
        {
            return zip(range, zip(stream.documents, stream.expandedNodes)).map { i, document in
                let segment = segments[i]
                let lazy = LazyTree(source: file.source(of: segment), file: file.file, firstLine: segment.line, subject: document.0)
                return Parsed(node: document.0, lazy: lazy, expandedNodes: document.1)
            }
        }
        return Self.parsed(try parser.parseStream(bytes: bytes, file: file.file, firstLine: first.line))
    }

    private static func parsed(_ stream: ParsedStream) -> [Parsed] {
        zip(stream.documents, stream.expandedNodes).map { Parsed(node: $0, lazy: nil, expandedNodes: $1) }
    }

    /// Both sides' documents from the jobs' results.
    func documents(_ results: [Result<[Parsed], YAMLError>], namespace: String) throws(InputError)
        -> (old: [Document], new: [Document])
    {
        var byFile: [Side: [[(job: Job, result: Result<[Parsed], YAMLError>)]]] = [
            .old: old.map { _ in [] }, .new: new.map { _ in [] },
        ]
        for (job, result) in zip(jobs, results) { byFile[job.side]?[job.file].append((job, result)) }

        // Every file's documents in order (or its YAML error), the old side first: it holds the trees of the
        // texts both sides hold.
        var files: [(side: Side, documents: Result<[Pending], InputError>)] = []
        var sharedTrees = [(parsed: Parsed, line: Int)?](repeating: nil, count: shared.count)
        for (f, file) in old.enumerated() {
            files.append((.old, Result { () throws(InputError) in
                let parsed = try documents(of: file, byFile[.old]?[f] ?? [], shared: [])
                let aligned = file.lines.map { $0.count == parsed.count } ?? false
                var pending: [Pending] = []
                for (i, document) in parsed.enumerated() {
                    var token: SharedText? = nil
                    if aligned, let line = file.lines?[i], let text = file.sharedText(i, shared) {
                        token = shared[text]
                        sharedTrees[text] = (document, line)
                    }
                    if !document.node.isNull { pending.append(Pending(parsed: document, token: token, mark: nil)) }
                }
                return pending
            }))
        }
        for (f, file) in new.enumerated() {
            files.append((.new, Result { () throws(InputError) in
                let parsed = try documents(of: file, byFile[.new]?[f] ?? [], shared: sharedTrees)
                let aligned = file.lines.map { $0.count == parsed.count } ?? false
                var pending: [Pending] = []
                for (i, document) in parsed.enumerated() where !document.node.isNull {
                    guard aligned, document.borrowed, let line = file.lines?[i], let text = file.sharedText(i, shared),
                        let origin = sharedTrees[text]
                    else {
                        pending.append(Pending(parsed: document, token: nil, mark: nil))
                        continue
                    }
                    // The tree's marks are the old file's; the document's own position is this file's.
                    let mark = document.node.mark ?? Mark(file: file.file, line: origin.line, column: 1)
                    pending.append(Pending(
                        parsed: document, token: shared[text],
                        mark: Mark(file: file.file, line: line + (mark.line - origin.line), column: mark.column)))
                }
                return pending
            }))
        }

        // The documents, read on every core; the first error in file order is thrown (a file's YAML error
        // before its documents').
        let all = files.flatMap { (try? $0.documents.get()) ?? [] }
        let size = 1024
        let chunks = stride(from: 0, to: all.count, by: size).map { $0..<min($0 + size, all.count) }
        let read = Parallel.map(chunks.count) { c in
            chunks[c].map { i in Result { () throws(InputError) in try Self.document(all[i], namespace: namespace) } }
        }
        var loaded = read.flatMap { $0 }[...]
        var oldDocuments: [Document] = [], newDocuments: [Document] = []
        for (side, documents) in files {
            for _ in try documents.get() {
                guard let document = try loaded.popFirst()?.get() else { continue }
                if side == .old { oldDocuments.append(document) } else { newDocuments.append(document) }
            }
        }
        // The trees are freed on a background thread once the caller drops the documents.
        let retainer = Disposal.Retainer(all.map(\.parsed))
        for i in oldDocuments.indices { oldDocuments[i].retainer = retainer }
        for i in newDocuments.indices { newDocuments[i].retainer = retainer }
        return (oldDocuments, newDocuments)
    }

    /// A document to read: its tree, its token when both sides hold its text, and its own position when
    /// its tree is the old side's.
    struct Pending: Sendable {
        var parsed: Parsed
        var token: SharedText?
        var mark: Mark?
    }

    private static func document(_ pending: Pending, namespace: String) throws(InputError) -> Document {
        var document = try document(pending.parsed, namespace: namespace)
        document.sharedText = pending.token
        document.objects = pending.parsed.objects
        if let mark = pending.mark { document.mark = mark }
        return document
    }

    private static func document(_ parsed: Parsed, namespace: String) throws(InputError) -> Document {
        if let lazy = parsed.lazy { return try Document(subject: parsed.node, tree: lazy, namespace: namespace) }
        return try Document(node: parsed.node, namespace: namespace)
    }

    /// One file's documents in order (empty ones included): its jobs' documents, with the texts the old side
    /// holds taken from `shared`. When a job failed, its documents do not line up with the file's texts, or
    /// aliases expand the file past the parser's limit, the file is parsed whole: that throws the error as
    /// parsing the file alone does.
    private func documents(
        of file: FileText, _ results: [(job: Job, result: Result<[Parsed], YAMLError>)],
        shared sharedTrees: [(parsed: Parsed, line: Int)?]
    ) throws(InputError) -> [Parsed] {
        var documents: [Parsed] = []
        var intact = true
        if let lines = file.lines {
            documents.reserveCapacity(lines.count)
            var results = results[...]
            var i = 0
            while intact, i < lines.count {
                if let text = file.sharedText(i, shared), text < sharedTrees.count, var borrowed = sharedTrees[text]?.parsed {
                    borrowed.borrowed = true
                    documents.append(borrowed)
                    i += 1
                    continue
                }
                // The next job must start here and hold exactly its segments' documents.
                guard let (job, result) = results.popFirst(), let range = job.segments, range.lowerBound == i,
                    case .success(let run) = result, run.count == range.count
                else {
                    intact = false
                    break
                }
                documents += run
                i = range.upperBound
            }
            intact = intact && results.isEmpty
        } else if results.count == 1, case .success(let all) = results[0].result {
            documents = all
        } else {
            intact = false
        }
        if intact, documents.reduce(0, { $0 + $1.expandedNodes }) <= parser.limits.maxExpandedNodes { return documents }
        let text = try file.wholeText()
        do {
            return Self.parsed(try parser.parseStream(bytes: text, file: file.file))
        } catch {
            throw error.inputError
        }
    }
}
