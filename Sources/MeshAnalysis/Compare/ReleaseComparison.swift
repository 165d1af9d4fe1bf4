import MeshModel
import Platform

/// The effective connectivity of two releases over one inventory — the union of both releases' endpoints — and
/// what changed between them, pair by pair with port arithmetic.
///
/// An endpoint that exists in only one release (a workload or component added or removed) has no flows in the
/// other: removing a component whole closes its flows, adding one opens them. A policy deleted, disabled, stripped of
/// a type or moved off its pods un-isolates them, which opens flows.
public struct ReleaseComparison: Sendable {
    /// One ordered endpoint pair whose connectivity differs.
    public struct Change: Hashable, Sendable {
        public var from: String
        public var to: String
        /// Ports only the new release allows (a widening when not empty).
        public var opened: PortSet
        /// Ports only the old release allows.
        public var closed: PortSet
    }

    public let inventory: Inventory
    /// The flows each release allows (indices into `inventory.endpoints`), ordered by source, then destination.
    public let old: [AllowedFlow]
    public let new: [AllowedFlow]
    /// Every pair that differs, by source, then destination name (bytewise), up to the listing limit: the first
    /// `maxListedFlows` opened-or-closed flows (a pair's opened ports before its closed ones).
    public let changes: [Change]
    /// The opened and closed flows past the listing limit, counted only.
    public let omitted: Omitted

    /// Compares two releases: their manifests' objects (policies, workloads, namespaces) and, when they were rendered
    /// from values, their meshes. Objects without a namespace belong to `defaultNamespace`.
    ///
    /// Without `listsFlows`, `old` and `new` stay empty and only the pairs a difference can reach are evaluated (see
    /// `changedPairs`); `changes` is the same either way. Without `listsFlows` and with unique endpoint names, the
    /// changes are evaluated a source row at a time and those past `maxListedFlows` only counted (`omitted`): memory
    /// stays linear in the endpoints when a release opens every pair.
    public init(
        old: ManifestObjects, new: ManifestObjects, oldMesh: MeshSpec? = nil, newMesh: MeshSpec? = nil,
        defaultNamespace: String, listsFlows: Bool = true, maxListedFlows: Int = .max,
        rowWalkAbove pairBound: Int = ReleaseComparison.listedPairBound
    ) {
        var builder = InventoryBuilder(defaultNamespace: defaultNamespace)
        if let oldMesh { builder.add(mesh: oldMesh, releases: .old) }
        if let newMesh { builder.add(mesh: newMesh, releases: .new) }
        builder.add(old, releases: .old)
        builder.add(new, releases: .new)
        // The inventory is built while the policies are paired.
        let added = builder
        let (inventory, (sharedPolicies, onlyOld, onlyNew)) = Parallel.both(
            { added.build() }, { Self.pairedPolicies(old: old.policies, new: new.policies, defaultNamespace: defaultNamespace) })
        let matcher = PeerMatcher(groups: inventory.groups)
        let focus = listsFlows ? nil : Self.changedPairs(onlyOld + onlyNew, inventory: inventory, matcher: matcher)
        var shared = ConnectivityMap(inventory: inventory)
        if focus?.isEmpty != true {
            shared.applyMatchingInParallel(sharedPolicies, focus: focus)
        }
        var oldMap = shared, newMap = shared
        oldMap.apply(onlyOld, matcher: matcher, focus: focus)
        newMap.apply(onlyNew, matcher: matcher, focus: focus)
        let (oldFinal, newFinal) = (oldMap, newMap)
        self.inventory = inventory
        // Few pairs to visit (a release that changes some policies): both releases' focused flows are listed, on both
        // cores. Many (a release that opens or closes whole namespaces): the changes are walked a row at a time.
        if let focus,
            max(oldFinal.focusedPairBound(focus), newFinal.focusedPairBound(focus)) > pairBound,
            Set(inventory.endpoints.map(\.name)).count == inventory.endpoints.count
        {
            self.old = []
            self.new = []
            (changes, omitted) = Self.streamedChanges(
                old: oldFinal, new: newFinal, focus: focus, inventory: inventory, limit: maxListedFlows)
            return
        }
        let (before, after) = Parallel.both(
            { focus.map { oldFinal.allowedFlows(in: .old, focus: $0) } ?? oldFinal.allowedFlows(in: .old) },
            { focus.map { newFinal.allowedFlows(in: .new, focus: $0) } ?? newFinal.allowedFlows(in: .new) })
        self.old = listsFlows ? before : []
        self.new = listsFlows ? after : []
        (changes, omitted) = Self.capped(Self.changes(before, after, inventory), limit: maxListedFlows)
        // Debug builds check the focused evaluation against the full one on every comparison made with flows listed.
        assert(
            !listsFlows
                || ReleaseComparison(
                    old: old, new: new, oldMesh: oldMesh, newMesh: newMesh, defaultNamespace: defaultNamespace,
                    listsFlows: false, maxListedFlows: maxListedFlows
                ).changes == changes,
            "evaluating only the pairs a difference can reach changed the result")
    }

