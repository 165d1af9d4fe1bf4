import FoundationEssentials
import YAMLCore

/// Components (the pod groups policies select) and what their policies allow, resolved lazily per
/// component so that re-evaluating a few components costs only their rules and their neighbours'.
struct PolicyGraph {
    enum Endpoint: Hashable {
        case component(Int)
        case external(String)
    }

    /// A component's identity: namespace, selector and name.
    struct Group: Hashable {
        var namespace: String
        var selector: PolicyReading.Selector
        var name: String
    }

    struct Component {
        var name: String
        var namespace: String
        var labels: Labels
        /// Indices of the policies selecting this component.
        var policies: [Int] = []
        var isolatesIngress = false
        var isolatesEgress = false
        var egressResolved = false
        var ingressResolved = false
        /// Destination → ports this component's egress allows; `egressAnyone`: rules without peers.
        var egress: [Endpoint: RulePorts] = [:]
        var egressAnyone: RulePorts? = nil
        var ingress: [Endpoint: RulePorts] = [:]
        var ingressAnyone: RulePorts? = nil
    }

    let readings: [PolicyReading]
    /// Rules read so far, shared between the graphs of two releases.
    let cache: RuleCache
    private(set) var components: [Component] = []
    private(set) var groups: [Group] = []
    private(set) var componentOfPolicy: [Int] = []
    private let index: ComponentIndex

    init(_ readings: [PolicyReading], cache: RuleCache = RuleCache()) {
        self.readings = readings
        self.cache = cache
        struct Key: Hashable { var namespace: String; var selector: PolicyReading.Selector }
        var componentOf: [Key: Int] = [:]
        var components: [Component] = []
        var groups: [Group] = []
        var componentOfPolicy: [Int] = []
        componentOfPolicy.reserveCapacity(readings.count)
        for (p, reading) in readings.enumerated() {
            let key = Key(namespace: reading.namespace, selector: reading.podSelector)
            let c: Int
            if let existing = componentOf[key] {
                c = existing
            } else {
                c = components.count
                componentOf[key] = c
                let name = SelectorConnectivity.componentName(reading)
                components.append(Component(name: name, namespace: reading.namespace, labels: reading.podSelector.labels))
                groups.append(Group(namespace: reading.namespace, selector: reading.podSelector, name: name))
            }
            componentOfPolicy.append(c)
            components[c].policies.append(p)
            if reading.isolatesIngress { components[c].isolatesIngress = true }
            if reading.isolatesEgress { components[c].isolatesEgress = true }
        }
        self.components = components
        self.groups = groups
        self.componentOfPolicy = componentOfPolicy
        self.index = ComponentIndex(components)
    }

    /// Fills a component's egress map from its policies' egress rules.
    mutating func resolveEgress(_ c: Int) throws(InputError) {
        if components[c].egressResolved { return }
        var component = components[c]
        component.egressResolved = true
        for p in component.policies where readings[p].isolatesEgress {
            let reading = readings[p]
            for rule in try cache.rules(of: reading, p, .egress) {
                guard let peers = rule.peers else {
                    component.egressAnyone = (component.egressAnyone ?? .ports([])).union(rule.ports)
                    continue
                }
                for peer in peers {
                    for endpoint in index.endpoints(of: peer, policyNamespace: reading.namespace) {
                        component.egress[endpoint] = (component.egress[endpoint] ?? .ports([])).union(rule.ports)
                    }
                }
            }
        }
        components[c] = component
    }

    /// Fills a component's ingress map from its policies' ingress rules.
    mutating func resolveIngress(_ c: Int) throws(InputError) {
        if components[c].ingressResolved { return }
        var component = components[c]
        component.ingressResolved = true
        for p in component.policies where readings[p].isolatesIngress {
            let reading = readings[p]
            for rule in try cache.rules(of: reading, p, .ingress) {
                guard let peers = rule.peers else {
                    component.ingressAnyone = (component.ingressAnyone ?? .ports([])).union(rule.ports)
                    continue
                }
                for peer in peers {
                    for endpoint in index.endpoints(of: peer, policyNamespace: reading.namespace) {
                        component.ingress[endpoint] = (component.ingress[endpoint] ?? .ports([])).union(rule.ports)
                    }
                }
            }
        }
        components[c] = component
    }

