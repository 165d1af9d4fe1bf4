import TestSupport

/// Synthetic releases for the benchmark: a mesh of `components` components, each opening connections to
/// `degree` others, rendered as the least-privilege policies the expansion writes (one per component, ingress
/// from its sources, egress to its destinations and kube-system).
struct MeshManifests {
    var components: Int
    var degree: Int
    /// edges[i] = destinations of component i (sorted).
    var edges: [[Int]]

    init(components: Int, degree: Int, seed: UInt64 = 42) {
        self.components = components
        self.degree = degree
        var rng = SplitMix(seed: seed)
        edges = (0..<components).map { source in
            var set = Set<Int>()
            while set.count < degree {
                let d = Int(rng.next() % UInt64(components))
                if d != source { set.insert(d) }
            }
            return set.sorted()
        }
    }

    /// A copy with `fraction` of the edges re-pointed to other destinations (deterministic).
    func perturbed(fraction: Double, seed: UInt64 = 7) -> MeshManifests {
        var copy = self
        var rng = SplitMix(seed: seed)
        let count = max(1, Int(Double(components * degree) * fraction))
        var changed = 0
        while changed < count {
            let source = Int(rng.next() % UInt64(components))
            let slot = Int(rng.next() % UInt64(degree))
            let target = Int(rng.next() % UInt64(components))
            guard target != source, !copy.edges[source].contains(target) else { continue }
            copy.edges[source][slot] = target
            copy.edges[source].sort()
            changed += 1
        }
        return copy
    }

    static func id(_ i: Int) -> String { "c\(i)" }

    func render(namespace: String = "bench") -> String {
        var sources = Array(repeating: [Int](), count: components)
        for (s, ds) in edges.enumerated() { for d in ds { sources[d].append(s) } }
        var out = ""
        out.reserveCapacity(components * 2400)
        func peer(_ i: Int, indent: String) {
            out += "\(indent)- namespaceSelector:\n\(indent)    matchLabels:\n\(indent)      kubernetes.io/metadata.name: \(namespace)\n"
            out += "\(indent)  podSelector:\n\(indent)    matchLabels:\n\(indent)      app: \(Self.id(i))\n"
        }
        for c in 0..<components {
            let id = Self.id(c)
            out += "---\n# Source: mesh/templates/networkpolicy.yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
            out += "metadata:\n  name: \(id)-allow\n  namespace: \(namespace)\n  labels:\n    app.kubernetes.io/component: \(id)\n"
            out += "spec:\n  podSelector:\n    matchLabels:\n      app: \(id)\n  policyTypes:\n  - Ingress\n  - Egress\n"
            if !sources[c].isEmpty {
                out += "  ingress:\n  - from:\n"
                for s in sources[c].sorted() { peer(s, indent: "    ") }
            }
            out += "  egress:\n"
            if !edges[c].isEmpty {
                out += "  - to:\n"
                for d in edges[c] { peer(d, indent: "    ") }
            }
            out += "  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n"
        }
        return out
    }
}

/// The tests' seeded generator.
typealias SplitMix = SplitMix64
