import GoValues

/// One change inside a modified resource.
public struct FieldChange: Equatable, Sendable {
    public enum Change: String, Sendable {
        /// A map entry or list entry exists only in the new release.
        case added
        /// A map entry or list entry exists only in the old release.
        case removed
        /// A value changed (scalar, type, or an ordered list as a whole).
        case modified
    }

    /// Where: for entries, the path of the entry itself (`spec.ingress[0].from[2]`, the index on the side
    /// it exists on; the new index for a modification inside a matched list entry).
    public var path: FieldPath
    public var change: Change
    /// The old value; `nil` for `added`.
    public var from: Value?
    /// The new value; `nil` for `removed`.
    public var to: Value?

    public init(path: FieldPath, change: Change, from: Value?, to: Value?) {
        self.path = path
        self.change = change
        self.from = from
        self.to = to
    }

    /// Whether the entry belongs to a list (last path component an index) rather than a map.
    public var isListEntry: Bool {
        if case .index? = path.components.last { return true }
        return false
    }
}
