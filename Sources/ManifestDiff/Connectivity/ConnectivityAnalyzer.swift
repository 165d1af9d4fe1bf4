import YAMLCore

/// The seam between the diff and a NetworkPolicy evaluator: given the NetworkPolicy resources of one
/// release, the flows they allow.
///
/// `SelectorConnectivity` is the built-in evaluator; the analysis module plugs in through this protocol.
public protocol ConnectivityAnalyzer: Sendable {
    /// The flows allowed by `policies` (every document is a `networking.k8s.io` `NetworkPolicy`).
    /// Throws `InputError` (with position) for policies it cannot read.
    func flows(of policies: [Document]) throws(InputError) -> Set<Flow>
}
