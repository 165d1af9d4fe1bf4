import YAMLCore

/// The built-in NetworkPolicy evaluator: components are the pod groups the policies select, and a
/// flow exists when the source's egress AND the destination's ingress allow it (a side no policy
/// isolates allows everything).
///
/// - A component is named by its policy's `app.kubernetes.io/component` label (the component id rendered
///   policies carry), else by its selector's single label value (`app: vald-agent` → `vald-agent`), else by
///   its policy name without `-allow`.
/// - A peer that selects no component is an external endpoint named after what it selects:
///   `kube-system` (a whole namespace), `kube-system/k8s-app=kube-dns`, `namespaces{tier=tenant}`,
///   a CIDR, or `*` (a rule without peers: anyone).
/// - Ports combine by intersection of both sides; `any` when neither side restricts them.
///
/// Work is linear in the number of (rule peer, matched component) pairs: peers resolve through label
/// and namespace indexes, never by scanning every pair of components. Comparing two releases reads
/// unchanged policies once and, when both releases have the same components, evaluates only the flows
/// from or to components whose policies changed (the others cannot differ).
public struct SelectorConnectivity: ConnectivityAnalyzer {
    /// Releases with at most this many policies are evaluated in full when compared (every flow listed);
    /// larger ones only around what changed.
    public var fullEvaluationLimit: Int

    public init(fullEvaluationLimit: Int = 1000) {
        self.fullEvaluationLimit = fullEvaluationLimit
    }

    public func flows(of policies: [Document]) throws(InputError) -> Set<Flow> {
        var readings: [PolicyReading] = []
        readings.reserveCapacity(policies.count)
        for document in policies { readings.append(try PolicyReading(document)) }
        var graph = PolicyGraph(readings)
        return try graph.flows(touching: nil)
    }

    public func compare(old: [Document], new: [Document], changed: Set<ResourceID>) throws(InputError)
        -> ConnectivityDiff
    {
        // Every old policy is read; a new one only when it changed (else the old reading stands for it).
        let oldReadings = try Self.readings(old, release: { changed.contains($0) ? 1 : 0 })
        var readingOf: [ResourceID: Int] = [:]
        readingOf.reserveCapacity(old.count)
        for (i, document) in old.enumerated() { readingOf[document.id] = i }
        let unchanged = new.map { document in changed.contains(document.id) ? nil : readingOf[document.id] }
        let fresh = try Self.readings(zip(new, unchanged).compactMap { $1 == nil ? $0 : nil }, release: { _ in 2 })
        var newReadings: [PolicyReading] = []
        newReadings.reserveCapacity(new.count)
        var nextFresh = 0
        for index in unchanged {
            if let index {
                newReadings.append(oldReadings[index])
            } else {
                newReadings.append(fresh[nextFresh])
                nextFresh += 1
            }
        }
        let cache = RuleCache()
        let newSide = newReadings
        var (before, after) = Concurrently.both(
            { PolicyGraph(oldReadings, cache: cache) }, { PolicyGraph(newSide, cache: cache) })
        // The graphs, readings and rules are many small objects: freed while the caller goes on.
        defer { Disposal.inBackground((before, after)) }
        guard before.groups == after.groups, max(old.count, new.count) > fullEvaluationLimit else {
            // Small releases, or components came or went: evaluate both releases in full.
            let (b, a) = (before, after)
            let (oldFlows, newFlows) = try Concurrently.both(
                { () throws(InputError) in var g = b; return try g.flows(touching: nil) },
                { () throws(InputError) in var g = a; return try g.flows(touching: nil) })
            return ConnectivityDiff(old: oldFlows.sorted(), new: newFlows.sorted(),
                                    changes: FlowChange.between(old: oldFlows, new: newFlows))
        }
        // Same components: only flows from or to a component with a changed policy can differ.
        var focusSet = Set<Int>()
        for (p, reading) in newReadings.enumerated() where changed.contains(reading.id) { focusSet.insert(after.componentOfPolicy[p]) }
        for (p, reading) in oldReadings.enumerated() where changed.contains(reading.id) { focusSet.insert(before.componentOfPolicy[p]) }
        let focus = focusSet
        if let pairs = try Self.changedPairs(&before, &after, focus: focus) {
            let (b, a) = (before, after)
            let (touchedBefore, touchedAfter) = try Concurrently.both(
                { () throws(InputError) in var g = b; return try g.flows(between: pairs) },
                { () throws(InputError) in var g = a; return try g.flows(between: pairs) })
            return ConnectivityDiff(old: touchedBefore.sorted(), new: touchedAfter.sorted(),
                                    changes: FlowChange.between(old: touchedBefore, new: touchedAfter), scope: .changedRules)
        }
        let (b, a) = (before, after)
        let (touchedBefore, touchedAfter) = try Concurrently.both(
            { () throws(InputError) in var g = b; return try g.flows(touching: focus) },
            { () throws(InputError) in var g = a; return try g.flows(touching: focus) })
        return ConnectivityDiff(old: touchedBefore.sorted(), new: touchedAfter.sorted(),
                                changes: FlowChange.between(old: touchedBefore, new: touchedAfter), scope: .changedComponents)
    }

