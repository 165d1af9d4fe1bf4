/// The ordered group pairs a computation needs: every pair whose source is a focused source or whose destination is
/// a focused destination. A `ConnectivityMap` built with a focus is exact on those pairs (and on every group's
/// isolation) and leaves the other pairs' rule entries out.
struct PairFocus: Sendable {
    /// Per group: whether pairs from it are needed.
    private(set) var sources: [Bool]
    /// Per group: whether pairs towards it are needed.
    private(set) var destinations: [Bool]

    /// A focus on nothing yet, over `count` groups.
    init(groupCount count: Int) {
        sources = Array(repeating: false, count: count)
        destinations = Array(repeating: false, count: count)
    }

    var isEmpty: Bool { !sources.contains(true) && !destinations.contains(true) }

    mutating func addSource(_ group: Int) { sources[group] = true }
    mutating func addDestination(_ group: Int) { destinations[group] = true }

    /// Whether the pair `source → destination` is needed.
    func contains(_ source: Int, _ destination: Int) -> Bool { sources[source] || destinations[destination] }

    /// The focused sources / destinations, ascending.
    var sourceGroups: [Int] { sources.indices.filter { sources[$0] } }
    var destinationGroups: [Int] { destinations.indices.filter { destinations[$0] } }

    /// Whether pairs from / towards the group are needed.
    func isSource(_ group: Int) -> Bool { sources[group] }
    func isDestination(_ group: Int) -> Bool { destinations[group] }
}
