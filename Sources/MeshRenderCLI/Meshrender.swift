import ArgumentParser
import MeshRender
import Platform
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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

            Exit status: 0 success; 1 a difference or finding (verify, verify --explain, diff --exit-code or
            --fail-on, lint --fail-level, post-render --verify); 2 bad input or usage (and values warnings with --strict).
            """,
        version: MeshrenderVersion.current,
        subcommands: [
            RenderCommand.self, TemplateCommand.self, VerifyCommand.self, MatrixCommand.self, DiffCommand.self, LintCommand.self,
            PostRenderCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Parses, runs, and maps every failure to the documented exit status: usage and input errors
    /// print one line on stderr and exit 2; nothing is written to stdout on failure.
    static func main() {
        PhaseClock.mark("start")
        MemoryTuning.apply(command: CommandLine.arguments.dropFirst().first)
        InterruptLatch.exitOnInterrupt()
        // The chart and values files of a render start loading on a second core while the argument parser starts up.
        let prefetch = RenderInputsHint.prefetch(Array(CommandLine.arguments.dropFirst()))
        // One thread with a stack as deep as templates may recurse runs the whole command, so that
        // parsing and executing templates need no threads of their own.
        LargeStackThread.run(stackSize: LargeStackThread.commandStackSize) { runCommand(prefetched: prefetch) }
    }

    private static func runCommand(prefetched: InputPrefetch?) {
        refuseUnknownSubcommand(Array(CommandLine.arguments.dropFirst()))
        do {
            let (arguments, repeated) = RepeatedFlags.extract(Array(CommandLine.arguments.dropFirst()))
            if let template = TemplateCommand.passing(arguments) {
                PhaseClock.mark("arguments parsed")
                try runReportingInputErrors { try template.run(prefetched: prefetched) }
                return
            }
            var command = try parseAsRoot(arguments)
            PhaseClock.mark("arguments parsed")
            if !repeated.isEmpty {
                guard var taking = command as? TakesRepeatedFlags & ParsableCommand else {
                    throw ValidationError("--set is not an option of this command")
                }
                taking.append(repeated)
                command = taking
            }
            (command as? TakesLimitFlags)?.limits.apply()
            try runReportingInputErrors {
                if let command = command as? RunsWithPrefetch {
                    try command.run(prefetched: prefetched)
                } else {
                    try command.run()
                }
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {  // --help, --version
                print(fullMessage(for: error, columns: helpColumns))
                Glibc.exit(0)
            }
            if let exit = error as? ExitCode { Glibc.exit(exit.rawValue) }
            Diagnostics.fail(message(for: error))
        }
    }

    /// Runs a parsed command: an error of the input (values, templates, manifests, files) prints as its one line and
    /// exits 2; an interrupted output directory exits as the signal would; ArgumentParser's own errors go on.
    private static func runReportingInputErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let interrupted as OutputDirectory.Interrupted {
            // The output directory is as it was, or fully written: exit as the signal would.
            Diagnostics.writeError("meshrender: \(interrupted)\n")
            Glibc.exit(128 + interrupted.signal)
        } catch let error where isInputError(error) {
            Diagnostics.fail((error as? ChartRenderError)?.line ?? String(describing: error))
        }
    }

    /// The width help is laid out for: the terminal's (`COLUMNS`, else the window, else 80), but never under 100,
    /// the width the discussions and examples are written to, so no example is broken in the middle of its command.
    static var helpColumns: Int {
        var columns = 80
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let value = Int(text), value > 0 {
            columns = value
        } else {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { columns = Int(size.ws_col) }
        }
        return max(columns, 100)
    }

    /// A first argument that is no option and no subcommand (`meshrender rendr`), or `help` of one that does not
    /// exist, is a usage error with a suggestion: exit 2.
    private static func refuseUnknownSubcommand(_ arguments: [String]) {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        var word = arguments.first
        var prefix = "unknown subcommand"
        if word == "help" {
            word = arguments.dropFirst().first
            prefix = "no help for unknown subcommand"
        }
        guard let word, !word.hasPrefix("-"), !names.contains(word), word != "help" else { return }
        let hint = DidYouMean.suggestion(for: word, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        Diagnostics.fail("\(prefix) '\(word)'\(hint); subcommands: \(names.joined(separator: ", "))")
    }

    /// Errors of the pipeline (bad values, templates, manifests, files) print as their own one-line
    /// description; ArgumentParser's own errors (help, usage) are worded by ArgumentParser.
    private static func isInputError(_ error: Error) -> Bool {
        let module = String(reflecting: type(of: error))
        return !module.hasPrefix("ArgumentParser.")
    }
}