    /// Above this many group pairs to visit, a comparison without listed flows walks the changes row by row instead of
    /// listing both releases' flows (a listed flow and its change take a few hundred bytes: at most ~200 MB). Tests
    /// lower it (`rowWalkAbove:`) to check the row walk against the listing on small releases.
    public static let listedPairBound = 500_000

    /// The policies both releases hold (evaluated once), and those of each release alone. Policies pair by namespace
    /// and name (hashing two strings, not the whole policy); a pair is shared when equal.
    static func pairedPolicies(old: [NetworkPolicy], new: [NetworkPolicy], defaultNamespace: String)
        -> (shared: [ResolvedPolicy], onlyOld: [ResolvedPolicy], onlyNew: [ResolvedPolicy])
    {
        func resolved(_ policies: [NetworkPolicy]) -> [ResolvedPolicy] {
            policies.map { ResolvedPolicy($0, defaultNamespace: defaultNamespace) }
        }
        let oldPolicies = resolved(old), newPolicies = resolved(new)
        var newByName: [String: [Int]] = [:]
        for (i, policy) in newPolicies.enumerated() { newByName[policy.namespace + "/" + policy.name, default: []].append(i) }
        var sharedPolicies: [ResolvedPolicy] = [], onlyOld: [ResolvedPolicy] = []
        var matchedNew = [Bool](repeating: false, count: newPolicies.count)
        for policy in oldPolicies {
            let candidates = newByName[policy.namespace + "/" + policy.name] ?? []
            if let j = candidates.first(where: { !matchedNew[$0] && newPolicies[$0] == policy }) {
                matchedNew[j] = true
                sharedPolicies.append(policy)
            } else {
                onlyOld.append(policy)
            }
        }
        let onlyNew = newPolicies.indices.filter { !matchedNew[$0] }.map { newPolicies[$0] }
        return (sharedPolicies, onlyOld, onlyNew)
    }

    /// The group pairs whose connectivity can differ between the releases. Both releases' maps are the map of the
    /// policies they share with their own policies applied on top, so a source's egress side differs only when a policy
    /// of one release selects it and isolates egress, and a destination's ingress side only when one selects it and
    /// isolates ingress; a pair with neither allows the same ports in both. Groups holding an endpoint of one release
    /// only are focused both ways: all of their flows change.
    static func changedPairs(_ ownPolicies: [ResolvedPolicy], inventory: Inventory, matcher: PeerMatcher) -> PairFocus {
        var focus = PairFocus(groupCount: inventory.groupCount)
        for policy in ownPolicies {
            for group in matcher.selected(by: policy.policy.podSelector, in: policy.namespace) {
                if policy.isolatesEgress { focus.addSource(group) }
                if policy.isolatesIngress { focus.addDestination(group) }
            }
        }
        for (index, endpoint) in inventory.endpoints.enumerated() where endpoint.releases != .both {
            focus.addSource(inventory.groupOf[index])
            focus.addDestination(inventory.groupOf[index])
        }
        return focus
    }

