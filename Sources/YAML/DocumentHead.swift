/// The head of a manifest document as Helm's sorter reads it (`SimpleHead`): `kind:` and `metadata.annotations`.
public struct DocumentHead: Sendable, Equatable {
    /// `kind:` (`""` when absent or null).
    public var kind: String
    /// `metadata.annotations` (a null value read as `""`).
    public var annotations: [String: String]

    public init(kind: String = "", annotations: [String: String] = [:]) {
        self.kind = kind
        self.annotations = annotations
    }

    /// The parts of a document a head is read from: what a pruned parse keeps.
    public static let fields = YAMLPrune.keys([
        "apiVersion": .all, "kind": .all, "metadata": .keys(["name": .all, "annotations": .all]),
    ])

    /// A head documents are known to have because their template writes it so (its own first lines, and values that
    /// reach it only in ways that keep the document valid YAML without annotations): reading the heads back would
    /// only repeat what the template says. A document is trusted to have it only when it starts with ``prefix``.
    public struct Known: Sendable {
        /// The text every such document starts with, naming its kind.
        public var prefix: String
        public var head: DocumentHead

        public init(prefix: String, head: DocumentHead) {
            self.prefix = prefix
            self.head = head
        }

        /// ``head`` when `doc` starts with ``prefix``; nil when the document must be read.
        public func head(of doc: Substring) -> DocumentHead? {
            doc.utf8.starts(with: prefix.utf8) ? head : nil
        }
    }

    /// What ``read(_:file:parser:)`` found.
    public enum Reading {
        /// The head, read straight from the bytes of a plain block YAML document proved valid.
        case head(DocumentHead)
        /// The document's ``fields`` as `parser` reads them, the rest skimmed: the caller checks their types.
        case fields(Node)
    }

    /// The one way a document's head is read: straight from its bytes when the document is plain block YAML (the
    /// shape templates render), else by a parse that builds only ``fields``; nil when only a full parse
    /// (`parser.parse(bytes:file:)`) can tell, its error included.
    public static func read(_ doc: Substring, file: String, parser: YAMLParser) -> Reading? {
        if let head = DocumentHeadScanner.scan(doc) { return .head(head) }
        // The parser copies its input: from contiguous bytes in one move (a substring's view is copied byte by byte).
        let node = doc.utf8.withContiguousStorageIfAvailable { parser.parsePruned(bytes: $0, file: file, keep: fields) }
            ?? parser.parsePruned(bytes: String(doc).utf8, file: file, keep: fields)
        return node.map(Reading.fields)
    }
}
