import ManifestDiff
import MeshAnalysis
import MeshModel
import YAMLCore

public typealias MatrixFormat = MeshAnalysis.MatrixFormat

/// What `verify` found, ready to print.
public struct VerifyOutcome: Sendable {
    /// The report (differences, or the one-line confirmation), or its JSON form.
    public var text: String
    public var passed: Bool
    /// Remarks for stderr (documents skipped because they are neither policies, workloads nor namespaces).
    public var notes: [String]
}

/// How `verify` prints its result.
public enum VerifyFormat: String, CaseIterable, Sendable { case text, json }

/// The mesh of the values (intent), the manifests' objects, and the inventory of every endpoint both name.
struct AnalysisSubjects {
    /// The mesh from the values; `nil` when there is none (no values, or values without components).
    var mesh: MeshSpec?
    var objects: ManifestObjects
    var inventory: Inventory
    var notes: [String]
}

extension Pipeline {
    /// Compares the effective connectivity of the rendered (or given) manifests with the mesh's intent, over every
    /// endpoint: components, externals, workloads, representatives and the outside world. Without a mesh in the
    /// values there is nothing to compare with: an `InputError`.
    public static func verify(_ input: AnalysisInput, format: VerifyFormat = .text, io: FileAccess) throws -> VerifyOutcome {
        let subjects = try analysisSubjects(input, io: io)
        guard let mesh = subjects.mesh else {
            throw InputError(
                "nothing to verify: the values define no mesh (mesh.components); give the values the policies were rendered from (-f FILE)",
                at: nil)
        }
        let intended = IntendedConnectivity(mesh: mesh, inventory: subjects.inventory)
        let effective = EffectiveConnectivity(
            policies: subjects.objects.policies, defaultNamespace: input.release.namespace, inventory: subjects.inventory)
        let result = MeshAnalysis.verify(intended: intended, effective: effective)
        let text = format == .json ? result.json : result.description + "\n"
        return VerifyOutcome(text: text, passed: result.passed, notes: subjects.notes)
    }

    /// Which rules allow or deny each flow `from` → `to` (endpoint names as results print them), and whether any of
    /// them differs from what the mesh intends (never, without a mesh).
    public static func explain(_ input: AnalysisInput, flows: [(from: String, to: String)], io: FileAccess) throws
        -> (text: String, differsFromIntent: Bool)
    {
        let subjects = try analysisSubjects(input, io: io)
        let effective = EffectiveConnectivity(
            policies: subjects.objects.policies, defaultNamespace: input.release.namespace, inventory: subjects.inventory)
        let intended = subjects.mesh.map { IntendedConnectivity(mesh: $0, inventory: subjects.inventory) }
        var text = "", differs = false
        for flow in flows {
            let explanation = try effective.explain(from: flow.from, to: flow.to, intended: intended)
            text += explanation.description + "\n"
            if let intent = explanation.intended, intent != explanation.allowed { differs = true }
        }
        return (text, differs)
    }

    /// The intended matrix (values with a mesh, no `--manifests`) or the effective one (with `--manifests`, or of the
    /// rendered chart when its values define no mesh) in `format`; `hidden` drops endpoints from the effective views.
    public static func matrix(
        _ input: AnalysisInput, format: MatrixFormat, hidden: Set<String> = [], io: FileAccess
    ) throws -> String {
        let matrix = try connectivityMatrix(input, format: format, hidden: hidden, io: io)
        return matrix.rendered(as: format)
    }

    /// The matrix of ``matrix(_:format:hidden:io:)``, computed (every error thrown) before anything is written, and a
    /// writer that hands it out piece by piece: csv and json a row at a time, so that a matrix of any size is written
    /// in memory linear in its endpoints and flows.
    public static func matrixWriter(
        _ input: AnalysisInput, format: MatrixFormat, hidden: Set<String> = [], io: FileAccess
    ) throws -> ((Substring) -> Void) -> Void {
        let matrix = try connectivityMatrix(input, format: format, hidden: hidden, io: io)
        return { write in matrix.write(as: format, to: write) }
    }

    /// The matrix to write in `format`: cells derived row by row as they are written for csv and json (unbounded),
    /// stored for the views drawn whole (bounded by ``MatrixSizeLimit``).
    static func connectivityMatrix(
        _ input: AnalysisInput, format: MatrixFormat, hidden: Set<String>, io: FileAccess
    ) throws -> ConnectivityMatrix {
        let streamed = format == .csv || format == .json
        if input.manifests == nil {
            let mesh = try loadMesh(input, io: io)
            if !mesh.components.isEmpty {
                let intended = IntendedConnectivity(mesh: mesh)
                try MatrixSizeLimit.check(intended.inventory, format)
                return ConnectivityMatrix(intended: intended, cells: streamed ? .derived : .stored)
            }
            if input.chart == .builtin {
                throw InputError(
                    "nothing to draw: the values define no mesh (mesh.components); give values (-f FILE), a chart or --manifests",
                    at: nil)
            }
        }
        let subjects = try analysisSubjects(input, io: io)
        let effective = EffectiveConnectivity(
            policies: subjects.objects.policies, defaultNamespace: input.release.namespace, inventory: subjects.inventory)
        try MatrixSizeLimit.check(effective.inventory, format)
        // The effective json lists endpoints and flows, no rows.
        let cells: ConnectivityMatrix.CellStorage = format == .json ? .none : streamed ? .derived : .stored
        return ConnectivityMatrix(effective: effective, mesh: subjects.mesh, scope: .all(hidden: hidden), cells: cells)
    }

    /// The mesh of the chart's values.
    static func loadMesh(_ input: AnalysisInput, io: FileAccess) throws -> MeshSpec {
        let chart = try load(input.chart)
        let values = try chartValues(chart, input: input.values, io: io)
        return try mesh(values: values, namespace: input.release.namespace)
    }

    /// The mesh (when the values define components), the objects of the manifests (from `--manifests`, else
    /// rendered), and the inventory of both. `documentsByTemplate`: rendered documents are read one by one, their marks
    /// naming the template each came from (`# Source:`) rather than a line of the rendered stream.
    static func analysisSubjects(
        _ input: AnalysisInput, io: FileAccess, documentsByTemplate: Bool = false
    ) throws -> AnalysisSubjects {
        if input.manifests == "-" && input.values.files.contains("-") {
            throw InputError("standard input can be read only once: give either the values or the manifests as '-'", at: nil)
        }
        let mesh = try loadMesh(input, io: io)
        let documents: [Node]
        if let manifests = input.manifests {
            documents = try ManifestSource.loadNodes(path: manifests, readStdin: io.readStdinAsInput)
        } else {
            let rendered = try render(chart: input.chart, values: input.values, release: input.release, io: io)
            documents = documentsByTemplate
                ? try rendered.selectedDocuments().map(\.node)
                // The render's own output: bounded by the output bounds, not by the input size bound.
                : try YAMLParser(limits: .init(maxBytes: .max)).parseAll(rendered.text, file: "rendered")
        }
        let objects = try ManifestObjects.read(documents, defaultNamespace: input.release.namespace)
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
        for policy in objects.policies { notes += policy.namedPortWarnings(defaultNamespace: input.release.namespace) }
        return AnalysisSubjects(mesh: intent, objects: objects, inventory: builder.build(), notes: notes)
    }
}