    /// Compares the two releases pair by pair, pairs named by their endpoints' names: a workload whose pods change
    /// labels is one endpoint per release under one name, and compares with itself.
    private static func changes(_ old: [AllowedFlow], _ new: [AllowedFlow], _ inventory: Inventory) -> [Change] {
        let names = inventory.endpoints.map(\.name)
        if Set(names).count == names.count { return changesByIndex(old, new, names) }
        struct Pair: Hashable {
            var from: String
            var to: String
        }
        func byName(_ flows: [AllowedFlow]) -> [Pair: PortSet] {
            var result: [Pair: PortSet] = [:]
            for flow in flows {
                let pair = Pair(from: names[flow.from], to: names[flow.to])
                result[pair] = result[pair].map { $0.union(flow.ports) } ?? flow.ports
            }
            return result
        }
        let before = byName(old), after = byName(new)
        var result: [Change] = []
        for pair in Set(before.keys).union(after.keys) {
            let was = before[pair] ?? .empty, now = after[pair] ?? .empty
            let opened = now.subtracting(was), closed = was.subtracting(now)
            if opened.isEmpty && closed.isEmpty { continue }
            result.append(Change(from: pair.from, to: pair.to, opened: opened, closed: closed))
        }
        return result.sorted {
            $0.from != $1.from ? $0.from.utf8.lexicographicallyPrecedes($1.from.utf8) : $0.to.utf8.lexicographicallyPrecedes($1.to.utf8)
        }
    }
}

extension ReleaseComparison {
    /// The changes when every endpoint has its own name: both flow lists are sorted by index pair, so one merge
    /// pass compares them.
    private static func changesByIndex(_ old: [AllowedFlow], _ new: [AllowedFlow], _ names: [String]) -> [Change] {
        var result: [Change] = []
        func record(_ from: Int, _ to: Int, was: PortSet, now: PortSet) {
            let opened = now.subtracting(was), closed = was.subtracting(now)
            if opened.isEmpty && closed.isEmpty { return }
            result.append(Change(from: names[from], to: names[to], opened: opened, closed: closed))
        }
        var i = 0, j = 0
        while i < old.count || j < new.count {
            let a = i < old.count ? (old[i].from, old[i].to) : (Int.max, Int.max)
            let b = j < new.count ? (new[j].from, new[j].to) : (Int.max, Int.max)
            if a < b {
                record(a.0, a.1, was: old[i].ports, now: .empty)
                i += 1
            } else if b < a {
                record(b.0, b.1, was: .empty, now: new[j].ports)
                j += 1
            } else {
                record(a.0, a.1, was: old[i].ports, now: new[j].ports)
                i += 1
                j += 1
            }
        }
        return result.sorted {
            $0.from != $1.from ? $0.from.utf8.lexicographicallyPrecedes($1.from.utf8) : $0.to.utf8.lexicographicallyPrecedes($1.to.utf8)
        }
    }
}

extension PortSet {
    /// `any`, or per protocol `8080/TCP`, `8000-8100/TCP`, `*/UDP` (every port of a protocol), `grpc/TCP`; sorted by
    /// their bytes.
    public var labels: [String] {
        if isAll { return ["any"] }
        var labels: [String] = []
        for proto in TransportProtocol.allCases {
            let ranges = self[proto]
            if ranges.isAll {
                labels.append("*/\(proto.rawValue)")
            } else {
                for range in ranges.ranges {
                    labels.append(
                        range.count == 1 ? "\(range.lowerBound)/\(proto.rawValue)" : "\(range.lowerBound)-\(range.upperBound)/\(proto.rawValue)")
                }
            }
            for named in named where named.proto == proto { labels.append("\(named.name)/\(proto.rawValue)") }
        }
        return labels.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