    /// Resolves both directions of `components`.
    mutating func resolve(_ components: Set<Int>) throws(InputError) {
        for c in components.sorted() {
            try resolveEgress(c)
            try resolveIngress(c)
        }
    }

    /// The flows between each pair (resolving what they need).
    mutating func flows(between pairs: [(Endpoint, Endpoint)]) throws(InputError) -> Set<Flow> {
        var flows: Set<Flow> = []
        for (from, to) in pairs {
            try prepare(from, to)
            add(from, to, into: &flows)
        }
        return flows
    }

    private mutating func resolveAll() throws(InputError) {
        for c in components.indices {
            try resolveEgress(c)
            try resolveIngress(c)
        }
    }

    /// Every flow (`touching == nil`), or at least every flow from or to one of the `touching` components.
    mutating func flows(touching: Set<Int>?) throws(InputError) -> Set<Flow> {
        var result: Set<Flow> = []
        guard let touching else {
            try resolveAll()
            for c in components.indices { collect(around: c, into: &result) }
            return result
        }
        for c in touching {
            try resolveEgress(c)
            try resolveIngress(c)
        }
        // A focus component that is not isolated in a direction, or has rules without peers, is reached by
        // (or reaches) components it does not name: then every rule must be resolved.
        let needsAll = touching.contains { c in
            let comp = components[c]
            return !comp.isolatesIngress || !comp.isolatesEgress || comp.egressAnyone != nil || comp.ingressAnyone != nil
        }
        if needsAll {
            try resolveAll()
            for c in components.indices { collect(around: c, into: &result) }
            let names = Set(touching.map { components[$0].name })
            return result.filter { names.contains($0.from) || names.contains($0.to) }
        }
        for c in touching.sorted() {
            // Only the neighbours' other side matters: destinations' ingress, sources' egress.
            for case .component(let n) in components[c].egress.keys { try resolveIngress(n) }
            for case .component(let n) in components[c].ingress.keys { try resolveEgress(n) }
            collect(around: c, into: &result)
        }
        return result
    }

    /// The flows a resolved component's own rules name, in both directions (destinations' ingress and
    /// sources' egress must be resolved).
    private func collect(around c: Int, into flows: inout Set<Flow>) {
        let me = Endpoint.component(c)
        let component = components[c]
        for to in component.egress.keys { add(me, to, into: &flows) }
        for from in component.ingress.keys { add(from, me, into: &flows) }
        if let ports = component.egressAnyone, component.isolatesEgress {
            for port in ports.labels { flows.insert(Flow(from: component.name, to: "*", port: port)) }
        }
        if let ports = component.ingressAnyone, component.isolatesIngress {
            for port in ports.labels { flows.insert(Flow(from: "*", to: component.name, port: port)) }
        }
    }

    private func name(_ e: Endpoint) -> String {
        switch e {
        case .component(let i): return components[i].name
        case .external(let n): return n
        }
    }

    private func egressPorts(_ from: Endpoint, _ to: Endpoint) -> RulePorts? {
        guard case .component(let i) = from, components[i].isolatesEgress else { return .any }
        let c = components[i]
        switch (c.egress[to], c.egressAnyone) {
        case (let a?, let b?): return a.union(b)
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return nil
        }
    }

    private func ingressPorts(_ from: Endpoint, _ to: Endpoint) -> RulePorts? {
        guard case .component(let j) = to, components[j].isolatesIngress else { return .any }
        let c = components[j]
        switch (c.ingress[from], c.ingressAnyone) {
        case (let a?, let b?): return a.union(b)
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return nil
        }
    }

