import GoValues
import Platform
import YAML

extension KubeSystemEgress {
    /// `true`, `dns` or `false` as a value (booleans stay booleans).
    public func toValue() -> Value {
        switch self {
        case .namespace: return .bool(true)
        case .dns: return .string("dns")
        case .none: return .bool(false)
        }
    }
}

extension ExternalPeer.Kind {
    /// `pods`, `namespace`, `namespaceLabels`, `ipBlock` or `anywhere`.
    public var name: String {
        switch self {
        case .pods: return "pods"
        case .namespace: return "namespace"
        case .namespaceLabels: return "namespaceLabels"
        case .ipBlock: return "ipBlock"
        case .anywhere: return "anywhere"
        }
    }
}

extension Endpoint {
    /// `component`, `external` or `kube-system`.
    public var kindName: String {
        switch self {
        case .component: return "component"
        case .external: return "external"
        case .kubeSystem: return "kube-system"
        }
    }
}

extension MeshSpec {
    /// The `.Mesh` object the chart templates see. Lists are in the model's deterministic order; maps are
    /// written with sorted keys by every writer.
    ///
    /// ```
    /// enabled: bool                 # defaults.networkPolicy.enabled
    /// namespace: string             # the mesh namespace (mesh.namespace or the release namespace)
    /// selectorKey: string
    /// policies:                     # one per expanded policy, in component id order
    ///   - name: vald-agent-allow
    ///     namespace: vald
    ///     component: agent          # the component id
    ///     labels: {app.kubernetes.io/component: agent}
    ///     podSelector: {matchLabels: {app: vald-agent}}
    ///     policyTypes: [Ingress, Egress]
    ///     ingress: [ ...NetworkPolicyIngressRule... ]   # [] when ingress is denied
    ///     egress: [ ...NetworkPolicyEgressRule... ]     # [] when egress is denied
    ///     spec: {podSelector, policyTypes, ingress?, egress?}   # the whole spec, ready for toYaml
    /// components:                   # in id order
    ///   - {id, name, namespace, labels, ports: [NetworkPolicyPort], policyEnabled: bool,
    ///      kubeSystem: {egress: true|dns|false, ingress: bool}}
    /// externals:                    # in id order
    ///   - {id, kind: pods|namespace|namespaceLabels|ipBlock|anywhere, ports,
    ///      namespace?, labels?, namespaceLabels?, ipBlock?}
    /// edges:                        # in (from, to) order: components, externals, kube-system
    ///   - {from, to, fromKind, toKind, ports?}          # kinds: component|external|kube-system
    /// matrix:                       # the matrix, sparse (a dense one is quadratic in components)
    ///   rows: [id]                  # sources: components, then externals that open connections
    ///   columns: [id]               # destinations: components, externals that accept, kube-system
    ///   allowed: {source id: [destination id]}   # ✅ cells; kube-system when the source has kube-system egress
    /// ```
    ///
    /// Linear in components + edges; `MatrixTable(spec:)` writes the dense Markdown table when wanted. Built from
    /// the expansion plan: each endpoint's peer, each declared port list and each rule shared by many policies is
    /// converted once, with no hashing of policy parts.
    public func templateValue() -> Value {
        templateObject().value()
    }

    /// `.Mesh` ready to be built whole or with a slice of its policies (`MeshTemplateObject`).
    ///
    /// `policiesOnly`: for templates known to read nothing of `.Mesh` but `.Mesh.policies` (the
    /// built-in chart's), the rest of it (components, externals, the matrix) is left out.
    public func templateObject(policiesOnly: Bool = false) -> MeshTemplateObject {
        if policiesOnly {
            guard policiesEnabled else { return MeshTemplateObject(base: .map(["policies": .list([])]), planned: nil) }
            let spec = inComponentIDOrder
            return MeshTemplateObject(base: .map(["policies": .list([])]), planned: (ExpansionPlan(spec: spec), spec))
        }
        guard policiesEnabled else { return MeshTemplateObject(base: templateValue(policyValues: []), planned: nil) }
        // The plan and the rest of `.Mesh` are independent: on two cores when the mesh is large.
        let spec = inComponentIDOrder
        let (plan, base) = Parallel.both(
            concurrently: components.count >= 256, { ExpansionPlan(spec: spec) }, { templateValue(policyValues: []) })
        return MeshTemplateObject(base: base, planned: (plan, spec))
    }

