import OrderedCollections
import Diagnostics
import GoValues
import Platform

/// Parses YAML text into `Node` trees, one per document, with Helm's scalar typing.
///
/// Bounds keep hostile input cheap: total input size, nesting depth, and the number of
/// nodes that aliases may expand to (a "billion laughs" file fails fast).
public struct YAMLParser: Sendable {
    public struct Limits: Sendable {
        /// Largest accepted input in bytes: by default the input size bound (``FileSystem/maxInputSize``, what
        /// `--max-input-size` sets), so that whatever was read may be parsed.
        public var maxBytes: Int
        /// Deepest accepted nesting of sequences and mappings: by default 10,000 levels, as Helm
        /// (go-yaml and Go's JSON decoder both stop past 10,000).
        public var maxDepth: Int
        /// Most nodes the stream's aliases may expand to (nodes written out do not count).
        public var maxExpandedNodes: Int

        public init(maxBytes: Int = FileSystem.maxInputSize, maxDepth: Int = 10_000, maxExpandedNodes: Int = 10_000_000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxExpandedNodes = maxExpandedNodes
        }

        /// The default limits (read when asked: the input size bound may have been set since).
        public static var `default`: Limits { Limits() }
    }

    /// What a key written twice in one mapping means.
    public enum DuplicateKeys: Sendable {
        /// An error at the second key (meshrender's choice for values files: almost always a mistake).
        case error
        /// The later value wins, as in Helm (go-yaml v2 decoding into a map), e.g. for `fromYaml`.
        case lastWins
    }

    public var limits: Limits
    public var duplicateKeys: DuplicateKeys
    /// Whether a large input's events may be read by libyaml on a second thread while they are
    /// composed (see `EventStream`): the same nodes and errors either way.
    public var pipelines = true
    /// Numbers as a JSON decoder reads them (Helm reads values files through YAML → JSON): every
    /// integer becomes a float, and each document's first float JSON cannot hold (`.inf`, `.nan`)
    /// is reported in `ParsedStream.nonFiniteFloats`.
    public var jsonNumbers = false

    public init(limits: Limits = .default, duplicateKeys: DuplicateKeys = .error) {
        self.limits = limits
        self.duplicateKeys = duplicateKeys
    }

    /// Parses every document of a stream. Empty documents become `Node.null`.
    public func parseAll(_ text: String, file: String) throws(YAMLError) -> [Node] {
        try parseAll(bytes: Array(text.utf8), file: file)
    }

    /// Parses every document of a stream given as UTF-8 bytes.
    public func parseAll(bytes: [UInt8], file: String) throws(YAMLError) -> [Node] {
        try parseStream(bytes: bytes, file: file).documents
    }

    /// Parses every document of a stream that starts at line `firstLine` of `file` (an excerpt of a
    /// larger stream, cut at a document start): marks and errors name lines of the whole file.
    public func parseStream(bytes: some Collection<UInt8>, file: String, firstLine: Int = 1) throws(YAMLError)
        -> ParsedStream
    {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLError(.sizeLimit(limits.maxBytes), at: Mark(file: file, line: firstLine, column: 1))
        }
        var composer = Composer(
            events: EventStream(
                reader: EventReader(bytes: bytes, firstLine: firstLine), file: file,
                pipelined: pipelines && bytes.count >= EventStream.pipelineThreshold && Parallel.cores > 1),
            file: file, limits: limits, duplicateKeys: duplicateKeys, jsonNumbers: jsonNumbers)
        return try Self.onComposeStack(maxDepth: limits.maxDepth) { () throws(YAMLError) in try composer.stream() }
    }

    /// Stack the composer takes per level of nesting, with room to spare (it recurses once per
    /// sequence or mapping; an unoptimised build with address sanitizing takes the most).
    static let stackPerLevel = 16 << 10

    /// Runs `body` with stack enough for `maxDepth` levels: in place on a thread that has it (the
    /// command's thread and the pipeline's workers do), else on a thread started for it.
    static func onComposeStack<T>(maxDepth: Int, _ body: () throws(YAMLError) -> T) throws(YAMLError) -> T {
        let size = min(maxDepth, 1 << 20) * stackPerLevel + (1 << 20)
        if LargeStackThread.stackLeft() >= size { return try body() }
        let result = withoutActuallyEscaping(body) { body -> Result<T, YAMLError> in
            nonisolated(unsafe) let run = body
            return LargeStackThread.run(stackSize: size) { Result { () throws(YAMLError) in try run() } }
        }
        return try result.get()
    }

    /// Parses a single-document input (values files). An empty input is `null`; extra documents are an error.
    public func parse(_ text: String, file: String) throws(YAMLError) -> Node {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses a single-document input given as UTF-8 bytes (see `parse(_:file:)`).
    public func parse(bytes: [UInt8], file: String) throws(YAMLError) -> Node {
        let docs = try parseAll(bytes: bytes, file: file)
        if docs.count > 1 {
            throw YAMLError(.multipleDocuments(docs.count), at: docs[1].mark ?? Mark(file: file, line: 1, column: 1))
        }
        return docs.first ?? Node(.null, mark: Mark(file: file, line: 1, column: 1))
    }
}

