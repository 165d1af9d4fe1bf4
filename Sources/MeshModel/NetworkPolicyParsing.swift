import Diagnostics
import YAML

// Reading the NetworkPolicy model from YAML nodes, checked against the networking.k8s.io/v1 schema and
// Kubernetes' validation rules. Every error is an `InputError` at the offending node with its values path.

extension PolicyPort {
    static let fields = ["port", "endPort", "protocol"]
    static let protocols = ["TCP", "UDP", "SCTP"]

    /// One NetworkPolicyPort: `port` (1-65535 or an IANA port name), `endPort` (only with a numeric `port`,
    /// `>= port`), `protocol` (TCP, UDP or SCTP).
    public static func parse(_ node: Node, path: String) throws(InputError) -> PolicyPort {
        let m = try NodeReader.mapping(node, path: path, allowed: fields)
        var result = PolicyPort()
        if let p = NodeReader.present(m, "protocol") {
            let proto = try NodeReader.string(p, path: NodeReader.child(path, "protocol"))
            guard protocols.contains(proto) else {
                throw InputError(
                    "unsupported protocol \"\(proto)\": must be TCP, UDP or SCTP"
                        + DidYouMean.hint(for: proto.uppercased(), among: protocols),
                    at: p.mark, path: NodeReader.child(path, "protocol"))
            }
            result.protocol = proto
        }
        if let p = NodeReader.present(m, "port") {
            result.port = try parsePortNumber(p, path: NodeReader.child(path, "port"))
        }
        if let e = NodeReader.present(m, "endPort") {
            let endPath = NodeReader.child(path, "endPort")
            let end = try NodeReader.integer(e, path: endPath)
            guard case .number(let start)? = result.port else {
                throw InputError("endPort requires a numeric port", at: e.mark, path: endPath)
            }
            guard (1...65535).contains(end) else {
                throw InputError("port \(end) is out of range 1-65535", at: e.mark, path: endPath)
            }
            guard end >= start else {
                throw InputError("endPort \(end) must not be less than port \(start)", at: e.mark, path: endPath)
            }
            result.endPort = end
        }
        return result
    }

    /// A port number in 1-65535 (integral floats accepted) or a valid IANA port name.
    static func parsePortNumber(_ node: Node, path: String) throws(InputError) -> PortNumber {
        if case .string(let name) = node.kind {
            if let problem = KubernetesNames.portNameProblem(name) { throw InputError(problem, at: node.mark, path: path) }
            return .name(name)
        }
        let n: Int
        do { n = try NodeReader.integer(node, path: path) } catch {
            throw NodeReader.typeError(node, path: path, expected: "a port number or a port name")
        }
        guard (1...65535).contains(n) else { throw InputError("port \(n) is out of range 1-65535", at: node.mark, path: path) }
        return .number(n)
    }
}

extension LabelSelector {
    static let fields = ["matchLabels", "matchExpressions"]
    static let requirementFields = ["key", "operator", "values"]

    /// A LabelSelector: `matchLabels` (label keys and values checked) and `matchExpressions`
    /// (In/NotIn need values, Exists/DoesNotExist take none).
    public static func parse(_ node: Node, path: String) throws(InputError) -> LabelSelector {
        let m = try NodeReader.mapping(node, path: path, allowed: fields)
        var selector = LabelSelector()
        if let labels = NodeReader.present(m, "matchLabels") {
            selector.matchLabels = try NodeReader.labels(labels, path: NodeReader.child(path, "matchLabels"))
        }
        if let exprs = NodeReader.present(m, "matchExpressions") {
            let listPath = NodeReader.child(path, "matchExpressions")
            for (i, e) in try NodeReader.sequence(exprs, path: listPath).enumerated() {
                selector.matchExpressions.append(try parseRequirement(e, path: NodeReader.item(listPath, i)))
            }
        }
        return selector
    }

