import YAMLCore

/// The seam between the diff and a NetworkPolicy evaluator: given the NetworkPolicy resources of one
/// release, the flows they allow.
///
/// `SelectorConnectivity` is the built-in evaluator; the analysis module plugs in through this protocol.
public protocol ConnectivityAnalyzer: Sendable {
    /// The flows allowed by `policies` (every document is a `networking.k8s.io` `NetworkPolicy`).
    /// Throws `InputError` (with position) for policies it cannot read.
    func flows(of policies: [Document]) throws(InputError) -> Set<Flow>

    /// Both releases at once. `changed` names the policies that differ between them (added, removed or
    /// modified); every other policy is identical in both, so an evaluator may reuse its work.
    /// The default evaluates each release with `flows(of:)`.
    func compare(old: [Document], new: [Document], changed: Set<ResourceID>) throws(InputError) -> ConnectivityDiff
}

extension ConnectivityAnalyzer {
    public func compare(old: [Document], new: [Document], changed: Set<ResourceID>) throws(InputError)
        -> ConnectivityDiff
    {
        let before = try flows(of: old)
        let after = try flows(of: new)
        return ConnectivityDiff(old: before.sorted(), new: after.sorted(), changes: FlowChange.between(old: before, new: after))
    }
}
