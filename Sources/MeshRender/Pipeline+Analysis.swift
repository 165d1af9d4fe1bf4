import ManifestDiff
import MeshAnalysis
import MeshModel
import Diagnostics
import YAML
import Platform

public typealias MatrixFormat = MeshAnalysis.MatrixFormat

/// What `verify` found, ready to print.
public struct VerifyOutcome: Sendable {
    /// The report (differences, or the one-line confirmation), or its JSON form.
    public var text: String
    public var passed: Bool
    /// Remarks for stderr (documents skipped because they are neither policies, workloads nor namespaces).
    public var notes: [String]
}

/// How `verify` prints its result: the report, JSON, JUnit XML (a test case per source endpoint) or SARIF 2.1.0
/// (`extra-flow` / `missing-flow` results located at the rule or policy they cite).
public enum VerifyFormat: String, CaseIterable, Sendable { case text, json, junit, sarif }

/// The mesh of the values (intent), the manifests' objects, and the inventory of every endpoint both name.
struct AnalysisSubjects {
    /// The mesh from the values; `nil` when there is none (no values, or values without components).
    var mesh: MeshSpec?
    /// The values the mesh was loaded from.
    var values: Node
    var objects: ManifestObjects
    var inventory: Inventory
    var notes: [String]
}

extension Pipeline {
    /// Compares the effective connectivity of the rendered (or given) manifests with the mesh's intent, over every
    /// endpoint: components, externals, workloads, representatives and the outside world. Without a mesh in the
    /// values there is nothing to compare with: an `InputError`.
    public static func verify(
        _ input: AnalysisInput, format: VerifyFormat = .text, toolVersion: String = "", io: FileAccess
    ) throws -> VerifyOutcome {
        PhaseClock.mark("verify: start")
        let locates = format == .junit || format == .sarif
        let subjects = try analysisSubjects(input, io: io, documentsByTemplate: locates)
        guard let mesh = subjects.mesh else {
            throw InputError(
                "nothing to verify: the values define no mesh (mesh.components); give the values the policies were rendered from (-f FILE)",
                at: nil)
        }
        PhaseClock.mark("verify: inventory built")
        // The intent (one thread) is computed while the policies are evaluated (on every core).
        let (intended, effective) = Parallel.both(
            { IntendedConnectivity(mesh: mesh, inventory: subjects.inventory) },
            {
                EffectiveConnectivity(
                    policies: subjects.objects.policies, defaultNamespace: input.release.namespace, inventory: subjects.inventory)
            })
        PhaseClock.mark("verify: intended and effective connectivity")
        let result = MeshAnalysis.verify(intended: intended, effective: effective, listingFlows: format == .json)
        PhaseClock.mark("verify: compared")
        let locate = ruleLocator(subjects.objects, defaultNamespace: input.release.namespace, withLines: input.manifests != nil)
        let text: String
        switch format {
        case .text: text = result.description + "\n"
        case .json: text = result.json
        case .junit: text = result.junit(locate: locate)
        case .sarif: text = result.sarif(toolVersion: toolVersion, locate: locate)
        }
        return VerifyOutcome(text: text, passed: result.passed, notes: subjects.notes)
    }

    /// Where a cited policy or rule was written: file, and line when the manifests were read from files (`withLines`;
    /// rendered documents name their template only).
    static func ruleLocator(_ objects: ManifestObjects, defaultNamespace: String, withLines: Bool) -> (CitedRule) -> LintLocation? {
        var index: [String: Int] = [:]
        for (i, policy) in objects.policies.enumerated() where i < objects.policyMarks.count {
            let key = "\(policy.namespace ?? defaultNamespace)/\(policy.name)"
            if index[key] == nil { index[key] = i }
        }
        return { cited in
            guard let i = index["\(cited.namespace)/\(cited.policy)"] else { return nil }
            let marks = objects.policyMarks[i]
            let mark = cited.ruleNumber.map { marks.rule(cited.direction, $0 - 1) } ?? marks.policy
            return LintLocation(mark, withLines: withLines)
        }
    }

