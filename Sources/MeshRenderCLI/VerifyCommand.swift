import ArgumentParser
import MeshRender

/// `meshrender verify`: effective connectivity of rendered (or given) policies against the intended matrix.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the policies give exactly the intended connectivity.",
        discussion: """
            Renders the mesh from the values (or reads --manifests), evaluates Kubernetes NetworkPolicy
            semantics over every endpoint (components, externals, workloads in the manifests, a pod of
            each namespace, pods that selectors could match elsewhere, the outside world cut at every
            ipBlock) and compares the result with the matrix, kube-system access and custom rules.
            Exit status 0 when equal, 1 listing every missing and extra flow, 2 on bad input or when the
            values define no mesh (nothing to verify).

            Examples:
              meshrender verify -f values/vald.yaml -n vald
              meshrender verify -f values/vald.yaml -n vald --manifests deployed.yaml
              meshrender verify -f values/vald.yaml -n vald --explain lb-gateway agent
              meshrender verify -f values/vald.yaml -n vald -o json
              meshrender verify -f values/vald.yaml -n vald -o junit > verify.xml
              meshrender verify -f values/vald.yaml -n vald -o sarif > verify.sarif
            """
    )

    @OptionGroup var chart: ChartArgument
    @OptionGroup var values: ValuesFlags
    @OptionGroup var release: ReleaseFlags
    @OptionGroup var limits: LimitFlags

    @Option(name: .customLong("manifests"),
            help: ArgumentHelp("Verify these manifests (file, directory or '-') instead of rendering.", valueName: "path"))
    var manifests: String?

    @Option(name: .customLong("explain"), parsing: .upToNextOption,
            help: ArgumentHelp(
                "Explain a flow: which rules allow or deny FROM → TO and, for policies rendered from the values, the values line behind each rule (repeatable; any endpoint id: component, external, workload, representative; -o json for JSON). Exit 1 when one differs from the intent.",
                valueName: "from to"))
    var explain: [String] = []

    @Option(name: [.short, .customLong("output")],
            help: "text, json (the result with every effective flow), junit (a test case per source endpoint) or sarif (SARIF 2.1.0).")
    var output: VerifyFormat = .text

    func validate() throws {
        if explain.count % 2 != 0 {
            throw ValidationError("--explain takes two endpoint ids: FROM TO")
        }
    }

    func run() throws {
        ValuesWarnings.strict = values.strict
        let input = AnalysisInput(
            chart: chart.reference, values: values.input, release: release.input(skipSchemaValidation: values.skipSchemaValidation),
            manifests: manifests)
        if !explain.isEmpty {
            let flows = stride(from: 0, to: explain.count, by: 2).map { (from: explain[$0], to: explain[$0 + 1]) }
            let result = try Pipeline.explain(input, flows: flows, json: output == .json, io: .standard)
            Diagnostics.emit(result.text)
            Diagnostics.finish(status: result.differsFromIntent ? 1 : 0, keeping: result.text)
            return
        }
        let outcome = try Pipeline.verify(
            input, format: output, toolVersion: MeshrenderVersion.current, io: .standard)
        outcome.notes.forEach(Diagnostics.note)
        Diagnostics.emit(outcome.text)
        Diagnostics.finish(status: outcome.passed ? 0 : 1, keeping: outcome)
    }
}

/// `--output text|json|junit|sarif`: the library's formats, by name.
extension VerifyFormat: ExpressibleByArgument {}