/// The documents of a stream and what each cost.
public struct ParsedStream: Sendable {
    /// One node per document, in order (empty documents are `Node.null`).
    public var documents: [Node]
    /// Per document: the nodes its aliases expand to (0 without aliases), as counted against
    /// `Limits.maxExpandedNodes` (the limit applies to a whole stream, so callers that parse a
    /// stream in excerpts add these up). Nodes written out are not counted: a large plain file is
    /// bounded by its size, not mistaken for an alias bomb.
    public var expandedNodes: [Int]
    /// With `YAMLParser.jsonNumbers`, per document: its first non-finite float and where it is.
    public var nonFiniteFloats: [(value: Double, mark: Mark)?] = []
}

/// Turns libyaml events into nodes: one small function per node kind.
///
/// Every loaded node reports its expanded size (nodes, aliases counted in full) and height
/// (nesting levels, aliases included), so aliases can neither multiply the node count past
/// `maxExpandedNodes` nor nest deeper than `maxDepth`.
struct Composer {
    let events: EventStream
    let file: String
    let fileNumber: UInt32
    let limits: YAMLParser.Limits
    let duplicateKeys: YAMLParser.DuplicateKeys
    let jsonNumbers: Bool
    /// The current document's first non-finite float (`jsonNumbers` only).
    private var nonFinite: (value: Double, mark: Mark)?
    private var anchors: [String: Loaded] = [:]
    private var expanded = 0
    private var depth = 0
    /// The entries of the mappings being loaded, innermost last (one buffer for all of them, so a
    /// mapping is built at its end with exactly the storage it needs).
    private var pendingKeys: [String] = []
    private var pendingValues: [Node] = []
    private var pendingKeyMarks: [Mark] = []

    /// Mappings up to this many keys find duplicates by scanning their pending keys.
    static let scannedKeys = 16

    struct Loaded {
        var node: Node
        var size: Int
        var height: Int
    }

    init(
        events: EventStream, file: String, limits: YAMLParser.Limits, duplicateKeys: YAMLParser.DuplicateKeys,
        jsonNumbers: Bool = false
    ) {
        self.jsonNumbers = jsonNumbers
        self.events = events
        self.file = file
        self.fileNumber = FileNames.shared.number(file)
        self.limits = limits
        self.duplicateKeys = duplicateKeys
    }

    private func mark(_ e: Event) -> Mark { Mark(fileNumber: fileNumber, line: e.line + 1, column: e.column + 1) }

    private func next() throws(YAMLError) -> Event { try events.next() }

    mutating func documents() throws(YAMLError) -> [Node] {
        try stream().documents
    }

    mutating func stream() throws(YAMLError) -> ParsedStream {
        var docs: [Node] = []
        var sizes: [Int] = []
        var nonFiniteFloats: [(value: Double, mark: Mark)?] = []
        while true {
            let e = try next()
            switch e.kind {
            case .streamStart, .documentEnd: continue
            case .streamEnd:
                return ParsedStream(documents: docs, expandedNodes: sizes, nonFiniteFloats: jsonNumbers ? nonFiniteFloats : [])
            case .documentStart:
                anchors.removeAll(keepingCapacity: true)
                defer {
                    nonFiniteFloats.append(nonFinite)
                    nonFinite = nil
                }
                let before = expanded
                let first = try next()
                if case .documentEnd = first.kind {
                    docs.append(Node(.null, mark: mark(first)))
                } else {
                    docs.append(try load(first).node)
                }
                sizes.append(expanded - before)
            default:
                throw YAMLError(.syntax("unexpected event"), at: mark(e))
            }
        }
    }