    /// Which rules allow or deny each flow `from` → `to` (endpoint names as results print them), and whether any of
    /// them differs from what the mesh intends (never, without a mesh). Policies the built-in chart rendered from the
    /// values name, rule by rule, the values entry they came from. `json`: a JSON array of the explanations.
    public static func explain(
        _ input: AnalysisInput, flows: [(from: String, to: String)], json: Bool = false, io: FileAccess
    ) throws
        -> (text: String, differsFromIntent: Bool)
    {
        let subjects = try analysisSubjects(input, io: io)
        let effective = EffectiveConnectivity(
            policies: subjects.objects.policies, defaultNamespace: input.release.namespace, inventory: subjects.inventory)
        let intended = subjects.mesh.map { IntendedConnectivity(mesh: $0, inventory: subjects.inventory) }
        let traces = input.chart == .builtin && input.manifests == nil ? subjects.mesh?.trace(values: subjects.values) : nil
        var text = "", differs = false
        for flow in flows {
            var explanation = try effective.explain(from: flow.from, to: flow.to, intended: intended)
            if let traces { explanation = explanation.citingSources(traces) }
            text += json ? (text.isEmpty ? "[\n" : ",\n") + explanation.json : explanation.description + "\n"
            if let intent = explanation.intended, intent != explanation.allowed { differs = true }
        }
        if json { text += "\n]\n" }
        return (text, differs)
    }

    /// The intended matrix (values with a mesh, no `--manifests`) or the effective one (with `--manifests`, or of the
    /// rendered chart when its values define no mesh) in `format`; `hidden` drops endpoints from every view.
    public static func matrix(
        _ input: AnalysisInput, format: MatrixFormat, hidden: Set<String> = [], io: FileAccess
    ) throws -> String {
        let (matrix, caption) = try connectivityMatrix(input, format: format, hidden: hidden, io: io)
        return matrix.rendered(as: format, caption: caption)
    }

    /// The matrix of ``matrix(_:format:hidden:io:)``, computed (every error thrown) before anything is written, and a
    /// writer that hands it out piece by piece: csv and json a row at a time, so that a matrix of any size is written
    /// in memory linear in its endpoints and flows.
    public static func matrixWriter(
        _ input: AnalysisInput, format: MatrixFormat, hidden: Set<String> = [], io: FileAccess
    ) throws -> ((Substring) -> Void) -> Void {
        let (matrix, caption) = try connectivityMatrix(input, format: format, hidden: hidden, io: io)
        return { write in matrix.write(as: format, caption: caption, to: write) }
    }

    /// The matrix to write in `format` and its caption: cells derived row by row as they are written for csv and json
    /// (unbounded), stored for the views drawn whole (bounded by ``MatrixSizeLimit``).
    static func connectivityMatrix(
        _ input: AnalysisInput, format: MatrixFormat, hidden: Set<String>, io: FileAccess
    ) throws -> (ConnectivityMatrix, MatrixCaption) {
        let streamed = format == .csv || format == .json
        let picture = format == .svg || format == .dot || format == .mermaid
        var release: Release?
        if input.manifests == nil {
            let made = Release(chart: input.chart, values: input.values, release: input.release, io: io)
            release = made
            let mesh = try made.mesh()
            if !mesh.components.isEmpty {
                let intended = IntendedConnectivity(mesh: mesh)
                try MatrixSizeLimit.check(intended.inventory, format)
                // Pictures show every endpoint the mesh names (externals, custom-rule peers, the outside world), not
                // the pods the analysis adds to stand for everyone else.
                let scope: ConnectivityMatrix.Scope = picture ? .all(hidden: hidden.union([ConnectivityMatrix.analysisOnly])) : .mesh
                let matrix = ConnectivityMatrix(intended: intended, scope: scope, cells: streamed ? .derived : .stored)
                return (matrix.hiding(picture ? [] : hidden), caption(input, intended: true))
            }
            if input.chart == .builtin {
                throw InputError(
                    "nothing to draw: the values define no mesh (mesh.components); give values (-f FILE), a chart or --manifests",
                    at: nil)
            }
        }
        let subjects = try analysisSubjects(input, rendering: release, io: io)
        let effective = EffectiveConnectivity(
            policies: subjects.objects.policies, defaultNamespace: input.release.namespace, inventory: subjects.inventory)
        try MatrixSizeLimit.check(effective.inventory, format)
        // The effective json lists endpoints and flows, no rows.
        let cells: ConnectivityMatrix.CellStorage = format == .json ? .none : streamed ? .derived : .stored
        return (
            ConnectivityMatrix(effective: effective, mesh: subjects.mesh, scope: .all(hidden: hidden), cells: cells),
            caption(input, intended: false)
        )
    }

