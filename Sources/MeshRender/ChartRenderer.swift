import Foundation
import GoTemplate
import HelmValues
import YAMLCore

/// Renders a chart the way `helm template NAME CHART -n NS` does: every template parsed once
/// into one template set, each non-partial template executed with `.Values .Release .Chart
/// .Template .Capabilities`, documents split, sorted by kind and printed with `# Source:` headers.
///
/// ```swift
/// let chart = try ChartLoader.load(directory: "charts/app")
/// let out = try ChartRenderer(chart: chart).render(values: userValues, release: ReleaseOptions(name: "r", namespace: "ns"))
/// print(out.text, terminator: "")
/// ```
public struct ChartRenderer: Sendable {
    public let chart: Chart

    public init(chart: Chart) {
        self.chart = chart
    }

    /// Renders with `values` (the user's values: `-f` files and `--set` flags merged) coalesced
    /// over the chart's defaults.
    public func render(values: Node, release: ReleaseOptions) throws(ChartRenderError) -> RenderedManifests {
        let coalesced = Coalesce.coalesce(defaults: chart.defaultValues, user: values).toValue()
        return try render(coalescedValues: coalesced, release: release)
    }

    /// Renders with `.Values` given as is (already coalesced); `extraObjects` become further
    /// top-level objects next to `.Values` (meshrender's `.Mesh`).
    public func render(
        coalescedValues: Value, release: ReleaseOptions, extraObjects: [String: Value] = [:]
    ) throws(ChartRenderError) -> RenderedManifests {
        let set = TemplateSet()
        let order = ChartRenderer.parseOrder(chart.templates.map(\.name))
        let byName = Dictionary(chart.templates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in order {
            do {
                try set.parse(name: name, text: byName[name]!.text)
            } catch {
                throw ChartRenderError(.parse, error.helmDescription)
            }
        }

        var top: [String: Value] = [
            "Values": coalescedValues,
            "Release": ChartRenderObjects.release(release),
            "Chart": chart.metadata,
            "Capabilities": ChartRenderObjects.capabilities(release),
            "Files": .map([:]),
            "Subcharts": .map([:]),
        ]
        top.merge(extraObjects) { _, extra in extra }
        let basePath = chart.name + "/templates"
        var rendered: [(name: String, text: String)] = []
        var notes = ""
        for name in order {
            let template = byName[name]!
            if template.isPartial { continue }
            top["Template"] = .map(["Name": .string(name), "BasePath": .string(basePath)])
            var output = ""
            if set.hasTemplate(name) {
                do {
                    output = try set.execute(name: name, data: .map(top))
                } catch {
                    throw ChartRenderError(.execute, error.helmDescription)
                }
            }
            if name.hasSuffix("NOTES.txt") {
                if template.isNotes(chartName: chart.name) { notes = output }
                continue
            }
            rendered.append((name, output))
        }
        let (manifests, hooks) = try ChartManifestSorter.sort(rendered)
        return RenderedManifests(documents: manifests + hooks, notes: notes)
    }

    /// Helm parses (and executes) templates deepest path first, then by name descending, so a
    /// `define` in a shallower or alphabetically earlier file wins over the same name elsewhere.
    static func parseOrder(_ names: [String]) -> [String] {
        names.sorted { a, b in
            let da = a.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count
            let db = b.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count
            if da != db { return da > db }
            return Value.goLess(b, a)
        }
    }
}
