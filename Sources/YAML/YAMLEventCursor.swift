import Diagnostics

/// Reads a YAML text's events one at a time, for readers that build their own model of a document in one pass
/// instead of building its nodes first (the NetworkPolicies of a large release).
///
/// It models what such a reader takes: plain and quoted scalars, sequences and mappings. What it does not model —
/// malformed input, aliases, anchors, tags — reads as `nil`: the reader then gives up and parses the text with
/// `YAMLParser`, which reports or resolves it exactly.
public final class YAMLEventCursor {
    /// What an event is.
    public enum Kind: Sendable {
        case streamStart, streamEnd, documentStart, documentEnd, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    /// One event.
    public struct Event: Sendable {
        public var kind: Kind
        /// Where the event starts.
        public var mark: Mark
        /// A scalar's text (empty for other events).
        public var text: String
        /// A plain scalar, typed as YAML 1.1 types plain text (`ScalarResolver.resolvePlain`); other scalars are
        /// strings.
        public var isPlain: Bool

        /// The scalar as a node's content: typed when plain, else a string.
        public var scalar: Node.Kind { isPlain ? ScalarResolver.resolvePlain(text) : .string(text) }

        /// The scalar's string, when it is one (a plain scalar only if it types as a string).
        public var string: String? {
            if !isPlain { return text }
            if case .string(let s) = ScalarResolver.resolvePlain(text) { return s }
            return nil
        }

        /// A plain scalar that types as null: what the parser makes an absent value of.
        public var isNull: Bool {
            guard kind == .scalar, isPlain else { return false }
            if case .null = ScalarResolver.resolvePlain(text) { return true }
            return false
        }
    }

    private let reader: EventReader
    private let fileNumber: UInt32

    /// A cursor over `bytes`, which start at line `firstLine` of `file`.
    public init(bytes: some Collection<UInt8>, file: String, firstLine: Int = 1) {
        reader = EventReader(bytes: bytes, firstLine: firstLine)
        fileNumber = FileNames.shared.number(file)
    }

    /// The next event, or `nil` on what the cursor does not model (see the type's documentation).
    public func next() -> Event? {
        guard let e = reader.skim(wantValue: true), !e.hasProperties else { return nil }
        let kind: Kind
        switch e.kind {
        case .streamStart: kind = .streamStart
        case .streamEnd: kind = .streamEnd
        case .documentStart: kind = .documentStart
        case .documentEnd: kind = .documentEnd
        case .scalar: kind = .scalar
        case .sequenceStart: kind = .sequenceStart
        case .sequenceEnd: kind = .sequenceEnd
        case .mappingStart: kind = .mappingStart
        case .mappingEnd: kind = .mappingEnd
        case .alias, .other: return nil
        }
        return Event(
            kind: kind, mark: Mark(fileNumber: fileNumber, line: e.line + 1, column: e.column + 1), text: e.value ?? "",
            isPlain: e.plain)
    }

    /// Reads past the node that starts with `first` when it is a scalar or an empty collection; `false` otherwise
    /// (a reader that skips larger nodes could miss what the parser refuses in them, such as a repeated key).
    public func skipSmall(_ first: Event) -> Bool {
        switch first.kind {
        case .scalar: return true
        case .sequenceStart: return next()?.kind == .sequenceEnd
        case .mappingStart: return next()?.kind == .mappingEnd
        default: return false
        }
    }
}
