import Diagnostics
import GoValues

/// How one resource differs between the releases.
public struct ResourceDiff: Sendable {
    public enum Change: String, Sendable {
        case added, removed, modified
    }

    public var id: ResourceID
    /// `apiVersion` of the new side (the old side's for removed resources).
    public var apiVersion: String
    public var change: Change
    /// Field-level changes of a modified resource; empty for added and removed ones.
    public var fields: [FieldChange]
    /// The old and new content as compared (ignored labels and paths pruned, Secret values masked
    /// unless revealed); `nil` on the side where the resource does not exist, and on both sides of a modified
    /// resource when `DiffOptions.keepsModifiedContent` is off.
    public var old: Value?
    public var new: Value?
    /// Where the resource starts: in the new release, or the old one for a removed resource.
    public var mark: Mark?

    public init(
        id: ResourceID, apiVersion: String, change: Change, fields: [FieldChange], old: Value?, new: Value?, mark: Mark? = nil
    ) {
        self.mark = mark
        self.id = id
        self.apiVersion = apiVersion
        self.change = change
        self.fields = fields
        self.old = old
        self.new = new
    }

    /// `apiVersion/Kind/namespace/name`, the resource label of human output.
    public var label: String {
        id.namespace.isEmpty
            ? "\(apiVersion)/\(id.kind)/\(id.name)" : "\(apiVersion)/\(id.kind)/\(id.namespace)/\(id.name)"
    }
}
