/// The typed Kubernetes NetworkPolicy model (networking.k8s.io/v1), as far as meshrender reads and writes it.
///
/// Optional arrays keep the difference between "absent" and "empty" so that user rules render as written
/// (`- {}` stays `- {}`); semantically both mean "everything".

/// `port` of a NetworkPolicyPort: a number or an IANA service name.
public enum PortNumber: Hashable, Sendable, Comparable {
    case number(Int)
    case name(String)
}

/// One entry of a rule's `ports`.
public struct PolicyPort: Hashable, Sendable {
    /// `TCP`, `UDP` or `SCTP`; `nil` when not written (means TCP).
    public var `protocol`: String?
    /// `nil` means every port of the protocol.
    public var port: PortNumber?
    public var endPort: Int?

    public init(protocol: String? = nil, port: PortNumber? = nil, endPort: Int? = nil) {
        self.protocol = `protocol`
        self.port = port
        self.endPort = endPort
    }

    /// The protocol with Kubernetes' default applied.
    public var effectiveProtocol: String { `protocol` ?? "TCP" }
}

/// `matchExpressions` entry.
public struct LabelRequirement: Hashable, Sendable {
    public enum Operator: String, Hashable, Sendable { case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist" }
    public var key: String
    public var `operator`: Operator
    public var values: [String]

    public init(key: String, operator: Operator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }
}

/// A Kubernetes label selector. An empty selector selects everything.
public struct LabelSelector: Hashable, Sendable {
    /// Label pairs in key order (sorted by key, as Kubernetes serialises maps).
    public var matchLabels: [String: String]
    public var matchExpressions: [LabelRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Hashes the label pairs with one cheap order-independent digest instead of one seeded hasher per pair (what
    /// hashing a `Dictionary` costs): selectors are hashed by the million when a release's policies are read.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(labelsDigest)
        hasher.combine(matchExpressions)
    }

    /// A 64-bit digest of `matchLabels`, whatever their order: equal label maps have equal digests.
    public var labelsDigest: UInt64 {
        var digest = UInt64(matchLabels.count)
        for (key, value) in matchLabels {
            digest &+= Self.digest(key) &* 0x9E37_79B9_7F4A_7C15 ^ Self.digest(value)
        }
        return digest
    }

    /// Equal label pairs and expressions; a one-label selector (most are) compares its pair without hashing.
    public static func == (a: LabelSelector, b: LabelSelector) -> Bool {
        guard a.matchLabels.count == b.matchLabels.count, a.matchExpressions == b.matchExpressions else { return false }
        if a.matchLabels.count == 1, let x = a.matchLabels.first, let y = b.matchLabels.first {
            return x.key == y.key && x.value == y.value
        }
        return a.matchLabels == b.matchLabels
    }

    /// FNV-1a of the text's UTF-8 bytes, finished with a multiply-shift mix.
    private static func digest(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            h ^= h >> 32
            return h &* 0xD6E8_FEB8_6659_FD93
        }
    }
}

public struct IPBlock: Hashable, Sendable {
    public var cidr: String
    public var except: [String]?

    public init(cidr: String, except: [String]? = nil) {
        self.cidr = cidr
        self.except = except
    }
}

/// A peer of a rule: pods by selector (in the policy's namespace unless `namespaceSelector` is set),
/// namespaces, both (AND), or an IP block.
public struct PolicyPeer: Hashable, Sendable {
    public var podSelector: LabelSelector?
    public var namespaceSelector: LabelSelector?
    public var ipBlock: IPBlock?

    public init(podSelector: LabelSelector? = nil, namespaceSelector: LabelSelector? = nil, ipBlock: IPBlock? = nil) {
        self.podSelector = podSelector
        self.namespaceSelector = namespaceSelector
        self.ipBlock = ipBlock
    }
}

/// An ingress rule (`from` peers) or egress rule (`to` peers). `peers == nil` or empty: any peer;
/// `ports == nil` or empty: any port.
public struct PolicyRule: Hashable, Sendable {
    public var peers: [PolicyPeer]?
    public var ports: [PolicyPort]?

    public init(peers: [PolicyPeer]? = nil, ports: [PolicyPort]? = nil) {
        self.peers = peers
        self.ports = ports
    }
}

public enum PolicyType: String, Hashable, Sendable, Comparable {
    case ingress = "Ingress"
    case egress = "Egress"

    public static func < (a: PolicyType, b: PolicyType) -> Bool { a == .ingress && b == .egress }
}

/// A NetworkPolicy resource.
public struct NetworkPolicy: Hashable, Sendable {
    public var name: String
    /// `nil` when a manifest does not set it (then the release namespace applies).
    public var namespace: String?
    public var labels: [String: String]
    public var annotations: [String: String]
    public var podSelector: LabelSelector
    public var policyTypes: [PolicyType]
    /// `nil` when the manifest has no `ingress` key.
    public var ingress: [PolicyRule]?
    public var egress: [PolicyRule]?

    public init(
        name: String, namespace: String?, labels: [String: String] = [:], annotations: [String: String] = [:],
        podSelector: LabelSelector, policyTypes: [PolicyType], ingress: [PolicyRule]?, egress: [PolicyRule]?
    ) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.podSelector = podSelector
        self.policyTypes = policyTypes
        self.ingress = ingress
        self.egress = egress
    }
}