    func templateValue(policyValues: [Value]) -> Value {
        let componentValues: [Value] = components.map { c in
            .map([
                "id": .string(c.id),
                "name": .string(c.name),
                "namespace": .string(c.namespace),
                "labels": .map(c.labels.mapValues(Value.string)),
                "ports": .list(c.ports.map { $0.toValue() }),
                "policyEnabled": .bool(c.policyEnabled),
                "kubeSystem": .map(["egress": c.kubeSystemEgress.toValue(), "ingress": .bool(c.kubeSystemIngress)]),
            ])
        }
        let externalValues: [Value] = externals.map { e in
            var m: [String: Value] = [
                "id": .string(e.id), "kind": .string(e.kind.name), "ports": .list(e.ports.map { $0.toValue() }),
            ]
            switch e.kind {
            case .pods(let ns, let labels):
                m["namespace"] = .string(ns ?? namespace)
                m["labels"] = .map(labels.mapValues(Value.string))
            case .namespace(let ns): m["namespace"] = .string(ns)
            case .namespaceLabels(let labels): m["namespaceLabels"] = .map(labels.mapValues(Value.string))
            case .ipBlock(let block): m["ipBlock"] = block.toValue()
            case .anywhere: break
            }
            return .map(m)
        }
        let edgeValues: [Value] = edges.map { e in
            var m: [String: Value] = [
                "from": .string(e.from.id), "to": .string(e.to.id),
                "fromKind": .string(e.from.kindName), "toKind": .string(e.to.kindName),
            ]
            if let ports = e.ports { m["ports"] = .list(ports.map { $0.toValue() }) }
            return .map(m)
        }
        var allowed: [String: [Value]] = [:]
        var sourceExternals: Set<String> = []
        var destinationExternals: Set<String> = []
        for edge in edges {
            allowed[edge.from.id, default: []].append(.string(edge.to.id))
            if case .external(let id) = edge.from { sourceExternals.insert(id) }
            if case .external(let id) = edge.to { destinationExternals.insert(id) }
        }
        for c in components where c.kubeSystemEgress != .none {
            var list = allowed[c.id] ?? []
            if list.last != .string("kube-system") { list.append(.string("kube-system")) }  // an explicit edge sorts last
            allowed[c.id] = list
        }
        let componentIDs = components.map { Value.string($0.id) }
        let matrix: Value = .map([
            "rows": .list(componentIDs + externals.filter { sourceExternals.contains($0.id) }.map { .string($0.id) }),
            "columns": .list(
                componentIDs + externals.filter { destinationExternals.contains($0.id) }.map { .string($0.id) }
                    + [.string("kube-system")]),
            "allowed": .map(allowed.mapValues(Value.list)),
        ])
        return .map([
            "enabled": .bool(policiesEnabled),
            "namespace": .string(namespace),
            "selectorKey": .string(selectorKey),
            "policies": .list(policyValues),
            "components": .list(componentValues),
            "externals": .list(externalValues),
            "edges": .list(edgeValues),
            "matrix": matrix,
        ])
    }
}

/// Template values of an expansion plan's parts, each converted once.
struct PlanValues {
    let plan: ExpansionPlan
    let spec: MeshSpec
    private var peerValues: [Value?]
    private var declaredPortValues: [Value?]
    private let globalIngress: [Value]
    private let globalEgress: [Value]
    private let kubeSystemEgress: Value
    private let dns: Value
    private static let policyTypes: Value = .list([.string(PolicyType.ingress.rawValue), .string(PolicyType.egress.rawValue)])

