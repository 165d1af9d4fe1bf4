/// The releases an endpoint exists in: both, or only the old or the new one of a diff. Outside a diff every
/// endpoint exists in `.both`.
public struct ReleaseSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let old = ReleaseSet(rawValue: 1)
    public static let new = ReleaseSet(rawValue: 2)
    public static let both: ReleaseSet = [.old, .new]
}
