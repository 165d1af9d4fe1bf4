import Diagnostics
import GoValues
import YAML

/// A conflict Helm reports (and otherwise ignores) while coalescing user values with chart defaults.
public struct CoalesceWarning: Sendable, Equatable, CustomStringConvertible {
    /// Dotted key, prefixed with the chart name as Helm prints it (`mychart.service.ports`).
    public var key: String
    /// Helm's warning text.
    public var message: String
    /// Where the user value that won was written, when known.
    public var mark: Mark?

    public var description: String { message }
}

/// Helm's `CoalesceValues`: user values over chart defaults (over subcharts' defaults, see
/// `coalesce(chart:user:)`).
public enum Coalesce {
    /// The values a template sees as `.Values`.
    ///
    /// - A key only the chart has is copied (its value as written, nulls included).
    /// - A user `null` deletes the key when the chart has a non-null value there; at the top
    ///   level it deletes the key whenever the chart has the key at all.
    /// - Maps on both sides merge recursively; user scalars and lists replace the chart's value.
    /// - Map against non-map: the user value is kept (Helm logs a warning, see the `warnings:` variant).
    ///
    /// Neither input is changed. A non-mapping `defaults` is treated as empty; a non-mapping
    /// `user` as empty, too.
    public static func coalesce(defaults: Node, user: Node) -> Node {
        var ignored: [CoalesceWarning] = []
        return coalesce(defaults: defaults, user: user, chartName: "", warnings: &ignored)
    }

    /// Like `coalesce(defaults:user:)`, collecting the warnings Helm logs; `chartName` prefixes
    /// the keys in them, as Helm's do.
    public static func coalesce(
        defaults: Node, user: Node, chartName: String, warnings: inout [CoalesceWarning]
    ) -> Node {
        coalesce(defaults: defaults, user: user, chartName: chartName, subcharts: [], warnings: &warnings)
    }

    /// Helm's `coalesceValues`: `user` over `defaults`, where the maps under the keys of
    /// `subcharts` (values for a subchart) merge keeping the user's nulls, which the subchart's
    /// own defaults then see.
    static func coalesce(
        defaults: Node, user: Node, chartName: String, subcharts: Set<String>, warnings: inout [CoalesceWarning]
    ) -> Node {
        var result: Mapping
        if case .mapping(let m) = user.kind { result = m } else { result = Mapping() }
        guard case .mapping(let chart) = defaults.kind else {
            return Node(.mapping(result), mark: user.mark)
        }
        for (key, chartValue) in chart.entries {
            guard let userValue = result.take(key) else {
                result.set(key, chartValue, keyMark: chart.keyMarks[key])
                continue
            }
            switch (userValue.kind, chartValue.kind) {
            case (.null, _):
                result.entries.removeValue(forKey: key)
                result.keyMarks.removeValue(forKey: key)
                continue
            case (.mapping(var dst), .mapping(let src)):
                coalesceTables(&dst, src, prefix: join(chartName, key), keepingNulls: subcharts.contains(key), warnings: &warnings)
                result.entries[key] = Node(.mapping(dst), mark: userValue.mark)
                continue
            case (.mapping, .null):
                break  // nothing to merge; Helm stays silent
            case (.mapping, _):
                warnings.append(CoalesceWarning(
                    key: join(chartName, key),
                    message: "warning: skipped value for \(join(chartName, key)): Not a table.",
                    mark: userValue.mark))
            default:
                break
            }
            result.entries[key] = userValue
        }
        return Node(.mapping(result), mark: user.mark ?? defaults.mark)
    }

    /// Helm's `coalesceTablesFullKey`: `dst` (user) is authoritative. Coalescing (the default), a
    /// user null deletes a key the chart has a value for; merging (`keepingNulls`) it stays null.
    static func coalesceTables(
        _ dst: inout Mapping, _ src: Mapping, prefix: String, keepingNulls: Bool = false, warnings: inout [CoalesceWarning]
    ) {
        for (key, chartValue) in src.entries {
            let fullKey = join(prefix, key)
            guard let userValue = dst.take(key) else {
                dst.set(key, chartValue, keyMark: src.keyMarks[key])
                continue
            }
            switch (userValue.kind, chartValue.kind) {
            case (.null, .null):
                break  // a null the user wrote where the chart has null stays
            case (.null, _) where keepingNulls:
                break
            case (.null, _):
                dst.entries.removeValue(forKey: key)
                dst.keyMarks.removeValue(forKey: key)
                continue
            case (.mapping(var inner), .mapping(let chartInner)):
                coalesceTables(&inner, chartInner, prefix: fullKey, keepingNulls: keepingNulls, warnings: &warnings)
                dst.entries[key] = Node(.mapping(inner), mark: userValue.mark)
                continue
            case (_, .mapping):
                warnings.append(CoalesceWarning(
                    key: fullKey,
                    message: "warning: cannot overwrite table with non table for \(fullKey) (\(GoFormat.value(chartValue.toValue())))",
                    mark: userValue.mark))
            case (.mapping, .null):
                break
            case (.mapping, _):
                warnings.append(CoalesceWarning(
                    key: fullKey,
                    message: "warning: destination for \(fullKey) is a table. Ignoring non-table value (\(GoFormat.value(chartValue.toValue())))",
                    mark: userValue.mark))
            default:
                break
            }
            dst.entries[key] = userValue
        }
    }

    static func join(_ prefix: String, _ key: String) -> String {
        prefix.isEmpty ? key : prefix + "." + key
    }
}