    /// The readings of `documents` (in chunks, on every core), each with its `release`; the first
    /// error in document order is thrown.
    static func readings(_ documents: [Document], release: @Sendable (ResourceID) -> Int) throws(InputError) -> [PolicyReading] {
        let size = 512
        let chunks = stride(from: 0, to: documents.count, by: size).map { $0..<min($0 + size, documents.count) }
        let read = Parallel.map(chunks.count) { c in
            Result { () throws(InputError) in
                try chunks[c].map { i throws(InputError) in try PolicyReading(documents[i], release: release(documents[i].id)) }
            }
        }
        var readings: [PolicyReading] = []
        readings.reserveCapacity(documents.count)
        for result in read { readings += try result.get() }
        return readings
    }

    /// The (source, destination) pairs whose rules differ between the releases, when every focus component
    /// is isolated both ways with rules that name their peers in both releases (then a pair whose rules
    /// are the same on both sides allows the same ports); `nil` otherwise.
    static func changedPairs(_ before: inout PolicyGraph, _ after: inout PolicyGraph, focus: Set<Int>) throws(InputError)
        -> [(PolicyGraph.Endpoint, PolicyGraph.Endpoint)]?
    {
        let (b, a) = (before, after)
        (before, after) = try Concurrently.both(
            { () throws(InputError) in var g = b; try g.resolve(focus); return g },
            { () throws(InputError) in var g = a; try g.resolve(focus); return g })
        for c in focus {
            for comp in [before.components[c], after.components[c]] {
                if !comp.isolatesIngress || !comp.isolatesEgress || comp.egressAnyone != nil || comp.ingressAnyone != nil {
                    return nil
                }
            }
        }
        struct Pair: Hashable { var from: PolicyGraph.Endpoint; var to: PolicyGraph.Endpoint }
        var pairs = Set<Pair>()
        for c in focus.sorted() {
            let me = PolicyGraph.Endpoint.component(c)
            let old = before.components[c], new = after.components[c]
            for to in Set(old.egress.keys).union(new.egress.keys) {
                if old.egress[to] != new.egress[to] || Self.isFocus(to, focus) { pairs.insert(Pair(from: me, to: to)) }
            }
            for from in Set(old.ingress.keys).union(new.ingress.keys) {
                if old.ingress[from] != new.ingress[from] || Self.isFocus(from, focus) { pairs.insert(Pair(from: from, to: me)) }
            }
        }
        return pairs.map { ($0.from, $0.to) }
    }

    private static func isFocus(_ endpoint: PolicyGraph.Endpoint, _ focus: Set<Int>) -> Bool {
        if case .component(let c) = endpoint { return focus.contains(c) }
        return false
    }

    static func componentName(_ reading: PolicyReading) -> String {
        if let id = reading.componentLabel, !id.isEmpty { return id }
        let selector = reading.podSelector
        if selector.expressions.isEmpty, selector.labels.count == 1, let label = selector.labels.first {
            return label.value
        }
        return reading.name.hasSuffix("-allow") ? String(reading.name.dropLast("-allow".count)) : reading.name
    }
}
