import MeshAnalysis
import YAML

public typealias LintReport = MeshAnalysis.LintReport
public typealias LintOptions = MeshAnalysis.LintOptions
public typealias LintSeverity = MeshAnalysis.LintSeverity
public typealias LintRule = MeshAnalysis.LintRule

/// What `lint` found, ready to print.
public struct LintOutcome: Sendable {
    /// The findings and the rules that ran.
    public var report: LintReport
    /// Remarks for stderr (documents skipped because they are neither policies, workloads nor namespaces).
    public var notes: [String]
}

extension Pipeline {
    /// Lints the given manifests (file:line:col from their files) or the rendered chart (findings name the template
    /// file of each document; its lines are not those of the template, so none are given).
    public static func lint(_ input: AnalysisInput, options: LintOptions, io: FileAccess) throws -> LintOutcome {
        let subjects = try analysisSubjects(input, io: io, documentsByTemplate: true)
        var options = options
        options.sourceLines = input.manifests != nil
        let report = Linter(options: options).report(subjects.objects, defaultNamespace: input.release.namespace)
        return LintOutcome(report: report, notes: subjects.notes)
    }
}
