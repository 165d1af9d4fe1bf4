import ArgumentParser
import Foundation

/// The `meshrender` command: renders component meshes into least-privilege NetworkPolicies,
/// renders Helm-style charts, verifies connectivity, draws matrices and diffs releases.
@main
struct Meshrender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshrender",
        abstract: "Render Kubernetes manifests and least-privilege NetworkPolicies for component meshes.",
        discussion: """
            Values files and --set overrides merge exactly as Helm merges them. The connectivity matrix
            under `mesh:` expands into one NetworkPolicy per component (see README.md).

            Exit status: 0 success, 1 differences found (verify, diff --exit-code), 2 bad input or usage.
            """,
        version: MeshrenderVersion.current,
        subcommands: [RenderCommand.self, VerifyCommand.self, MatrixCommand.self, DiffCommand.self],
        defaultSubcommand: nil
    )

    /// Parses, runs, and maps every failure to the documented exit status: usage and input errors
    /// print one line on stderr and exit 2; nothing is written to stdout on failure.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .success {  // --help, --version
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Diagnostics.fail(message(for: error))
        }
        do {
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            Diagnostics.fail(String(describing: error))
        }
    }
}