    static func parseRequirement(_ node: Node, path: String) throws(InputError) -> LabelRequirement {
        let m = try NodeReader.mapping(node, path: path, allowed: requirementFields)
        guard let keyNode = NodeReader.present(m, "key") else {
            throw InputError("missing required field \"key\"", at: node.mark, path: path)
        }
        let keyPath = NodeReader.child(path, "key")
        let key = try NodeReader.string(keyNode, path: keyPath)
        if let problem = KubernetesNames.labelKeyProblem(key) { throw InputError(problem, at: keyNode.mark, path: keyPath) }
        guard let opNode = NodeReader.present(m, "operator") else {
            throw InputError("missing required field \"operator\"", at: node.mark, path: path)
        }
        let opPath = NodeReader.child(path, "operator")
        let opText = try NodeReader.string(opNode, path: opPath)
        let names = ["In", "NotIn", "Exists", "DoesNotExist"]
        guard let op = LabelRequirement.Operator(rawValue: opText) else {
            throw InputError(
                "unknown operator \"\(opText)\": must be In, NotIn, Exists or DoesNotExist"
                    + DidYouMean.hint(for: opText, among: names), at: opNode.mark, path: opPath)
        }
        var values: [String] = []
        let valuesPath = NodeReader.child(path, "values")
        let valuesNode = NodeReader.present(m, "values")
        if let valuesNode {
            for (i, v) in try NodeReader.sequence(valuesNode, path: valuesPath).enumerated() {
                let p = NodeReader.item(valuesPath, i)
                let s = try NodeReader.string(v, path: p)
                if let problem = KubernetesNames.labelValueProblem(s) { throw InputError(problem, at: v.mark, path: p) }
                values.append(s)
            }
        }
        switch op {
        case .in, .notIn:
            if values.isEmpty {
                throw InputError("operator \(opText) needs at least one value", at: valuesNode?.mark ?? node.mark, path: valuesNode == nil ? path : valuesPath)
            }
        case .exists, .doesNotExist:
            if !values.isEmpty {
                throw InputError("operator \(opText) takes no values", at: valuesNode?.mark ?? node.mark, path: valuesPath)
            }
        }
        return LabelRequirement(key: key, operator: op, values: values)
    }
}

extension IPBlock {
    static let fields = ["cidr", "except"]

    /// An IPBlock: `cidr` a valid IPv4 or IPv6 CIDR, every `except` a CIDR of the same family inside it.
    public static func parse(_ node: Node, path: String) throws(InputError) -> IPBlock {
        let m = try NodeReader.mapping(node, path: path, allowed: fields)
        guard let cidrNode = NodeReader.present(m, "cidr") else {
            throw InputError("missing required field \"cidr\"", at: node.mark, path: path)
        }
        let cidrPath = NodeReader.child(path, "cidr")
        let cidrText = try NodeReader.string(cidrNode, path: cidrPath)
        guard let cidr = CIDR(cidrText) else {
            throw InputError("invalid CIDR \"\(cidrText)\"", at: cidrNode.mark, path: cidrPath)
        }
        var block = IPBlock(cidr: cidrText)
        if let exceptNode = NodeReader.present(m, "except") {
            let exceptPath = NodeReader.child(path, "except")
            var excepts: [String] = []
            for (i, e) in try NodeReader.sequence(exceptNode, path: exceptPath).enumerated() {
                let p = NodeReader.item(exceptPath, i)
                let text = try NodeReader.string(e, path: p)
                guard let inner = CIDR(text) else { throw InputError("invalid CIDR \"\(text)\"", at: e.mark, path: p) }
                guard cidr.contains(inner) else {
                    throw InputError("except \"\(text)\" is not inside cidr \"\(cidrText)\"", at: e.mark, path: p)
                }
                excepts.append(text)
            }
            block.except = excepts
        }
        return block
    }
}

extension PolicyPeer {
    static let fields = ["podSelector", "namespaceSelector", "ipBlock"]

    /// A NetworkPolicyPeer: `podSelector` and/or `namespaceSelector`, or `ipBlock` alone.
    public static func parse(_ node: Node, path: String) throws(InputError) -> PolicyPeer {
        let m = try NodeReader.mapping(node, path: path, allowed: fields)
        var peer = PolicyPeer()
        if let n = NodeReader.present(m, "podSelector") {
            peer.podSelector = try LabelSelector.parse(n, path: NodeReader.child(path, "podSelector"))
        }
        if let n = NodeReader.present(m, "namespaceSelector") {
            peer.namespaceSelector = try LabelSelector.parse(n, path: NodeReader.child(path, "namespaceSelector"))
        }
        if let n = NodeReader.present(m, "ipBlock") {
            let p = NodeReader.child(path, "ipBlock")
            if peer.podSelector != nil || peer.namespaceSelector != nil {
                throw InputError("ipBlock cannot be combined with podSelector or namespaceSelector", at: m.keyMarks["ipBlock"] ?? n.mark, path: p)
            }
            peer.ipBlock = try IPBlock.parse(n, path: p)
        }
        if peer.podSelector == nil && peer.namespaceSelector == nil && peer.ipBlock == nil {
            throw InputError("a peer needs podSelector, namespaceSelector or ipBlock", at: node.mark, path: path)
        }
        return peer
    }
}