    /// Loads the node that starts with `event`.
    private mutating func load(_ event: Event) throws(YAMLError) -> Loaded {
        switch event.kind {
        case .scalar(let value, let anchor, let tag, let plain):
            let node = try loadScalar(value, tag: tag, plain: plain, at: mark(event))
            return register(anchor, Loaded(node: node, size: 1, height: 0))
        case .alias(let anchor):
            return try loadAlias(anchor, at: mark(event))
        case .sequenceStart(let anchor, _):
            return register(anchor, try loadSequence(at: mark(event)))
        case .mappingStart(let anchor, _):
            return register(anchor, try loadMapping(at: mark(event)))
        default:
            throw YAMLError(.syntax("unexpected event"), at: mark(event))
        }
    }

    private mutating func register(_ anchor: String?, _ loaded: Loaded) -> Loaded {
        if let anchor { anchors[anchor] = loaded }
        return loaded
    }

    private mutating func count(_ n: Int, at mark: Mark) throws(YAMLError) {
        expanded += n
        if expanded > limits.maxExpandedNodes {
            throw YAMLError(.aliasExpansionLimit(limits.maxExpandedNodes), at: mark)
        }
    }

    private mutating func loadScalar(_ value: String, tag: String?, plain: Bool, at mark: Mark) throws(YAMLError) -> Node {
        let kind: Node.Kind
        if let tag {
            kind = try ScalarResolver.resolveTagged(value, tag: tag, at: mark)
        } else if !plain {
            return Node(.string(value), mark: mark)
        } else {
            kind = ScalarResolver.resolvePlain(value)
        }
        guard jsonNumbers else { return Node(kind, mark: mark) }
        switch kind {
        case .int(let i): return Node(.float(Double(i)), mark: mark)
        case .float(let f) where !f.isFinite:
            if nonFinite == nil { nonFinite = (f, mark) }
            return Node(kind, mark: mark)
        default: return Node(kind, mark: mark)
        }
    }

    private mutating func loadAlias(_ anchor: String, at mark: Mark) throws(YAMLError) -> Loaded {
        guard var loaded = anchors[anchor] else {
            throw YAMLError(.undefinedAlias(anchor), at: mark)
        }
        try count(loaded.size, at: mark)
        if depth + loaded.height > limits.maxDepth {
            throw YAMLError(.depthLimit(limits.maxDepth), at: mark)
        }
        // Arrays and dictionaries are copy-on-write: the copy shares the anchored storage.
        loaded.node.mark = mark
        return loaded
    }

    private mutating func enter(at mark: Mark) throws(YAMLError) {
        depth += 1
        if depth > limits.maxDepth { throw YAMLError(.depthLimit(limits.maxDepth), at: mark) }
    }

    private mutating func loadSequence(at start: Mark) throws(YAMLError) -> Loaded {
        try enter(at: start)
        defer { depth -= 1 }
        var items: [Node] = []
        var size = 1, height = 0
        while true {
            let e = try next()
            if case .sequenceEnd = e.kind { break }
            let item = try load(e)
            items.append(item.node)
            size += item.size
            height = max(height, item.height)
        }
        return Loaded(node: Node(.sequence(items), mark: start), size: size, height: height + 1)
    }

    /// A mapping with go-yaml v2's merge semantics (what Helm does): a `<<` entry copies the
    /// keys of its map (or of its maps, the earlier ones winning) over what is there at that
    /// point; keys written after it override them. A key written twice is an error, or the
    /// later value wins (`DuplicateKeys.lastWins`).
    ///
    /// Entries wait in the composer's pending buffers and the mapping is built once at its end;
    /// a merge key or more than `scannedKeys` keys switch to building it entry by entry.
    private mutating func loadMapping(at start: Mark) throws(YAMLError) -> Loaded {
        try enter(at: start)
        defer { depth -= 1 }
        let base = pendingKeys.count
        defer {
            pendingKeys.removeSubrange(base...)
            pendingValues.removeSubrange(base...)
            pendingKeyMarks.removeSubrange(base...)
        }
        // Built entry by entry once pending entries no longer suffice.
        var built = Mapping()
        var building = false
        // Keys written so far; until a merge brings in keys, these are exactly the entries' keys.
        var written: Set<String>? = nil
        var size = 1, height = 0
        while true {
            let ke = try next()
            if case .mappingEnd = ke.kind { break }
            let keyMark = mark(ke)
            // The key's string, or nil for a merge key; a key that cannot be a string is reported
            // after its value is read, as errors inside the value come first.
            let name: Result<String, YAMLError>?
            if case .scalar(let raw, nil, nil, true) = ke.kind, raw != "<<" {
                // The common key: plain, no anchor, no tag.
                size += 1
                name = Result { () throws(YAMLError) in try Self.plainKeyString(raw, at: keyMark) }
            } else {
                let key = try load(ke)
                size += key.size
                if case .scalar(let raw, _, let tag, let plain) = ke.kind, raw == "<<", plain, tag == nil {
                    name = nil
                } else {
                    name = Result { () throws(YAMLError) in try Self.keyString(ke, key.node, at: keyMark) }
                }
            }
            let value = try load(try next())
            size += value.size
            height = max(height, value.height)
            guard let name else {
                if !building { (built, building) = (pendingMapping(from: base), true) }
                if written == nil { written = Set(built.entries.keys) }
                try merge(value.node, into: &built, at: keyMark)
                continue
            }
            let key = try name.get()
            if !building {
                if let i = pendingKeys[base...].firstIndex(of: key) {
                    if duplicateKeys == .error { throw YAMLError(.duplicateKey(key), at: keyMark) }
                    pendingValues[i] = value.node
                    pendingKeyMarks[i] = keyMark
                    continue
                }
                if pendingKeys.count - base < Self.scannedKeys {
                    pendingKeys.append(key)
                    pendingValues.append(value.node)
                    pendingKeyMarks.append(keyMark)
                    continue
                }
                (built, building) = (pendingMapping(from: base), true)
            }
            if duplicateKeys == .error {
                let seen = written.map { $0.contains(key) } ?? (built.entries.index(forKey: key) != nil)
                if seen { throw YAMLError(.duplicateKey(key), at: keyMark) }
            }
            written?.insert(key)
            built.entries[key] = value.node
            built.keyMarks[key] = keyMark
        }
        let mapping = building ? built : pendingMapping(from: base)
        return Loaded(node: Node(.mapping(mapping), mark: start), size: size, height: height + 1)
    }

