import Charts
import HelmValues
import MeshAnalysis
import MeshModel
import Diagnostics
import GoValues
import Platform
import YAML

extension Pipeline {
    /// The user's values: every `-f` file, then `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`,
    /// as Helm applies them, read through `io`.
    /// Values files in `loaded` (by path) were already read and parsed.
    static func userValues(_ input: ValuesInput, io: FileAccess, loaded: [String: Node] = [:]) throws(InputError) -> Node {
        try input.merged(readFile: io.readFileReportingInput, readStdin: io.readStdinReportingInput, loaded: loaded)
    }

    /// The values templates see: the user's values coalesced over the chart's defaults (and its subcharts').
    static func chartValues(_ chart: ChartReference, input: ValuesInput, release: ReleaseInput = ReleaseInput(), io: FileAccess) throws -> Node {
        try Release(chart: chart, values: input, release: release, io: io).resolvedChart().values
    }

    /// The validated mesh of `values` (which must already hold the chart defaults); components may name
    /// `workloads` of the chart's rendered manifests. Its warnings (and, for the `builtin` chart, those about keys it
    /// does not read) go to `ValuesWarnings`.
    public static func mesh(
        values: Node, namespace: String, builtin: Bool = false, workloads: WorkloadDirectory? = nil
    ) throws(InputError) -> MeshSpec {
        var warnings = builtin ? MeshSpec.builtinTopLevelWarnings(values: values) : []
        let spec = try MeshSpec.load(values: values, releaseNamespace: namespace, workloads: workloads)
        warnings += spec.warnings + MeshValuesChecks.warnings(spec, values: values)
        try ValuesWarnings.raise(warnings)
        return spec
    }
}

extension Node {
    /// `toHelmValue()`, with the long lists under the top-level keys (a chart's `apps:` of
    /// thousands of entries) converted on every core.
    func toHelmValueOnAllCores(minimumList: Int = 2048) -> Value {
        guard case .mapping(let m) = kind else { return toHelmValue() }
        var out = [String: Value](minimumCapacity: m.count)
        for (key, node) in m.entries {
            guard case .sequence(let items) = node.kind, items.count >= minimumList else {
                out[key] = node.toHelmValue()
                continue
            }
            out[key] = .list(Self.convertedOnAllCores(items))
        }
        return .map(out)
    }

    /// `items.map { $0.toHelmValue() }`, in four shares on every core, each writing straight into the one result
    /// array: no share is held beside the result (a list of 10 million scalars would otherwise hold its values twice).
    private static func convertedOnAllCores(_ items: [Node]) -> [Value] {
        let chunks = 4
        return [Value](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            _ = Parallel.map(chunks) { c in
                for i in (items.count * c / chunks)..<(items.count * (c + 1) / chunks) {
                    (out.baseAddress! + i).initialize(to: items[i].toHelmValue())
                }
            }
            initialized = items.count
        }
    }
}
