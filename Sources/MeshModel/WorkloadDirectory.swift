/// The workloads a mesh's components may name instead of repeating their pods' labels
/// (`mesh.components.agent.workload: vald-agent`): the Deployments, StatefulSets, … of the manifests a chart
/// rendered, each with its pod template's labels. `MeshSpec.load(values:releaseNamespace:workloads:)` resolves the
/// names against it.
public struct WorkloadDirectory: Sendable {
    /// One workload: `kind`/`name` in `namespace`, whose pods carry `podLabels`.
    public struct Entry: Sendable, Equatable {
        public var kind: String
        public var name: String
        public var namespace: String
        public var podLabels: [String: String]

        public init(kind: String, name: String, namespace: String, podLabels: [String: String]) {
            self.kind = kind
            self.name = name
            self.namespace = namespace
            self.podLabels = podLabels
        }

        /// `StatefulSet/vald-agent`: the form a component may write to pick one of several workloads of one name.
        public var qualifiedName: String { kind + "/" + name }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Why `reference` (`NAME` or `KIND/NAME`) names no single workload of `namespace`, or its entry.
    func resolve(_ reference: String, namespace: String) -> Result<Entry, WorkloadLookupProblem> {
        let parts = reference.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let kind = parts.count == 2 ? String(parts[0]) : nil
        let name = String(parts.last ?? "")
        let inNamespace = entries.filter { $0.namespace == namespace }
        let found = inNamespace.filter { $0.name == name && (kind == nil || $0.kind == kind) }
        if found.count == 1 { return .success(found[0]) }
        if found.count > 1 {
            return .failure(.ambiguous(found.map(\.qualifiedName).sorted()))
        }
        let candidates = kind == nil ? inNamespace.map(\.name) : inNamespace.map(\.qualifiedName)
        let elsewhere = entries.filter { $0.name == name && (kind == nil || $0.kind == kind) }.map(\.namespace)
        return .failure(.missing(suggestion: DidYouMean.suggestion(for: reference, among: candidates), elsewhere: elsewhere.sorted()))
    }
}

/// Why a component's `workload` names no single workload.
enum WorkloadLookupProblem: Error {
    case missing(suggestion: String?, elsewhere: [String])
    case ambiguous([String])
}
