import OrderedCollections

/// Parses YAML text into `Node` trees, one per document, with Helm's scalar typing.
///
/// Bounds keep hostile input cheap: total input size, nesting depth, and the number of
/// nodes that aliases may expand to (a "billion laughs" file fails fast).
public struct YAMLParser: Sendable {
    public struct Limits: Sendable {
        /// Largest accepted input in bytes.
        public var maxBytes: Int
        /// Deepest accepted nesting of sequences and mappings.
        public var maxDepth: Int
        /// Most nodes the document may hold once every alias is expanded.
        public var maxExpandedNodes: Int

        public init(maxBytes: Int = 256 << 20, maxDepth: Int = 512, maxExpandedNodes: Int = 10_000_000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxExpandedNodes = maxExpandedNodes
        }

        public static let `default` = Limits()
    }

    public var limits: Limits

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Parses every document of a stream. Empty documents become `Node.null`.
    public func parseAll(_ text: String, file: String) throws(YAMLError) -> [Node] {
        try parseAll(bytes: Array(text.utf8), file: file)
    }

    /// Parses every document of a stream given as UTF-8 bytes.
    public func parseAll(bytes: [UInt8], file: String) throws(YAMLError) -> [Node] {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLError(.sizeLimit(limits.maxBytes), at: Mark(file: file, line: 1, column: 1))
        }
        var composer = Composer(reader: EventReader(bytes: bytes), file: file, limits: limits)
        return try composer.documents()
    }

    /// Parses a single-document input (values files). An empty input is `null`; extra documents are an error.
    public func parse(_ text: String, file: String) throws(YAMLError) -> Node {
        try parse(bytes: Array(text.utf8), file: file)
    }

    public func parse(bytes: [UInt8], file: String) throws(YAMLError) -> Node {
        let docs = try parseAll(bytes: bytes, file: file)
        return docs.first ?? Node(.null, mark: Mark(file: file, line: 1, column: 1))
    }
}

/// Turns libyaml events into nodes: one small function per node kind.
struct Composer {
    let reader: EventReader
    let file: String
    let limits: YAMLParser.Limits
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var expanded = 0
    private var depth = 0

    init(reader: EventReader, file: String, limits: YAMLParser.Limits) {
        self.reader = reader
        self.file = file
        self.limits = limits
    }

    private func mark(_ e: Event) -> Mark { Mark(file: file, line: e.line + 1, column: e.column + 1) }

    private func next() throws(YAMLError) -> Event { try reader.next(file: file) }

    mutating func documents() throws(YAMLError) -> [Node] {
        var docs: [Node] = []
        while true {
            let e = try next()
            switch e.kind {
            case .streamStart, .documentEnd: continue
            case .streamEnd: return docs
            case .documentStart:
                anchors.removeAll(keepingCapacity: true)
                let first = try next()
                if case .documentEnd = first.kind {
                    docs.append(Node(.null, mark: mark(first)))
                    continue
                }
                let (node, _) = try load(first)
                docs.append(node)
            default:
                throw YAMLError(.syntax("unexpected event"), at: mark(e))
            }
        }
    }

    /// Loads the node that starts with `event`; returns it and its expanded size.
    private mutating func load(_ event: Event) throws(YAMLError) -> (Node, Int) {
        switch event.kind {
        case .scalar(let value, let anchor, let tag, let plain):
            let node = try loadScalar(value, tag: tag, plain: plain, at: mark(event))
            return register(anchor, node, size: 1)
        case .alias(let anchor):
            return try loadAlias(anchor, at: mark(event))
        case .sequenceStart(let anchor, _):
            let (node, size) = try loadSequence(at: mark(event))
            return register(anchor, node, size: size)
        case .mappingStart(let anchor, _):
            let (node, size) = try loadMapping(at: mark(event))
            return register(anchor, node, size: size)
        default:
            throw YAMLError(.syntax("unexpected event"), at: mark(event))
        }
    }

