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
    public init() {}

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
        guard before.groups == after.groups else {
            // Components came or went: evaluate both releases in full.
            let oldFlows = try before.flows(touching: nil)
            let newFlows = try after.flows(touching: nil)
            return ConnectivityDiff(old: oldFlows.sorted(), new: newFlows.sorted(),
                                    changes: FlowChange.between(old: oldFlows, new: newFlows))
        }
        // Same components: only flows from or to a component with a changed policy can differ.
        var focus = Set<Int>()
        for (p, reading) in newReadings.enumerated() where changed.contains(reading.id) { focus.insert(after.componentOfPolicy[p]) }
        for (p, reading) in oldReadings.enumerated() where changed.contains(reading.id) { focus.insert(before.componentOfPolicy[p]) }
        let touchedBefore = try before.flows(touching: focus)
        let touchedAfter = try after.flows(touching: focus)
        return ConnectivityDiff(old: touchedBefore.sorted(), new: touchedAfter.sorted(),
                                changes: FlowChange.between(old: touchedBefore, new: touchedAfter), scope: .changedComponents)
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
