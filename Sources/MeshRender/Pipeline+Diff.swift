import ManifestDiff
import MeshAnalysis
import MeshModel
import Diagnostics
import Platform

/// The two releases of a diff: manifests on disk, or two sets of values rendered first.
public enum DiffSides: Sendable {
    /// Files, directories or `-`; `namespace` applies to resources that set none.
    case manifests(old: String, new: String, namespace: String)
    /// Both releases rendered from `chart` with their own values.
    case render(chart: ChartReference, old: ValuesInput, new: ValuesInput, release: ReleaseInput)
}

/// What to compare and how to print it.
public struct DiffRequest: Sendable {
    /// How the diff prints (`--output`): human, unified, brief, json, github annotations or svg.
    public enum Mode: String, CaseIterable, Sendable { case human, unified, brief, json, github, svg }

    public var sides: DiffSides
    public var mode: Mode
    public var context: Int
    public var color: Bool
    public var showSecrets: Bool
    public var ignoreLabels: [String]
    public var ignorePaths: [String]
    /// The most opened and closed flows the report lists (`--max-listed-flows`); the rest are counted.
    public var maxListedFlows = defaultMaxListedFlows
    public static let defaultMaxListedFlows = ConnectivitySettings.defaultMaxListedFlows

    public init(
        sides: DiffSides, mode: Mode = .human, context: Int = 3, color: Bool = false, showSecrets: Bool = false,
        ignoreLabels: [String] = [], ignorePaths: [String] = []
    ) {
        self.sides = sides
        self.mode = mode
        self.context = context
        self.color = color
        self.showSecrets = showSecrets
        self.ignoreLabels = ignoreLabels
        self.ignorePaths = ignorePaths
    }
}

/// The printed diff and what the exit status depends on.
public struct DiffOutcome: Sendable {
    public var text: String
    public var hasDifferences: Bool
    /// The new release opens at least one flow.
    public var opensFlows: Bool
    /// The releases read and the report: a caller that exits once the text is printed keeps them (see
    /// `Diagnostics.finish(status:keeping:)`) rather than spending time freeing them.
    public var retained: (any Sendable)?
}

extension Pipeline {
    /// Diffs two releases resource by resource, field by field, and flow by flow.
    public static func diff(_ request: DiffRequest, io: FileAccess) throws -> DiffOutcome {
        PhaseClock.mark("diff: start")
        let old: [Document], new: [Document]
        var connectivity: ConnectivitySettings
        switch request.sides {
        case .manifests(let oldPath, let newPath, let namespace):
            // Documents byte-identical on both sides are parsed once and known unchanged.
            (old, new) = try ManifestSource.loadPair(
                old: oldPath, new: newPath, namespace: namespace, readStdin: io.readStdinAsInput)
            connectivity = ConnectivitySettings(namespace: namespace)
        case .render(let chart, let oldValues, let newValues, let release):
            let (oldRelease, newRelease) = (
                Release(chart: chart, values: oldValues, release: release, io: io),
                Release(chart: chart, values: newValues, release: release, io: io)
            )
            old = try renderedDocuments(oldRelease, label: "old release")
            new = try renderedDocuments(newRelease, label: "new release")
            // The meshes name the flows by component and external ids (values without components name none); the
            // built-in chart's policies are traced back to the values, for each change to cite its rules' entries.
            func mesh(_ release: Release) throws -> (MeshSpec, [String: PolicyTrace]?)? {
                let spec = try release.mesh()
                return spec.components.isEmpty
                    ? nil : (spec, chart == .builtin ? spec.trace(values: try release.resolvedChart().values) : nil)
            }
            let (before, after) = (try mesh(oldRelease), try mesh(newRelease))
            connectivity = ConnectivitySettings(oldMesh: before?.0, newMesh: after?.0, namespace: release.namespace)
            // Only the human and JSON reports print the rules a change cites.
            if request.mode == .human || request.mode == .json {
                connectivity.oldTraces = before?.1
                connectivity.newTraces = after?.1
            }
        }
        PhaseClock.mark("diff: releases read")
        connectivity.listsFlows = request.mode == .unified || request.mode == .svg
        connectivity.maxListedFlows = request.maxListedFlows
        var options = DiffOptions(
            showSecrets: request.showSecrets, ignoreLabels: request.ignoreLabels, ignorePaths: request.ignorePaths,
            connectivity: connectivity)
        // Only the unified output prints a modified resource whole.
        options.keepsModifiedContent = request.mode == .unified
        let report = try ManifestDiffer.diff(old: old, new: new, options: options)
        if connectivity.listsFlows, !report.connectivity.omitted.isEmpty {
            // Both outputs draw every flow of both releases next to the changes: past the limit they are refused.
            let omitted = report.connectivity.omitted
            let total = report.connectivity.changes.count + omitted.opened + omitted.closed
            throw InputError(
                "diff: \(total) flows change, more than --max-listed-flows \(request.maxListedFlows) lets --output "
                    + "\(request.mode.rawValue) draw (raise it, or use human, brief, json or github: they list the first and count the rest)",
                at: nil)
        }
        PhaseClock.mark("diff: compared")
        let writer = DiffWriter(rawValue: request.mode.rawValue) ?? .human
        var fileLocations = true
        let caption: MatrixCaption
        switch request.sides {
        case .manifests(let old, let new, _):
            caption = MatrixCaption(title: "Connectivity change", subtitle: "old \(old) → new \(new)")
        case .render(_, let old, let new, let release):
            fileLocations = false
            func names(_ values: ValuesInput) -> String {
                let files = values.valueFiles.map { $0 == "-" ? "<stdin>" : $0 }
                return (files + values.setValues.map { "--set " + $0 }).joined(separator: ", ")
            }
            caption = MatrixCaption(
                title: "\(release.name) in namespace \(release.namespace)", subtitle: "old \(names(old)) → new \(names(new))")
        }
        let text = writer.render(
            report,
            options: DiffWriter.Options(color: request.color, context: request.context, fileLocations: fileLocations, caption: caption))
        return DiffOutcome(
            text: text, hasDifferences: report.hasDifferences, opensFlows: report.opensFlows, retained: (old, new, report))
    }

    private static func renderedDocuments(_ release: Release, label: String) throws -> [Document] {
        let rendered = try release.rendered()
        return try ManifestSource.parse(bytes: Array(rendered.text.utf8), file: label, namespace: release.release.namespace)
    }
}
