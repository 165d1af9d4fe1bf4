import Diagnostics
import GoValues
import YAML

/// A chart's default values and those of the subcharts it renders (after conditions, tags and
/// aliases are applied), named as their values are keyed: the input of ``Coalesce/coalesce(chart:user:)``.
public struct ChartDefaults: Sendable {
    /// The key of the subchart's values in its parent's (its alias, if it has one).
    public var name: String
    /// `values.yaml` (a mapping).
    public var defaults: Node
    public var subcharts: [ChartDefaults]

    public init(name: String, defaults: Node, subcharts: [ChartDefaults] = []) {
        self.name = name
        self.defaults = defaults
        self.subcharts = subcharts
    }
}

extension Coalesce {
    /// Helm's `CoalesceValues` for a chart with subcharts:
    /// - the chart's own defaults under the user's values, as ``coalesce(defaults:user:)``; maps under
    ///   a subchart's key keep the user's nulls at this step;
    /// - then, for each subchart, the map under its key (created when missing) receives the parent's
    ///   `global` map (parent entries win, maps merge), and the subchart's defaults go under it, the
    ///   same way, recursively.
    ///
    /// Throws when the value under a subchart's key is not a map (Helm's `type mismatch on NAME`).
    public static func coalesce(chart: ChartDefaults, user: Node) throws(InputError) -> Node {
        var warnings: [CoalesceWarning] = []
        return try coalesce(chart: chart, user: user, prefix: "", warnings: &warnings)
    }

    private static func coalesce(
        chart: ChartDefaults, user: Node, prefix: String, warnings: inout [CoalesceWarning]
    ) throws(InputError) -> Node {
        let names = Set(chart.subcharts.map(\.name))
        let merged = coalesce(defaults: chart.defaults, user: user, chartName: join(prefix, chart.name), subcharts: names, warnings: &warnings)
        guard !chart.subcharts.isEmpty, case .mapping(var values) = merged.kind else { return merged }
        let subPrefix = join(prefix, chart.name)
        for subchart in chart.subcharts {
            var own: Mapping
            switch values[subchart.name]?.kind {
            case nil:
                own = Mapping()
            case .mapping(let m)?:
                own = m
            case .null?:
                throw InputError("type mismatch on \(subchart.name): %!t(<nil>)", at: values[subchart.name]?.mark)
            case .bool(let b)?:
                throw InputError("type mismatch on \(subchart.name): \(b)", at: values[subchart.name]?.mark)
            case let other?:
                let node = Node(other)
                // Go's `%t` of a value that is not a bool.
                throw InputError(
                    "type mismatch on \(subchart.name): %!t(\(node.goTypeName)=\(GoFormat.value(node.toValue())))",
                    at: values[subchart.name]?.mark)
            }
            inheritGlobals(into: &own, from: values, prefix: subPrefix, warnings: &warnings)
            let mark = values[subchart.name]?.mark
            values.entries[subchart.name] = try coalesce(
                chart: subchart, user: Node(.mapping(own), mark: mark), prefix: subPrefix, warnings: &warnings)
        }
        return Node(.mapping(values), mark: merged.mark)
    }

    /// Helm's `coalesceGlobals`: the parent's `global` entries over the subchart's (maps merge, the
    /// parent's entries winning; a parent scalar does not replace a subchart map).
    private static func inheritGlobals(
        into values: inout Mapping, from parent: Mapping, prefix: String, warnings: inout [CoalesceWarning]
    ) {
        guard var own = globals(of: values, side: "destination", &warnings),
              let inherited = globals(of: parent, side: "source", &warnings)
        else { return }
        for (key, value) in inherited.entries {
            if case .mapping(var table) = value.kind {
                if let existing = own[key] {
                    guard case .mapping(let existingTable) = existing.kind else {
                        warnings.append(CoalesceWarning(key: key, message: "Conflict: cannot merge map onto non-map for \"\(key)\". Skipping.", mark: existing.mark))
                        continue
                    }
                    coalesceTables(&table, existingTable, prefix: join(prefix, key), keepingNulls: true, warnings: &warnings)
                }
                own.set(key, Node(.mapping(table), mark: value.mark), keyMark: inherited.keyMarks[key])
            } else if let existing = own[key], existing.isMapping {
                warnings.append(CoalesceWarning(key: key, message: "key \(key) is table. Skipping", mark: existing.mark))
            } else {
                own.set(key, value, keyMark: inherited.keyMarks[key])
            }
        }
        values.set("global", Node(.mapping(own), mark: values["global"]?.mark ?? parent["global"]?.mark), keyMark: values.keyMarks["global"])
    }

    /// The `global` map of `values` (empty when there is none); nil, with Helm's warning, when it is not a map.
    private static func globals(of values: Mapping, side: String, _ warnings: inout [CoalesceWarning]) -> Mapping? {
        switch values["global"]?.kind {
        case nil: return Mapping()
        case .mapping(let m)?: return m
        default:
            warnings.append(CoalesceWarning(
                key: "global", message: "warning: skipping globals because \(side) global is not a table.", mark: values["global"]?.mark))
            return nil
        }
    }
}

extension Coalesce {
    /// Helm's `CoalesceTables`: the maps `preferred` and `fallback` merged, `preferred`'s entries
    /// winning (a null in `preferred` deletes what `fallback` has there). Non-maps count as empty.
    public static func tables(_ preferred: Node, over fallback: Node) -> Node {
        guard case .mapping(let src) = fallback.kind else { return preferred }
        var dst: Mapping
        if case .mapping(let m) = preferred.kind { dst = m } else { dst = Mapping() }
        var warnings: [CoalesceWarning] = []
        coalesceTables(&dst, src, prefix: "", warnings: &warnings)
        return Node(.mapping(dst), mark: preferred.mark ?? fallback.mark)
    }
}
