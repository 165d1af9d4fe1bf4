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
                  --post-renderer-args -f --post-renderer-args mesh.yaml
            """
    )

    @OptionGroup var values: ValuesFlags
    @OptionGroup var release: ReleaseFlags
    @OptionGroup var limits: LimitFlags

    @Flag(name: .customLong("verify"), help: "Fail unless the chart's policies and the mesh's give the intended connectivity.")
    var verify = false

    func run() throws {
        let io = FileAccess.standard
        let stdin = try io.readStdin()
        let result = try Pipeline.postRender(
            manifests: stdin, values: values.input, release: release.input, verify: verify, io: io)
        result.notes.forEach(Diagnostics.note)
        if let verification = result.verification, !verification.passed {
            Diagnostics.writeError("meshrender post-render: " + verification.summaryLine + "\n")
            Diagnostics.finish(status: 1, keeping: result)
        }
        Diagnostics.emit(result.text)
        Diagnostics.finish(keeping: result)
    }
}