    /// The pending entries from `base` on, as a mapping.
    private func pendingMapping(from base: Int) -> Mapping {
        let count = pendingKeys.count - base
        var keyMarks: [String: Mark] = .init(minimumCapacity: count)
        for i in base..<pendingKeys.count { keyMarks[pendingKeys[i]] = pendingKeyMarks[i] }
        return Mapping(
            entries: OrderedDictionary(uncheckedUniqueKeys: pendingKeys[base...], values: pendingValues[base...]),
            keyMarks: keyMarks)
    }

    private func merge(_ value: Node, into mapping: inout Mapping, at mark: Mark) throws(YAMLError) {
        switch value.kind {
        case .mapping(let m):
            for (k, v) in m.entries {
                mapping.entries[k] = v
                mapping.keyMarks[k] = m.keyMarks[k] ?? mark
            }
        case .sequence(let items):
            for item in items.reversed() {
                guard case .mapping = item.kind else { throw YAMLError(.invalidMergeValue, at: item.mark ?? mark) }
                try merge(item, into: &mapping, at: mark)
            }
        default:
            throw YAMLError(.invalidMergeValue, at: value.mark ?? mark)
        }
    }

    /// The string a plain, untagged key becomes: what `keyString` gives for it, resolving it once.
    static func plainKeyString(_ raw: String, at mark: Mark) throws(YAMLError) -> String {
        switch GoYAMLResolve.resolve(raw) {
        case .string, .timestamp: return raw
        case .null: throw YAMLError(.unsupportedKey("null"), at: mark)
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return GoFormat.float32Key(f)
        case .uint: throw YAMLError(.unsupportedKey("uint64 \(raw)"), at: mark)
        case .bigInt: throw YAMLError(.unsupportedKey("big integer \(raw)"), at: mark)
        }
    }

    /// Keys become strings the way Helm's YAML → JSON step writes them: integers in decimal,
    /// floats in Go's `%g` of their float32 value (`3.1415927`, `1e+07`, `.inf`), booleans as
    /// `true`/`false`. Null, unsigned 64-bit and collection keys are errors, as in Helm.
    static func keyString(_ event: Event, _ node: Node, at mark: Mark) throws(YAMLError) -> String {
        if case .scalar(let raw, _, nil, true) = event.kind {
            switch GoYAMLResolve.resolve(raw) {
            case .uint: throw YAMLError(.unsupportedKey("uint64 \(raw)"), at: mark)
            case .bigInt: throw YAMLError(.unsupportedKey("big integer \(raw)"), at: mark)
            default: break
            }
        }
        switch node.kind {
        case .string(let s): return s
        case .null: throw YAMLError(.unsupportedKey("null"), at: mark)
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return GoFormat.float32Key(f)
        case .sequence: throw YAMLError(.unsupportedKey("a list"), at: mark)
        case .mapping: throw YAMLError(.unsupportedKey("a map"), at: mark)
        }
    }
}
