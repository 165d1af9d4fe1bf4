import ArgumentParser
import MeshRender
import Platform

/// `meshrender template [NAME] [CHART] [flags]`: `helm template`'s command line, so that meshrender
/// can stand where tools call `helm template` (kustomize's `--helm-command`, helmfile's `helmBinary`,
/// CI scripts). Every flag of `helm template` is either implemented or refused with one line naming it.
struct TemplateCommand: ParsableCommand, RunsWithPrefetch {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render a chart with helm template's arguments: [NAME] CHART [flags], flags anywhere.",
        discussion: """
            Implemented (as helm template 4.1): -f/--values, --set, --set-string, --set-json, --set-file, \
            --set-literal, -n/--namespace, --include-crds, --skip-crds (no effect, as in helm template), \
            --skip-tests, --no-hooks, --is-upgrade, --kube-version, -a/--api-versions, -s/--show-only, \
            --output-dir, --release-name (release name in the --output-dir path), -g/--generate-name, \
            --name-template, --dry-run[=client], --skip-schema-validation; and meshrender's bounds \
            --max-input-size, --max-value-size, --max-output-size (MiB, see LIMITS.md).

            With one positional it is the chart and the release is named "release-name" (or by \
            --name-template), as helm template does. Flags that need a chart repository (--repo, \
            --version, --devel, --dependency-update, ...), a cluster (--validate, --dry-run=server, \
            --kube-context, ...) or a plugin (--post-renderer) are refused with one line naming the \
            flag, exit status 2; so are install-only flags.

            Examples:
              meshrender template web ./chart -n prod -f prod.yaml --include-crds
              meshrender template ./chart --set image.tag=v2 --skip-tests --output-dir out/
            """
    )

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("[NAME] CHART and helm template's flags.", valueName: "args"))
    var words: [String] = []

    func run() throws {
        try run(prefetched: nil)
    }

    /// Renders, taking the chart and values files read ahead when they are this command's.
    func run(prefetched: InputPrefetch?) throws {
        let arguments = try TemplateArguments(parsing: words)
        if arguments.isSet("help") { throw CleanExit.helpRequest(TemplateCommand.self) }
        try LimitFlags.apply(arguments)
        let request = try TemplateRequest(arguments)
        let rendered = try Pipeline.render(
            chart: .directory(request.chart), values: request.values, release: request.release, io: .standard,
            prefetched: prefetched)
        if let outputDir = arguments.last("output-dir") {
            Diagnostics.emit(try rendered.writeHelmTemplate(to: outputDir, release: request.release.name, request.output))
        } else {
            Diagnostics.emit(try rendered.helmTemplateWriter(request.output))
        }
        PhaseClock.mark("output written")
        Diagnostics.finish(keeping: rendered)
    }
}

extension TemplateCommand {
    /// The command for a command line that starts with `template`, made without ArgumentParser's command tree: the
    /// command takes all its words as they are and reads them itself (helm's shape), so the tree would add nothing
    /// but its start-up cost (the runtime's type lookups for every option of every command, about a millisecond).
    /// Nil for any other command line, and for one naming a flag ArgumentParser answers on any command
    /// (`--generate-completion-script`, `--experimental-dump-help`, a shell's completion request).
    static func passing(_ arguments: [String]) -> TemplateCommand? {
        guard arguments.first == "template",
              !arguments.contains(where: { $0.hasPrefix("--generate-completion-script") || $0.hasPrefix("---") || $0 == "--experimental-dump-help" })
        else { return nil }
        var command = TemplateCommand()
        command.words = Array(arguments.dropFirst())
        return command
    }
}
