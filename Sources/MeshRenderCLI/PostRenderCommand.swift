import ArgumentParser
import MeshRender

/// `meshrender post-render`: a Helm post-renderer adding the mesh's NetworkPolicies to a chart's manifests.
struct PostRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post-render",
        abstract: "Append the mesh's NetworkPolicies to a chart's rendered manifests (a Helm post-renderer).",
        discussion: """
            Reads the chart's rendered manifests on stdin and writes them back unchanged, byte for byte,
            followed by the NetworkPolicies the built-in chart expands the values' mesh into. Components
            may name a workload of the manifests (mesh.components.agent.workload: vald-agent, or
            StatefulSet/vald-agent) instead of repeating its pods' labels.

            --verify evaluates the chart's own policies and the mesh's together and fails (exit 1, one line
            on stderr, nothing on stdout) unless they give exactly the intended connectivity.

            Examples:
              helm template vald charts/vald | meshrender post-render -f mesh.yaml -n vald --verify
              helm install vald charts/vald -n vald --post-renderer meshrender \\
                  --post-renderer-args=--values=mesh.yaml --post-renderer-args=--namespace=vald
            """
    )

    @OptionGroup var values: ValuesFlags
    @OptionGroup var limits: LimitFlags

    /// Required: Helm tells a post-renderer neither the release's namespace nor its name, and a policy rendered
    /// for `default` would land there whatever namespace the release is installed in.
    @Option(name: SharedFlag.namespace, help: ArgumentHelp("The release's namespace (required).", valueName: "ns"))
    var namespace: String?
    @Option(name: SharedFlag.release, help: SharedFlag.releaseHelp) var release: String = "release-name"

    @Flag(name: .customLong("verify"), help: "Fail unless the chart's policies and the mesh's give the intended connectivity.")
    var verify = false

    func validate() throws {
        if namespace == nil {
            throw ValidationError(
                "give the release's namespace with -n/--namespace: Helm does not pass it to a post-renderer (--post-renderer-args=--namespace=NS)")
        }
    }

    func run() throws {
        ValuesWarnings.strict = values.strict
        let io = FileAccess.standard
        let stdin = try io.readStdin()
        let result = try Pipeline.postRender(
            manifests: stdin, values: values.input,
            release: ReleaseInput(name: release, namespace: namespace ?? "default", skipSchemaValidation: values.skipSchemaValidation),
            verify: verify, io: io)
        result.notes.forEach(Diagnostics.note)
        if let verification = result.verification, !verification.passed {
            Diagnostics.writeError("meshrender post-render: " + verification.summaryLine + "\n")
            Diagnostics.finish(status: 1, keeping: result)
        }
        Diagnostics.emit(result.text)
        Diagnostics.finish(keeping: result)
    }
}