    /// What a picture shows: the release and namespace, intended or effective, and the inputs it was drawn from.
    static func caption(_ input: AnalysisInput, intended: Bool) -> MatrixCaption {
        let which = intended ? "intended connectivity" : "effective connectivity"
        let title = "\(input.release.name) in namespace \(input.release.namespace): \(which)"
        var sources: [String] = []
        if case .directory(let path) = input.chart { sources.append("chart \(path)") }
        let files = input.values.valueFiles.map { $0 == "-" ? "<stdin>" : $0 }
        if !files.isEmpty { sources.append("values " + files.joined(separator: ", ")) }
        let sets = input.values.setValues + input.values.stringValues + input.values.jsonValues
        if !sets.isEmpty { sources.append("--set " + sets.joined(separator: ", ")) }
        if let manifests = input.manifests { sources.append("manifests " + (manifests == "-" ? "<stdin>" : manifests)) }
        return MatrixCaption(title: title, subtitle: sources.joined(separator: "; "))
    }

    /// The mesh (when the values define components), the objects of the manifests (from `--manifests`, else
    /// rendered), and the inventory of both. `documentsByTemplate`: rendered documents are read one by one, their marks
    /// naming the template each came from (`# Source:`) rather than a line of the rendered stream.
    /// `rendering`: the release already made for `input` (without `--manifests`), whose mesh may be known.
    static func analysisSubjects(
        _ input: AnalysisInput, rendering: Release? = nil, io: FileAccess, documentsByTemplate: Bool = false
    ) throws -> AnalysisSubjects {
        if input.manifests == "-" && input.values.valueFiles.contains("-") {
            throw InputError("standard input can be read only once: give either the values or the manifests as '-'", at: nil)
        }
        let mesh: MeshSpec
        let values: Node
        let objects: ManifestObjects
        if let manifests = input.manifests {
            // The manifests are read while the values are read and coalesced on the second core; the mesh, whose
            // components may name the manifests' workloads, is made once both are. The manifests' errors come first.
            let release = Release(chart: input.chart, values: input.values, release: input.release, io: io)
            nonisolated(unsafe) let valuesRelease = release
            let (read, resolved) = Parallel.both(
                {
                    Result { () throws(InputError) in
                        try ManifestSource.loadObjects(
                            path: manifests, defaultNamespace: input.release.namespace, readStdin: io.readStdinAsInput)
                    }
                },
                { Result { try valuesRelease.resolvedChart().values } })
            objects = try read.get()
            PhaseClock.mark("manifests and values read")
            release.workloads = objects.workloadDirectory
            (values, mesh) = (try resolved.get(), try release.mesh())
        } else {
            // One release: its values read, coalesced and made a mesh once, for the render and the intent.
            let release = rendering ?? Release(chart: input.chart, values: input.values, release: input.release, io: io)
            let rendered = try release.rendered()
            (values, mesh) = (try release.resolvedChart().values, try release.mesh())
            if documentsByTemplate {
                objects = try ManifestObjects.read(
                    rendered.selectedDocuments().map(\.node), defaultNamespace: input.release.namespace)
            } else {
                // The render's own output: bounded by the output bounds, not by the input size bound.
                objects = try ManifestSource.objects(
                    bytes: Array(rendered.text.utf8), file: "rendered", parser: YAMLParser(limits: .init(maxBytes: .max)),
                    defaultNamespace: input.release.namespace)
            }
        }
        PhaseClock.mark("mesh made")
        var builder = InventoryBuilder(defaultNamespace: input.release.namespace)
        let intent = mesh.components.isEmpty ? nil : mesh
        if let intent { builder.add(mesh: intent) }
        builder.add(objects)
        var notes: [String] = []
        if objects.skipped > 0 {
            let plural = objects.skipped != 1
            notes.append(
                "skipped \(objects.skipped) document\(plural ? "s" : "") that \(plural ? "are" : "is") neither a NetworkPolicy, a workload nor a Namespace")
        }
        // Policies rendered from a mesh: the values' own warnings name these ports where the values wrote them.
        if intent == nil || input.manifests != nil {
            for policy in objects.policies { notes += policy.namedPortWarnings(defaultNamespace: input.release.namespace) }
        }
        return AnalysisSubjects(mesh: intent, values: values, objects: objects, inventory: builder.build(), notes: notes)
    }
}
