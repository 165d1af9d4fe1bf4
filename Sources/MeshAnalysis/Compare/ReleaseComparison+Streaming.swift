import MeshModel

extension ReleaseComparison {
    /// Flow changes a comparison counted without keeping them: those past its listing limit.
    public struct Omitted: Hashable, Sendable {
        /// Flows (endpoint pairs with ports) only the new release allows.
        public var opened = 0
        /// Flows only the old release allows.
        public var closed = 0

        public init(opened: Int = 0, closed: Int = 0) {
            self.opened = opened
            self.closed = closed
        }

        public var isEmpty: Bool { opened == 0 && closed == 0 }
    }

    /// Keeps the first `limit` opened-or-closed flows of `changes` (sorted; within a pair the opened ports come
    /// first) and counts the rest.
    static func capped(_ changes: [Change], limit: Int) -> ([Change], Omitted) {
        var listing = Listing(limit: limit)
        for change in changes { listing.add(change) }
        return (listing.listed, listing.omitted)
    }

    /// Changes in report order, the first `limit` opened-or-closed flows kept and the rest counted.
    struct Listing {
        let limit: Int
        private(set) var listed: [Change] = []
        private(set) var omitted = Omitted()
        private var count = 0

        init(limit: Int) { self.limit = limit }

        mutating func add(_ change: Change) {
            var change = change
            if !change.opened.isEmpty {
                if count < limit { count += 1 } else { omitted.opened += 1; change.opened = .empty }
            }
            if !change.closed.isEmpty {
                if count < limit { count += 1 } else { omitted.closed += 1; change.closed = .empty }
            }
            if !change.opened.isEmpty || !change.closed.isEmpty { listed.append(change) }
        }
    }

    /// The changes over the focused pairs, source row by source row in name order, without listing either release's
    /// flows: the first `limit` opened-or-closed flows are kept, the rest only counted, so memory stays linear in the
    /// endpoints however many flows change. Endpoint names must be unique.
    static func streamedChanges(
        old oldMap: ConnectivityMap, new newMap: ConnectivityMap, focus: PairFocus, inventory: Inventory, limit: Int
    ) -> ([Change], Omitted) {
        let names = inventory.endpoints.map(\.name)
        let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        let inOld = inventory.endpoints.map { $0.releases.contains(.old) }
        let inNew = inventory.endpoints.map { $0.releases.contains(.new) }
        let towardsFocused = order.filter { focus.isDestination(inventory.groupOf[$0]) }
        var listing = Listing(limit: limit)
        for source in order {
            let s = inventory.groupOf[source]
            // A row with no focused pair allows the same ports in both releases.
            for destination in focus.isSource(s) ? order : towardsFocused where destination != source {
                let d = inventory.groupOf[destination]
                let was = inOld[source] && inOld[destination] ? oldMap.groupPorts(from: s, to: d) : .empty
                let now = inNew[source] && inNew[destination] ? newMap.groupPorts(from: s, to: d) : .empty
                if was == now { continue }
                listing.add(
                    Change(from: names[source], to: names[destination], opened: now.subtracting(was), closed: was.subtracting(now)))
            }
        }
        return (listing.listed, listing.omitted)
    }
}