    /// Resolves what `add(from, to)` reads: the source's egress and the destination's ingress.
    mutating func prepare(_ from: Endpoint, _ to: Endpoint) throws(InputError) {
        if case .component(let c) = from { try resolveEgress(c) }
        if case .component(let c) = to { try resolveIngress(c) }
    }

    /// The flows from `from` to `to` (the source's egress and the destination's ingress resolved).
    func add(_ from: Endpoint, _ to: Endpoint, into flows: inout Set<Flow>) {
        if from == to { return }
        guard let e = egressPorts(from, to), let i = ingressPorts(from, to) else { return }
        for port in e.intersection(i).labels {
            flows.insert(Flow(from: name(from), to: name(to), port: port))
        }
    }
}

/// Finds the components a peer selects through namespace and label indexes.
struct ComponentIndex {
    struct LabelPair: Hashable {
        var key: String
        var value: String
    }

    let components: [PolicyGraph.Component]
    var byNamespace: [String: [Int]] = [:]
    var byLabel: [LabelPair: [Int]] = [:]

    init(_ components: [PolicyGraph.Component]) {
        self.components = components
        for (i, c) in components.enumerated() {
            byNamespace[c.namespace, default: []].append(i)
            for label in c.labels { byLabel[LabelPair(key: label.key, value: label.value), default: []].append(i) }
        }
    }

    static let namespaceNameLabel = "kubernetes.io/metadata.name"

    func endpoints(of peer: PolicyReading.Peer, policyNamespace: String) -> [PolicyGraph.Endpoint] {
        if let block = peer.ipBlock { return [.external(block)] }
        // The namespace the peer covers: nil = every namespace.
        var namespace: String? = policyNamespace
        if let ns = peer.namespaceSelector {
            if ns.isEmpty {
                namespace = nil
            } else if ns.expressions.isEmpty, ns.labels.count == 1, let name = ns.labels[Self.namespaceNameLabel] {
                namespace = name
            } else {
                // Namespaces chosen by labels other than their name: not resolvable to components.
                let text = "namespaces{\(ns.text)}"
                if let pod = peer.podSelector, !pod.isEmpty { return [.external("\(text)/\(pod.text)")] }
                return [.external(text)]
            }
        }
        let podSelector = peer.podSelector ?? PolicyReading.Selector(labels: [:], expressions: [])
        let candidates: [Int]
        if let label = podSelector.labels.first {
            candidates = byLabel[LabelPair(key: label.key, value: label.value)] ?? []
        } else if let namespace {
            candidates = byNamespace[namespace] ?? []
        } else {
            candidates = Array(components.indices)
        }
        var matched: [PolicyGraph.Endpoint] = []
        for i in candidates where (namespace == nil || components[i].namespace == namespace)
            && podSelector.matches(components[i].labels)
        {
            matched.append(.component(i))
        }
        if !matched.isEmpty { return matched }
        let namespaceText = namespace ?? "all namespaces"
        return [.external(podSelector.isEmpty ? namespaceText : "\(namespaceText)/\(podSelector.text)")]
    }
}

/// Rules read from policies, by policy identity and release: a policy unchanged between the releases is
/// read once for both.
final class RuleCache: @unchecked Sendable {
    struct Key: Hashable {
        var id: ResourceID
        /// 0 for policies identical in both releases; otherwise which release the reading belongs to.
        var release: Int
        var ingress: Bool
    }

    /// Guards `rules`: the graphs of both releases read through one cache at the same time.
    private let lock = Lock()
    private var rules: [Key: [PolicyReading.Rule]] = [:]

    func rules(of reading: PolicyReading, _ index: Int, _ direction: PolicyReading.Direction) throws(InputError)
        -> [PolicyReading.Rule]
    {
        let key = Key(id: reading.id, release: reading.release, ingress: direction == .ingress)
        lock.lock()
        let known = rules[key]
        lock.unlock()
        if let known { return known }
        let read = try reading.rules(direction)
        lock.lock()
        rules[key] = read
        lock.unlock()
        return read
    }
}