extension PolicyRule {
    /// The peer list's key for a direction: `from` (ingress) or `to` (egress).
    public static func peersKey(_ direction: PolicyType) -> String { direction == .ingress ? "from" : "to" }

    /// One NetworkPolicyIngressRule (`from`, `ports`) or NetworkPolicyEgressRule (`to`, `ports`).
    /// Absent and empty lists stay distinct (`nil` vs `[]`).
    public static func parse(_ node: Node, direction: PolicyType, path: String) throws(InputError) -> PolicyRule {
        let peersKey = peersKey(direction)
        let m = try NodeReader.mapping(node, path: path, allowed: [peersKey, "ports"])
        var rule = PolicyRule()
        if let n = NodeReader.present(m, peersKey) {
            let p = NodeReader.child(path, peersKey)
            var peers: [PolicyPeer] = []
            for (i, item) in try NodeReader.sequence(n, path: p).enumerated() {
                peers.append(try PolicyPeer.parse(item, path: NodeReader.item(p, i)))
            }
            rule.peers = peers
        }
        if let n = NodeReader.present(m, "ports") {
            let p = NodeReader.child(path, "ports")
            var ports: [PolicyPort] = []
            for (i, item) in try NodeReader.sequence(n, path: p).enumerated() {
                ports.append(try PolicyPort.parse(item, path: NodeReader.item(p, i)))
            }
            rule.ports = ports
        }
        return rule
    }

    /// A list of rules of one direction (`spec.ingress`, `defaults.networkPolicy.custom.egress`, ...).
    public static func parseList(_ node: Node, direction: PolicyType, path: String) throws(InputError) -> [PolicyRule] {
        var rules: [PolicyRule] = []
        for (i, item) in try NodeReader.sequence(node, path: path).enumerated() {
            rules.append(try parse(item, direction: direction, path: NodeReader.item(path, i)))
        }
        return rules
    }
}

extension NetworkPolicy {
    static let topFields = ["apiVersion", "kind", "metadata", "spec", "status"]
    /// `metadata` fields read (`name`, `namespace`, `labels`, `annotations`) or tolerated as server-set bookkeeping.
    static let metadataFields = [
        "name", "namespace", "labels", "annotations", "generateName", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences", "finalizers",
        "managedFields",
    ]
    static let specFields = ["podSelector", "policyTypes", "ingress", "egress"]

