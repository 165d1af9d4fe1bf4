import OrderedCollections
import Diagnostics

/// Which parts of a document `YAMLParser.parsePruned` builds.
public indirect enum YAMLPrune: Sendable {
    /// The whole subtree.
    case all
    /// Of a mapping, only the entries with these keys (each pruned in turn); of a sequence,
    /// no items; a scalar as is.
    case keys([String: YAMLPrune])
}

extension YAMLParser {
    /// Parses a single-document input cheaply, building only the parts `keep` names, or returns
    /// `nil` when this fast path cannot vouch for the result.
    ///
    /// Every event is still read, so malformed YAML anywhere is noticed. The fast path gives up
    /// (returns `nil`) on whatever it does not model: malformed input, anchors, aliases, tags,
    /// merge keys, keys that might not be strings (numbers, null, collections), several documents
    /// and the limits. When it returns a node, `parse(bytes:file:)` succeeds on the same input
    /// and its result, restricted to `keep`, is that node; when it returns `nil`, call
    /// `parse(bytes:file:)` for the full tree or the exact error.
    public func parsePruned(bytes: some Collection<UInt8>, file: String, keep: YAMLPrune) -> Node? {
        guard bytes.count <= limits.maxBytes else { return nil }
        var composer = PrunedComposer(reader: EventReader(bytes: bytes), file: file, limits: limits, duplicateKeys: duplicateKeys)
        return try? composer.document(keep)
    }

    /// Parses every document of a stream cheaply, each pruned to `keep`, or returns `nil` when this
    /// fast path cannot vouch for the result (as `parsePruned`, but any number of documents; the stream
    /// starts at line `firstLine` of `file`).
    ///
    /// When it returns a stream, `parseStream(bytes:file:firstLine:)` succeeds on the same input with as
    /// many documents and the same `expandedNodes`, and its documents, restricted to `keep`, are these.
    /// `keyMarks: false` leaves `Mapping.keyMarks` empty (for readers that only need node marks).
    public func parsePrunedStream(
        bytes: some Collection<UInt8>, file: String, firstLine: Int = 1, keep: YAMLPrune, keyMarks: Bool = true
    ) -> ParsedStream? {
        guard bytes.count <= limits.maxBytes else { return nil }
        var composer = PrunedComposer(
            reader: EventReader(bytes: bytes, firstLine: firstLine), file: file, limits: limits, duplicateKeys: duplicateKeys)
        composer.recordsKeyMarks = keyMarks
        return try? composer.stream(keep)
    }
}

/// Walks libyaml events, building nodes only where kept (see `YAMLParser.parsePruned`).
struct PrunedComposer {
    struct GiveUp: Error {}

    let reader: EventReader
    let file: String
    let fileNumber: UInt32
    let limits: YAMLParser.Limits
    /// Whether a key written twice in a mapping is an error (then the fast path gives up on it).
    let checksDuplicates: Bool
    /// Whether mappings get their keys' marks.
    var recordsKeyMarks = true
    private var depth = 0
    /// Digests of the keys of the mappings being read, innermost last.
    private var keyDigests: [UInt64] = []

    /// Mappings up to this many keys find a repeated key by scanning their digests.
    static let scannedKeys = 32

    /// The deepest nesting the fast path reads on the caller's stack, whatever stack that is.
    static let fastPathDepth = 256

    init(reader: EventReader, file: String, limits: YAMLParser.Limits, duplicateKeys: YAMLParser.DuplicateKeys) {
        self.reader = reader
        self.file = file
        self.fileNumber = FileNames.shared.number(file)
        self.limits = limits
        self.checksDuplicates = duplicateKeys == .error
    }

    private func next(wantValue: Bool = false, wantDigest: Bool = false) throws(GiveUp) -> SkimEvent {
        guard let e = reader.skim(wantValue: wantValue, wantDigest: wantDigest) else { throw GiveUp() }
        return e
    }

    private func mark(_ e: SkimEvent) -> Mark { Mark(fileNumber: fileNumber, line: e.line + 1, column: e.column + 1) }

    mutating func document(_ keep: YAMLPrune) throws(GiveUp) -> Node {
        guard try next().kind == .streamStart else { throw GiveUp() }
        let start = try next()
        if start.kind == .streamEnd { return Node(.null, mark: Mark(file: file, line: 1, column: 1)) }
        guard start.kind == .documentStart else { throw GiveUp() }
        let first = try next(wantValue: true)
        var root = Node(.null, mark: mark(first))
        if first.kind != .documentEnd {
            root = try load(first, keep) ?? root
            guard try next().kind == .documentEnd else { throw GiveUp() }
        }
        guard try next().kind == .streamEnd else { throw GiveUp() }
        return root
    }

