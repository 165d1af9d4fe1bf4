import ManifestDiff
import MeshAnalysis
import MeshModel
import YAMLCore

public typealias MatrixFormat = MeshAnalysis.MatrixFormat

/// What `verify` found, ready to print.
public struct VerifyOutcome: Sendable {
    /// The report (differences, or the one-line confirmation).
    public var text: String
    public var passed: Bool
    /// Remarks for stderr (documents skipped because they are not NetworkPolicies).
    public var notes: [String]
}

/// The policies analysed and the mesh they are compared with.
struct AnalysisSubjects {
    /// The mesh from the values; `nil` when only manifests were given.
    var mesh: MeshSpec?
    var policies: [NetworkPolicy]
    var notes: [String]
}

extension Pipeline {
    /// Compares the effective connectivity of the rendered (or given) policies with the mesh's intent.
    public static func verify(_ input: AnalysisInput, io: FileAccess) throws -> VerifyOutcome {
        let subjects = try analysisSubjects(input, io: io, needsMesh: true)
        let result = MeshAnalysis.verify(
            mesh: subjects.mesh!, policies: subjects.policies, defaultNamespace: input.release.namespace)
        return VerifyOutcome(text: result.description + "\n", passed: result.passed, notes: subjects.notes)
    }

    /// Which rules allow or deny the flow `from` → `to` (endpoint names as results print them).
    public static func explain(_ input: AnalysisInput, from: String, to: String, io: FileAccess) throws -> String {
        let subjects = try analysisSubjects(input, io: io, needsMesh: false)
        let effective: EffectiveConnectivity
        var intended: IntendedConnectivity?
        if let mesh = subjects.mesh {
            let intent = IntendedConnectivity(mesh: mesh)
            intended = intent
            effective = EffectiveConnectivity(
                policies: subjects.policies, defaultNamespace: input.release.namespace, inventory: intent.inventory)
        } else {
            effective = EffectiveConnectivity(policies: subjects.policies, defaultNamespace: input.release.namespace)
        }
        return try effective.explain(from: from, to: to, intended: intended).description + "\n"
    }

    /// The intended matrix (values only) or the effective one (with `--manifests`) in `format`.
    public static func matrix(_ input: AnalysisInput, format: MatrixFormat, io: FileAccess) throws -> String {
        let matrix: ConnectivityMatrix
        if input.manifests == nil {
            let mesh = try loadMesh(input, io: io)
            let intended = IntendedConnectivity(mesh: mesh)
            try MatrixSizeLimit.check(intended.inventory, format)
            matrix = ConnectivityMatrix(intended: intended)
        } else {
            let subjects = try analysisSubjects(input, io: io, needsMesh: false)
            if let mesh = subjects.mesh {
                let inventory = IntendedConnectivity(mesh: mesh).inventory
                try MatrixSizeLimit.check(inventory, format)
                matrix = ConnectivityMatrix(
                    effective: EffectiveConnectivity(
                        policies: subjects.policies, defaultNamespace: input.release.namespace, inventory: inventory),
                    mesh: mesh)
            } else {
                let effective = EffectiveConnectivity(policies: subjects.policies, defaultNamespace: input.release.namespace)
                try MatrixSizeLimit.check(effective.inventory, format)
                matrix = ConnectivityMatrix(effective: effective)
            }
        }
        return matrix.rendered(as: format)
    }

    /// The mesh of the chart's values.
    static func loadMesh(_ input: AnalysisInput, io: FileAccess) throws -> MeshSpec {
        let chart = try load(input.chart)
        let values = try chartValues(chart, input: input.values, io: io)
        return try mesh(values: values, namespace: input.release.namespace)
    }

    /// The mesh (from values, when any were given or needed) and the policies (from `--manifests`, else rendered).
    static func analysisSubjects(_ input: AnalysisInput, io: FileAccess, needsMesh: Bool) throws -> AnalysisSubjects {
        let hasValues = !input.values.files.isEmpty || !input.values.set.isEmpty
            || !input.values.setString.isEmpty || !input.values.setJSON.isEmpty || input.chart != .builtin
        if needsMesh && !hasValues {
            throw InputError("needs the values the policies were rendered from (-f FILE)", at: nil)
        }
        let mesh = hasValues ? try loadMesh(input, io: io) : nil
        let documents: [Node]
        if let manifests = input.manifests {
            documents = try ManifestSource.loadNodes(path: manifests, readStdin: io.readStdinAsInput)
        } else {
            let rendered = try render(chart: input.chart, values: input.values, release: input.release, io: io)
            documents = try YAMLParser().parseAll(rendered.text, file: "rendered")
        }
        let read = try ManifestPolicies.read(documents)
        var notes: [String] = []
        if read.skipped > 0 {
            notes.append("skipped \(read.skipped) document\(read.skipped == 1 ? "" : "s") that \(read.skipped == 1 ? "is not a NetworkPolicy" : "are not NetworkPolicies")")
        }
        return AnalysisSubjects(mesh: mesh, policies: read.policies, notes: notes)
    }
}