    init(plan: ExpansionPlan, spec: MeshSpec) {
        self.plan = plan
        self.spec = spec
        peerValues = Array(repeating: nil, count: plan.peers.peers.count)
        declaredPortValues = Array(repeating: nil, count: plan.peers.peers.count)
        globalIngress = spec.customIngress.map { $0.toValue(direction: .ingress) }
        globalEgress = spec.customEgress.map { $0.toValue(direction: .egress) }
        kubeSystemEgress = PolicyRule(peers: [PeerTable.kubeSystemPeer]).toValue(direction: .egress)
        dns = PeerTable.dnsRule.toValue(direction: .egress)
    }

    /// One policy of `.Mesh.policies`, with the rules of `expand()`'s policy for the same component.
    mutating func policy(_ p: PlannedPolicy) -> Value {
        let c = spec.components[p.component]
        let ingress = p.ingress.map { rule($0, of: c, direction: .ingress) }
        let egress = p.egress.map { rule($0, of: c, direction: .egress) }
        let podSelector = LabelSelector(matchLabels: c.labels).toValue()
        var specValue: [String: Value] = ["podSelector": podSelector, "policyTypes": PlanValues.policyTypes]
        if !ingress.isEmpty { specValue["ingress"] = .list(ingress) }
        if !egress.isEmpty { specValue["egress"] = .list(egress) }
        return .map([
            "name": .string(c.name + "-allow"),
            "namespace": .string(c.namespace),
            "component": .string(c.id),
            "labels": .map([componentLabelKey: .string(c.id)]),
            "podSelector": podSelector,
            "policyTypes": PlanValues.policyTypes,
            "ingress": .list(ingress),
            "egress": .list(egress),
            "spec": .map(specValue),
        ])
    }

    private mutating func rule(_ ref: PlannedRuleRef, of c: Component, direction: PolicyType) -> Value {
        switch ref {
        case .matrix(let r):
            var m: [String: Value] = [:]
            if let ranks = r.peers { m[PolicyRule.peersKey(direction)] = .list(ranks.map { peer($0) }) }
            if let ports = r.ports { m["ports"] = portsValue(ports, declaredBy: r.portsDeclaredBy) }
            return .map(m)
        case .kubeSystemIngress(let i):
            var m: [String: Value] = [PolicyRule.peersKey(.ingress): .list([peer(plan.peers.peers.count - 1)])]
            if !c.ports.isEmpty { m["ports"] = portsValue(c.ports, declaredBy: i) }
            return .map(m)
        case .kubeSystemEgress: return kubeSystemEgress
        case .dns: return dns
        case .globalCustom(let i): return direction == .ingress ? globalIngress[i] : globalEgress[i]
        case .componentCustom(let i):
            return (direction == .ingress ? c.customIngress[i] : c.customEgress[i]).toValue(direction: direction)
        }
    }

    /// The peer of the endpoint at `rank` (kube-system is the last rank).
    private mutating func peer(_ rank: Int) -> Value {
        if let v = peerValues[rank] { return v }
        let v = plan.peers.peers[rank]!.toValue()
        peerValues[rank] = v
        return v
    }

    private mutating func portsValue(_ ports: [PolicyPort], declaredBy rank: Int?) -> Value {
        guard let rank else { return .list(ports.map { $0.toValue() }) }
        if let v = declaredPortValues[rank] { return v }
        let v = Value.list(ports.map { $0.toValue() })
        declaredPortValues[rank] = v
        return v
    }
}

/// The `.Mesh` object with its policies still to be converted: the whole object, or the object
/// with only a consecutive slice of the policies (for rendering slices concurrently; each slice
/// converts its own policies).
public struct MeshTemplateObject: Sendable {
    /// `.Mesh` with an empty `policies` list.
    let base: Value
    let planned: (plan: ExpansionPlan, spec: MeshSpec)?

    /// How many policies the object has.
    public var policyCount: Int { planned?.plan.policies.count ?? 0 }

    /// `.Mesh` with every policy.
    public func value() -> Value { value(policies: 0..<policyCount) }

    /// `.Mesh` with the policies in `range` only (everything else whole).
    public func value(policies range: Range<Int>) -> Value {
        guard let planned, case .map(var m) = base else { return base }
        var values = PlanValues(plan: planned.plan, spec: planned.spec)
        m["policies"] = .list(planned.plan.policies[range].map { values.policy($0) })
        return .map(m)
    }
}
