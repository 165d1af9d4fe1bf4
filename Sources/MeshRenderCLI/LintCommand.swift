import ArgumentParser
import MeshRender

/// `meshrender lint`: what NetworkPolicy linters flag, with a stable rule id and file:line each.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report risky, dangling and redundant NetworkPolicies and unprotected workloads.",
        discussion: """
            Reads --manifests (findings name file:line:col) or renders the chart
            (findings name the template each document came from). Rules:

              non-isolated-ingress, non-isolated-egress: no policy isolates a workload
              namespace-without-default-deny: no `podSelector: {}` deny both ways
              dangling-policy, dangling-peer: selectors matching no workload
              open-peer: `{}` rules, `namespaceSelector: {}`, 0.0.0.0/0, ::/0
              egress-to-world-any-port: egress to the outside world, every port
              ingress-from-world-unexposed: world ingress on unexposed ports
              unknown-named-port (error): named ports no container declares
              ipblock-covers-pods: ipBlocks overlapping --pod-cidr/--service-cidr
              redundant-rule (info): rules another rule of the policy covers

            Exit status 0 when no finding is at --fail-level or above (default:
            error), 1 otherwise, 2 on bad input or usage (unknown rule ids too).

            Examples:
              meshrender lint --manifests rendered.yaml -n vald
              meshrender lint ./chart -f values.yaml -o sarif > lint.sarif
              meshrender lint --manifests out/ --pod-cidr 10.244.0.0/16
              meshrender lint --manifests out/ --disable redundant-rule
            """
    )

    @OptionGroup var chart: ChartArgument
    @OptionGroup var values: ValuesFlags
    @OptionGroup var release: ReleaseFlags
    @OptionGroup var limits: LimitFlags

    @Option(name: .customLong("manifests"),
            help: ArgumentHelp("Lint these manifests (file, directory or '-') instead of rendering.", valueName: "path"))
    var manifests: String?

    @Option(name: [.short, .customLong("output")], help: "text, json or sarif (SARIF 2.1.0).")
    var output: LintReport.Format = .text

    @Option(name: .customLong("disable"), help: ArgumentHelp("Do not run this rule (repeatable).", valueName: "rule"))
    var disable: [String] = []

    @Option(name: .customLong("fail-level"), help: "Exit 1 when a finding is at this severity or above: error, warning or info.")
    var failLevel: LintSeverity = .error

    @Option(name: .customLong("pod-cidr"), help: ArgumentHelp("The cluster's pod range (repeatable).", valueName: "cidr"))
    var podCIDRs: [String] = []

    @Option(name: .customLong("service-cidr"), help: ArgumentHelp("The cluster's service range (repeatable).", valueName: "cidr"))
    var serviceCIDRs: [String] = []

    func run() throws {
        ValuesWarnings.strict = values.strict
        let options = try LintOptions(disabling: disable, podCIDRs: podCIDRs, serviceCIDRs: serviceCIDRs)
        let input = AnalysisInput(
            chart: chart.reference, values: values.input, release: release.input(skipSchemaValidation: values.skipSchemaValidation),
            manifests: manifests)
        let outcome = try Pipeline.lint(input, options: options, io: .standard)
        outcome.notes.forEach(Diagnostics.note)
        Diagnostics.emit(outcome.report.rendered(as: output, toolVersion: MeshrenderVersion.current))
        Diagnostics.finish(status: outcome.report.fails(at: failLevel) ? 1 : 0, keeping: outcome)
    }
}

extension LintReport.Format: ExpressibleByArgument {}
extension LintSeverity: ExpressibleByArgument {}
