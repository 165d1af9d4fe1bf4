/// A set of port numbers (1…65535) kept as sorted, disjoint, non-adjacent closed ranges.
public struct PortRangeSet: Hashable, Sendable {
    /// The lowest and highest valid port numbers.
    public static let portBounds: ClosedRange<Int> = 1...65535

    /// Sorted, disjoint, non-adjacent ranges.
    public private(set) var ranges: [ClosedRange<Int>]

    public init() { ranges = [] }

    /// A set from arbitrary ranges (clamped to 1…65535, merged).
    public init(_ input: [ClosedRange<Int>]) {
        ranges = Self.normalized(input)
    }

    /// Every port.
    public static let all = PortRangeSet([portBounds])
    public static let empty = PortRangeSet()

    public var isEmpty: Bool { ranges.isEmpty }
    public var isAll: Bool { ranges == [Self.portBounds] }

    public func contains(_ port: Int) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < port { low = mid + 1 } else if ranges[mid].lowerBound > port { high = mid - 1 } else { return true }
        }
        return false
    }

    /// Whether every port of `other` is in this set.
    public func isSuperset(of other: PortRangeSet) -> Bool { other.subtracting(self).isEmpty }

    public func union(_ other: PortRangeSet) -> PortRangeSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        return PortRangeSet(ranges + other.ranges)
    }

    public func intersection(_ other: PortRangeSet) -> PortRangeSet {
        if isAll { return other }
        if other.isAll { return self }
        var result: [ClosedRange<Int>] = []
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let low = max(a.lowerBound, b.lowerBound), high = min(a.upperBound, b.upperBound)
            if low <= high { result.append(low...high) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        var set = PortRangeSet()
        set.ranges = result
        return set
    }

    public func subtracting(_ other: PortRangeSet) -> PortRangeSet {
        if other.isEmpty || isEmpty { return self }
        var result: [ClosedRange<Int>] = []
        var j = 0
        for range in ranges {
            var low = range.lowerBound
            while j < other.ranges.count && other.ranges[j].upperBound < low { j += 1 }
            var k = j
            while k < other.ranges.count && other.ranges[k].lowerBound <= range.upperBound {
                let cut = other.ranges[k]
                if cut.lowerBound > low { result.append(low...(cut.lowerBound - 1)) }
                low = max(low, cut.upperBound + 1)
                k += 1
            }
            if low <= range.upperBound { result.append(low...range.upperBound) }
        }
        var set = PortRangeSet()
        set.ranges = result
        return set
    }

    private static func normalized(_ input: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        let clamped = input.compactMap { r -> ClosedRange<Int>? in
            let low = max(r.lowerBound, portBounds.lowerBound), high = min(r.upperBound, portBounds.upperBound)
            return low <= high ? low...high : nil
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Int>] = []
        for r in clamped {
            if let last = merged.last, r.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

extension PortRangeSet: CustomStringConvertible {
    /// `8080`, `8000-8100`, `53,8080`, `all`.
    public var description: String {
        if isAll { return "all" }
        return ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ",")
    }
}
