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
        var oldReadings: [PolicyReading] = []
        oldReadings.reserveCapacity(old.count)
        var readingOf: [ResourceID: Int] = [:]
        for document in old {
            readingOf[document.id] = oldReadings.count
            var reading = try PolicyReading(document)
            if changed.contains(document.id) { reading.release = 1 }
            oldReadings.append(reading)
        }
        var newReadings: [PolicyReading] = []
        newReadings.reserveCapacity(new.count)
        for document in new {
            if !changed.contains(document.id), let index = readingOf[document.id] {
                newReadings.append(oldReadings[index])
            } else {
                var reading = try PolicyReading(document)
                reading.release = 2
                newReadings.append(reading)
            }
        }
        let cache = RuleCache()
        var before = PolicyGraph(oldReadings, cache: cache)
        var after = PolicyGraph(newReadings, cache: cache)
        guard before.groups == after.groups, max(old.count, new.count) > fullEvaluationLimit else {
            // Small releases, or components came or went: evaluate both releases in full.
            let oldFlows = try before.flows(touching: nil)
            let newFlows = try after.flows(touching: nil)
            return ConnectivityDiff(old: oldFlows.sorted(), new: newFlows.sorted(),
                                    changes: FlowChange.between(old: oldFlows, new: newFlows))
        }
        // Same components: only flows from or to a component with a changed policy can differ.
        var focus = Set<Int>()
        for (p, reading) in newReadings.enumerated() where changed.contains(reading.id) { focus.insert(after.componentOfPolicy[p]) }
        for (p, reading) in oldReadings.enumerated() where changed.contains(reading.id) { focus.insert(before.componentOfPolicy[p]) }
        if let pairs = try Self.changedPairs(&before, &after, focus: focus) {
            var touchedBefore: Set<Flow> = []
            var touchedAfter: Set<Flow> = []
            for (from, to) in pairs {
                try before.prepare(from, to)
                try after.prepare(from, to)
                before.add(from, to, into: &touchedBefore)
                after.add(from, to, into: &touchedAfter)
            }
            return ConnectivityDiff(old: touchedBefore.sorted(), new: touchedAfter.sorted(),
                                    changes: FlowChange.between(old: touchedBefore, new: touchedAfter), scope: .changedRules)
        }
        let touchedBefore = try before.flows(touching: focus)
        let touchedAfter = try after.flows(touching: focus)
        return ConnectivityDiff(old: touchedBefore.sorted(), new: touchedAfter.sorted(),
                                changes: FlowChange.between(old: touchedBefore, new: touchedAfter), scope: .changedComponents)
    }

    /// The (source, destination) pairs whose rules differ between the releases, when every focus component
    /// is isolated both ways with rules that name their peers in both releases (then a pair whose rules
    /// are the same on both sides allows the same ports); `nil` otherwise.
    static func changedPairs(_ before: inout PolicyGraph, _ after: inout PolicyGraph, focus: Set<Int>) throws(InputError)
        -> [(PolicyGraph.Endpoint, PolicyGraph.Endpoint)]?
    {
        for c in focus {
            try before.resolveEgress(c)
            try before.resolveIngress(c)
            try after.resolveEgress(c)
            try after.resolveIngress(c)
            for graph in [before, after] {
                let comp = graph.components[c]
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
        if selector.expressions.isEmpty, selector.labels.count == 1, let value = selector.labels.values.first {
            return value
        }
        return reading.name.hasSuffix("-allow") ? String(reading.name.dropLast("-allow".count)) : reading.name
    }
}