    /// Every document of the stream, pruned.
    mutating func stream(_ keep: YAMLPrune) throws(GiveUp) -> ParsedStream {
        guard try next().kind == .streamStart else { throw GiveUp() }
        var documents: [Node] = []
        var sizes: [Int] = []
        while true {
            let start = try next()
            if start.kind == .streamEnd { return ParsedStream(documents: documents, expandedNodes: sizes) }
            guard start.kind == .documentStart else { throw GiveUp() }
            let first = try next(wantValue: true)
            var root = Node(.null, mark: mark(first))
            if first.kind != .documentEnd {
                root = try load(first, keep) ?? root
                guard try next().kind == .documentEnd else { throw GiveUp() }
            }
            documents.append(root)
            sizes.append(0)  // no aliases on this path: nothing expanded
        }
    }

    /// Loads the node starting with `e`; `keep == nil` skims it (no node).
    private mutating func load(_ e: SkimEvent, _ keep: YAMLPrune?) throws(GiveUp) -> Node? {
        if e.hasProperties { throw GiveUp() }
        switch e.kind {
        case .scalar:
            guard keep != nil else { return nil }
            guard let value = e.value else { throw GiveUp() }
            return Node(e.plain ? ScalarResolver.resolvePlain(value) : .string(value), mark: mark(e))
        case .sequenceStart: return try loadSequence(e, keep)
        case .mappingStart: return try loadMapping(e, keep)
        default: throw GiveUp()
        }
    }

    private mutating func enter() throws(GiveUp) {
        depth += 1
        // Deeper documents go to the full parser, which runs on a stack sized for `maxDepth`.
        if depth > min(limits.maxDepth, Self.fastPathDepth) { throw GiveUp() }
    }

    private mutating func loadSequence(_ start: SkimEvent, _ keep: YAMLPrune?) throws(GiveUp) -> Node? {
        try enter()
        defer { depth -= 1 }
        let build: Bool
        if case .all? = keep { build = true } else { build = false }
        var items: [Node] = []
        while true {
            let e = try next(wantValue: build)
            if e.kind == .sequenceEnd { break }
            if let item = try load(e, build ? .all : nil) { items.append(item) }
        }
        return keep == nil ? nil : Node(.sequence(items), mark: mark(start))
    }

    private mutating func loadMapping(_ start: SkimEvent, _ keep: YAMLPrune?) throws(GiveUp) -> Node? {
        try enter()
        defer { depth -= 1 }
        var mapping = Mapping()
        let base = keyDigests.count
        defer { keyDigests.removeSubrange(base...) }
        var manyKeys: Set<UInt64>? = nil
        while true {
            let k = try next(wantValue: keep != nil, wantDigest: checksDuplicates)
            if k.kind == .mappingEnd { break }
            guard k.kind == .scalar, !k.hasProperties, !(k.plain && k.maybeNonStringKey) else { throw GiveUp() }
            if checksDuplicates {
                // A key that may repeat one before it: the full parse tells (the error, or not).
                guard let digest = k.keyDigest else { throw GiveUp() }
                if manyKeys == nil, keyDigests.count - base >= Self.scannedKeys { manyKeys = Set(keyDigests[base...]) }
                if var seen = manyKeys {
                    manyKeys = nil
                    guard seen.insert(digest).inserted else { throw GiveUp() }
                    manyKeys = seen
                } else {
                    if keyDigests[base...].contains(digest) { throw GiveUp() }
                    keyDigests.append(digest)
                }
            }
            var valueKeep: YAMLPrune?
            var name = ""
            if let keep {
                guard let raw = k.value else { throw GiveUp() }
                name = raw
                if k.plain {
                    // Letter-led plain keys are strings or booleans (`yes` → "true").
                    do {
                        name = try Composer.plainKeyString(raw, at: mark(k))
                    } catch {
                        throw GiveUp()
                    }
                }
                switch keep {
                case .all: valueKeep = .all
                case .keys(let wanted): valueKeep = wanted[name]
                }
            }
            let value = try load(try next(wantValue: valueKeep != nil), valueKeep)
            if keep != nil, let value {
                mapping.entries[name] = value
                if recordsKeyMarks { mapping.keyMarks[name] = mark(k) }
            }
        }
        return keep == nil ? nil : Node(.mapping(mapping), mark: mark(start))
    }
}