    /// A whole NetworkPolicy manifest document (`apiVersion: networking.k8s.io/v1`, `kind: NetworkPolicy`).
    ///
    /// When `spec.policyTypes` is absent, Kubernetes' default applies: `Ingress`, plus `Egress` when the
    /// spec has an `egress` section. A missing `podSelector` is the empty selector (all pods).
    public static func parse(_ node: Node, path: String = "") throws(InputError) -> NetworkPolicy {
        let m = try NodeReader.mapping(node, path: path, allowed: topFields)
        let apiPath = NodeReader.child(path, "apiVersion")
        guard let apiNode = NodeReader.present(m, "apiVersion") else {
            throw InputError("missing required field \"apiVersion\"", at: node.mark, path: path)
        }
        let api = try NodeReader.string(apiNode, path: apiPath)
        guard api == "networking.k8s.io/v1" else {
            throw InputError("apiVersion must be networking.k8s.io/v1, not \"\(api)\"", at: apiNode.mark, path: apiPath)
        }
        let kindPath = NodeReader.child(path, "kind")
        guard let kindNode = NodeReader.present(m, "kind") else {
            throw InputError("missing required field \"kind\"", at: node.mark, path: path)
        }
        let kind = try NodeReader.string(kindNode, path: kindPath)
        guard kind == "NetworkPolicy" else {
            throw InputError("kind must be NetworkPolicy, not \"\(kind)\"", at: kindNode.mark, path: kindPath)
        }

        let metaPath = NodeReader.child(path, "metadata")
        guard let metaNode = NodeReader.present(m, "metadata") else {
            throw InputError("missing required field \"metadata\"", at: node.mark, path: path)
        }
        let meta = try NodeReader.mapping(metaNode, path: metaPath, allowed: metadataFields)
        guard let nameNode = NodeReader.present(meta, "name") else {
            throw InputError("missing required field \"name\"", at: metaNode.mark, path: metaPath)
        }
        let namePath = NodeReader.child(metaPath, "name")
        let name = try NodeReader.string(nameNode, path: namePath)
        if let problem = KubernetesNames.dns1123SubdomainProblem(name) {
            throw InputError("invalid name \"\(name)\": \(problem)", at: nameNode.mark, path: namePath)
        }
        var namespace: String?
        if let nsNode = NodeReader.present(meta, "namespace") {
            let nsPath = NodeReader.child(metaPath, "namespace")
            let ns = try NodeReader.string(nsNode, path: nsPath)
            if let problem = KubernetesNames.dns1123LabelProblem(ns) {
                throw InputError("invalid namespace \"\(ns)\": \(problem)", at: nsNode.mark, path: nsPath)
            }
            namespace = ns
        }
        var labels: [String: String] = [:]
        if let n = NodeReader.present(meta, "labels") {
            labels = try NodeReader.labels(n, path: NodeReader.child(metaPath, "labels"))
        }
        var annotations: [String: String] = [:]
        if let n = NodeReader.present(meta, "annotations") {
            let annPath = NodeReader.child(metaPath, "annotations")
            for entry in try NodeReader.stringMap(n, path: annPath) {
                if let problem = KubernetesNames.labelKeyProblem(entry.key) {
                    throw InputError(
                        problem.replacingLabelWord(), at: entry.keyMark, path: NodeReader.child(annPath, entry.key))
                }
                annotations[entry.key] = entry.value
            }
        }

        let specPath = NodeReader.child(path, "spec")
        var policy = NetworkPolicy(
            name: name, namespace: namespace, labels: labels, annotations: annotations,
            podSelector: LabelSelector(), policyTypes: [], ingress: nil, egress: nil)
        guard let specNode = NodeReader.present(m, "spec") else {
            policy.policyTypes = [.ingress]
            return policy
        }
        let spec = try NodeReader.mapping(specNode, path: specPath, allowed: specFields)
        if let n = NodeReader.present(spec, "podSelector") {
            policy.podSelector = try LabelSelector.parse(n, path: NodeReader.child(specPath, "podSelector"))
        }
        if let n = NodeReader.present(spec, "ingress") {
            policy.ingress = try PolicyRule.parseList(n, direction: .ingress, path: NodeReader.child(specPath, "ingress"))
        }
        if let n = NodeReader.present(spec, "egress") {
            policy.egress = try PolicyRule.parseList(n, direction: .egress, path: NodeReader.child(specPath, "egress"))
        }
        if let n = NodeReader.present(spec, "policyTypes") {
            let typesPath = NodeReader.child(specPath, "policyTypes")
            for (i, item) in try NodeReader.sequence(n, path: typesPath).enumerated() {
                let p = NodeReader.item(typesPath, i)
                let text = try NodeReader.string(item, path: p)
                guard let type = PolicyType(rawValue: text) else {
                    throw InputError(
                        "unknown policy type \"\(text)\": must be Ingress or Egress"
                            + DidYouMean.hint(for: text, among: ["Ingress", "Egress"]), at: item.mark, path: p)
                }
                if policy.policyTypes.contains(type) {
                    throw InputError("duplicate policy type \"\(text)\"", at: item.mark, path: p)
                }
                policy.policyTypes.append(type)
            }
        } else {
            // The API's default: Egress only when there are egress rules (an empty list isolates nothing).
            policy.policyTypes = (policy.egress ?? []).isEmpty ? [.ingress] : [.ingress, .egress]
        }
        return policy
    }
}

extension String {
    /// "invalid label key" → "invalid annotation key" for annotation messages.
    fileprivate func replacingLabelWord() -> String {
        guard hasPrefix("invalid label key") else { return self }
        return "invalid annotation key" + dropFirst("invalid label key".count)
    }
}
