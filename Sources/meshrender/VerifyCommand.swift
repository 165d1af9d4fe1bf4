import ArgumentParser
import MeshRender

/// `meshrender verify`: effective connectivity of rendered (or given) policies against the intended matrix.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the policies give exactly the intended connectivity.",
        discussion: """
            Renders the mesh from the values (or reads --manifests), evaluates Kubernetes NetworkPolicy
            semantics, and compares the result with the matrix, kube-system access and custom rules.
            Exit status 0 when equal, 1 listing every missing and extra flow, 2 on bad input.

            Examples:
              meshrender verify -f values/vald.yaml -n vald
              meshrender verify -f values/vald.yaml -n vald --manifests deployed.yaml
              meshrender verify -f values/vald.yaml -n vald --explain lb-gateway agent
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
            help: ArgumentHelp("Explain one flow: which rules allow or deny FROM → TO.", valueName: "from to"))
    var explain: [String] = []

    func validate() throws {
        if !explain.isEmpty && explain.count != 2 {
            throw ValidationError("--explain takes two endpoint ids: FROM TO")
        }
    }

    func run() throws {
        let input = AnalysisInput(
            chart: chart.reference, values: values.input, release: release.input, manifests: manifests)
        if explain.count == 2 {
            Diagnostics.emit(try Pipeline.explain(input, from: explain[0], to: explain[1], io: .standard))
            return
        }
        let outcome = try Pipeline.verify(input, io: .standard)
        outcome.notes.forEach(Diagnostics.note)
        Diagnostics.emit(outcome.text)
        Diagnostics.finish(status: outcome.passed ? 0 : 1, keeping: outcome)
    }
}