    private mutating func register(_ anchor: String?, _ node: Node, size: Int) -> (Node, Int) {
        if let anchor { anchors[anchor] = (node, size) }
        return (node, size)
    }

    private mutating func count(_ n: Int, at mark: Mark) throws(YAMLError) {
        expanded += n
        if expanded > limits.maxExpandedNodes {
            throw YAMLError(.aliasExpansionLimit(limits.maxExpandedNodes), at: mark)
        }
    }

    private func loadScalar(_ value: String, tag: String?, plain: Bool, at mark: Mark) throws(YAMLError) -> Node {
        if let tag, tag != "!" {
            return Node(try ScalarResolver.resolveTagged(value, tag: tag, at: mark), mark: mark)
        }
        if !plain { return Node(.string(value), mark: mark) }
        return Node(ScalarResolver.resolvePlain(value), mark: mark)
    }

    private mutating func loadAlias(_ anchor: String, at mark: Mark) throws(YAMLError) -> (Node, Int) {
        guard let (node, size) = anchors[anchor] else {
            throw YAMLError(.undefinedAlias(anchor), at: mark)
        }
        try count(size, at: mark)
        var copy = node
        copy.mark = mark
        return (copy, size)
    }

    private mutating func enter(at mark: Mark) throws(YAMLError) {
        depth += 1
        if depth > limits.maxDepth { throw YAMLError(.depthLimit(limits.maxDepth), at: mark) }
    }

    private mutating func loadSequence(at start: Mark) throws(YAMLError) -> (Node, Int) {
        try enter(at: start)
        defer { depth -= 1 }
        var items: [Node] = []
        var size = 1
        try count(1, at: start)
        while true {
            let e = try next()
            if case .sequenceEnd = e.kind { break }
            let (item, s) = try load(e)
            items.append(item)
            size += s
        }
        return (Node(.sequence(items), mark: start), size)
    }

    private mutating func loadMapping(at start: Mark) throws(YAMLError) -> (Node, Int) {
        try enter(at: start)
        defer { depth -= 1 }
        var mapping = Mapping()
        var merged: [(String, Node, Mark)] = []
        var size = 1
        try count(1, at: start)
        while true {
            let ke = try next()
            if case .mappingEnd = ke.kind { break }
            let keyMark = mark(ke)
            let (keyNode, _) = try load(ke)
            let ve = try next()
            let (value, s) = try load(ve)
            size += s
            if case .scalar(let raw, _, let tag, let plain) = ke.kind, raw == "<<", plain, tag == nil {
                try collectMerge(value, into: &merged, at: keyMark)
                continue
            }
            let key = Self.keyString(keyNode)
            if mapping.entries[key] != nil {
                throw YAMLError(.duplicateKey(key), at: keyMark)
            }
            mapping.entries[key] = value
            mapping.keyMarks[key] = keyMark
        }
        // Explicit keys win over merged ones; among merge sources, the first wins.
        for (key, value, keyMark) in merged where mapping.entries[key] == nil {
            mapping.entries[key] = value
            mapping.keyMarks[key] = keyMark
        }
        return (Node(.mapping(mapping), mark: start), size)
    }

    private func collectMerge(_ value: Node, into merged: inout [(String, Node, Mark)], at mark: Mark) throws(YAMLError) {
        switch value.kind {
        case .mapping(let m):
            for (k, v) in m.entries where !merged.contains(where: { $0.0 == k }) {
                merged.append((k, v, m.keyMarks[k] ?? mark))
            }
        case .sequence(let items):
            for item in items {
                guard case .mapping = item.kind else { throw YAMLError(.invalidMergeValue, at: item.mark ?? mark) }
                try collectMerge(item, into: &merged, at: mark)
            }
        default:
            throw YAMLError(.invalidMergeValue, at: value.mark ?? mark)
        }
    }

    /// Keys become strings the way Helm's YAML → JSON step writes them.
    static func keyString(_ node: Node) -> String {
        switch node.kind {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return GoFormat.float(f)
        case .sequence, .mapping: return GoFormat.value(node.toValue())
        }
    }
}
