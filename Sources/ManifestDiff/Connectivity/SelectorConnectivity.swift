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
/// Work is linear in the number of (rule peer, matched component) pairs: peers resolve through
/// label and namespace indexes, never by scanning every pair of components.
public struct SelectorConnectivity: ConnectivityAnalyzer {
    public init() {}

    enum Endpoint: Hashable {
        case component(Int)
        case external(String)
    }

    struct Component {
        var name: String
        var namespace: String
        var labels: [String: String]
        var isolatesIngress = false
        var isolatesEgress = false
        /// Destination → ports this component's egress allows; `egressAnyone`: rules without peers.
        var egress: [Endpoint: PortSet] = [:]
        var egressAnyone: PortSet? = nil
        var ingress: [Endpoint: PortSet] = [:]
        var ingressAnyone: PortSet? = nil
    }

    public func flows(of policies: [Document]) throws(InputError) -> Set<Flow> {
        var readings: [PolicyReading] = []
        readings.reserveCapacity(policies.count)
        for document in policies { readings.append(try PolicyReading(document)) }

        // Components: one per (namespace, pod selector).
        struct GroupKey: Hashable { var namespace: String; var selector: PolicyReading.Selector }
        var components: [Component] = []
        var componentOf: [GroupKey: Int] = [:]
        var policyComponent: [Int] = []
        for reading in readings {
            let key = GroupKey(namespace: reading.namespace, selector: reading.podSelector)
            if let index = componentOf[key] {
                policyComponent.append(index)
                continue
            }
            componentOf[key] = components.count
            policyComponent.append(components.count)
            components.append(Component(name: Self.componentName(reading), namespace: reading.namespace,
                                        labels: reading.podSelector.labels))
        }
        let index = ComponentIndex(components)

        for (p, reading) in readings.enumerated() {
            let c = policyComponent[p]
            if reading.isolatesEgress {
                components[c].isolatesEgress = true
                for rule in reading.egress {
                    guard let peers = rule.peers else {
                        components[c].egressAnyone = (components[c].egressAnyone ?? .ports([])).union(rule.ports)
                        continue
                    }
                    for peer in peers {
                        for endpoint in index.endpoints(of: peer, policyNamespace: reading.namespace) {
                            components[c].egress[endpoint] = (components[c].egress[endpoint] ?? .ports([])).union(rule.ports)
                        }
                    }
                }
            }
            if reading.isolatesIngress {
                components[c].isolatesIngress = true
                for rule in reading.ingress {
                    guard let peers = rule.peers else {
                        components[c].ingressAnyone = (components[c].ingressAnyone ?? .ports([])).union(rule.ports)
                        continue
                    }
                    for peer in peers {
                        for endpoint in index.endpoints(of: peer, policyNamespace: reading.namespace) {
                            components[c].ingress[endpoint] = (components[c].ingress[endpoint] ?? .ports([])).union(rule.ports)
                        }
                    }
                }
            }
        }

        var flows: Set<Flow> = []
        func name(_ e: Endpoint) -> String {
            switch e {
            case .component(let i): return components[i].name
            case .external(let n): return n
            }
        }
        func egressPorts(_ from: Endpoint, _ to: Endpoint) -> PortSet? {
            guard case .component(let i) = from, components[i].isolatesEgress else { return .any }
            let c = components[i]
            switch (c.egress[to], c.egressAnyone) {
            case (let a?, let b?): return a.union(b)
            case (let a?, nil): return a
            case (nil, let b?): return b
            case (nil, nil): return nil
            }
        }
        func ingressPorts(_ from: Endpoint, _ to: Endpoint) -> PortSet? {
            guard case .component(let j) = to, components[j].isolatesIngress else { return .any }
            let c = components[j]
            switch (c.ingress[from], c.ingressAnyone) {
            case (let a?, let b?): return a.union(b)
            case (let a?, nil): return a
            case (nil, let b?): return b
            case (nil, nil): return nil
            }
        }
        func add(_ from: Endpoint, _ to: Endpoint) {
            if from == to { return }
            guard let e = egressPorts(from, to), let i = ingressPorts(from, to) else { return }
            let effective = e.intersection(i)
            for port in effective.labels {
                flows.insert(Flow(from: name(from), to: name(to), port: port))
            }
        }
        for (i, c) in components.enumerated() {
            let me = Endpoint.component(i)
            for to in c.egress.keys { add(me, to) }
            for from in c.ingress.keys { add(from, me) }
            if let ports = c.egressAnyone, c.isolatesEgress {
                for port in ports.labels { flows.insert(Flow(from: c.name, to: "*", port: port)) }
            }
            if let ports = c.ingressAnyone, c.isolatesIngress {
                for port in ports.labels { flows.insert(Flow(from: "*", to: c.name, port: port)) }
            }
        }
        return flows
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

/// Finds the components a peer selects through namespace and label indexes.
struct ComponentIndex {
    let components: [SelectorConnectivity.Component]
    var byNamespace: [String: [Int]] = [:]
    var byLabel: [String: [Int]] = [:]

    init(_ components: [SelectorConnectivity.Component]) {
        self.components = components
        for (i, c) in components.enumerated() {
            byNamespace[c.namespace, default: []].append(i)
            for (k, v) in c.labels { byLabel["\(k)=\(v)", default: []].append(i) }
        }
    }

    static let namespaceNameLabel = "kubernetes.io/metadata.name"

    func endpoints(of peer: PolicyReading.Peer, policyNamespace: String) -> [SelectorConnectivity.Endpoint] {
        if let block = peer.ipBlock { return [.external(block)] }
        // Namespaces the peer covers: nil = every namespace.
        var namespaces: [String]? = [policyNamespace]
        var namespaceText = policyNamespace
        if let ns = peer.namespaceSelector {
            if ns.isEmpty {
                namespaces = nil
                namespaceText = "all namespaces"
            } else if ns.expressions.isEmpty, ns.labels.count == 1, let name = ns.labels[Self.namespaceNameLabel] {
                namespaces = [name]
                namespaceText = name
            } else {
                // Namespaces chosen by labels other than their name: not resolvable to components.
                let text = "namespaces{\(ns.text)}"
                if let pod = peer.podSelector, !pod.isEmpty { return [.external("\(text)/\(pod.text)")] }
                return [.external(text)]
            }
        }
        let podSelector = peer.podSelector ?? PolicyReading.Selector(labels: [:], expressions: [])
        var candidates: [Int]
        if let (k, v) = podSelector.labels.min(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            candidates = byLabel["\(k)=\(v)"] ?? []
        } else if let namespaces {
            candidates = namespaces.flatMap { byNamespace[$0] ?? [] }
        } else {
            candidates = Array(components.indices)
        }
        let matched = candidates.filter { i in
            (namespaces?.contains(components[i].namespace) ?? true) && podSelector.matches(components[i].labels)
        }
        if !matched.isEmpty { return matched.map { .component($0) } }
        return [.external(podSelector.isEmpty ? namespaceText : "\(namespaceText)/\(podSelector.text)")]
    }
}
