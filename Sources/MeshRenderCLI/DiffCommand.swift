import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import MeshRender

/// `meshrender diff`: what changed between two releases, field by field and flow by flow.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two releases: resources, fields, and opened/closed connections.",
        discussion: """
            Each side is a manifest file, a directory of manifests, or '-'. Or render both sides first:
            --old-values/--new-values (repeatable) with --old-set/--new-set, against CHART or the built-in chart.

            Examples:
              meshrender diff old.yaml new.yaml
              meshrender diff --old-values values/vald.yaml --new-values values/vald.yaml \\
                  --new-values overlay.yaml -n vald --fail-on widen
              meshrender diff old/ new/ --output json
              meshrender diff old/ new/ -o github --fail-on widen
              meshrender diff old.yaml new.yaml -o svg > change.svg
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case widen }

    @Argument(help: ArgumentHelp("OLD and NEW manifests (file, directory or '-'), or CHART with --old-values/--new-values.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("old-values"), help: ArgumentHelp("Values file of the old release (repeatable).", valueName: "file"))
    var oldValues: [String] = []
    @Option(name: .customLong("new-values"), help: ArgumentHelp("Values file of the new release (repeatable).", valueName: "file"))
    var newValues: [String] = []
    @Option(name: .customLong("old-set"), help: ArgumentHelp("--set for the old release (repeatable).", valueName: "path=value"))
    var oldSet: [String] = []
    @Option(name: .customLong("new-set"), help: ArgumentHelp("--set for the new release (repeatable).", valueName: "path=value"))
    var newSet: [String] = []

    @OptionGroup var release: ReleaseFlags
    @Flag(name: SharedFlag.skipSchema, help: SharedFlag.skipSchemaHelp) var skipSchemaValidation = false
    @Flag(name: SharedFlag.strict, help: SharedFlag.strictHelp) var strict = false

    @OptionGroup var limits: LimitFlags

    @Option(name: [.customShort("o"), .customLong("output")],
            help: "human, unified, brief, json, github (a workflow-command annotation per changed resource and opened flow) or svg (the connectivity change as a picture).")
    var output: DiffRequest.Mode = .human
    @Option(name: .customLong("context"), help: "Lines of context for --output unified.")
    var context: Int = 3
    @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are differences.")
    var exitCode = false
    @Option(name: .customLong("fail-on"), help: "Exit 1 only when the new release opens a flow ('widen').")
    var failOn: FailOn?
    @Flag(name: .customLong("show-secrets"), help: "Show Secret data instead of masking it.")
    var showSecrets = false
    @Option(name: .customLong("ignore-label"), help: ArgumentHelp("Ignore changes of this label (repeatable).", valueName: "key"))
    var ignoreLabels: [String] = []
    @Option(name: .customLong("ignore-path"), help: ArgumentHelp("Ignore changes under this field path (repeatable).", valueName: "path"))
    var ignorePaths: [String] = []
    @Option(
        name: .customLong("max-listed-flows"),
        help: ArgumentHelp(
            "Most opened and closed flows listed; more are counted in one line (human, brief, github) or \"flowsOmitted\" (json), "
                + "and unified and svg refuse them. --fail-on widen counts every flow. (default: \(DiffRequest.defaultMaxListedFlows))",
            valueName: "n"))
    var maxListedFlows = DiffRequest.defaultMaxListedFlows
    @Flag(name: .customLong("color"), inversion: .prefixedNo, help: "Colour the human output (default: when stdout is a terminal and NO_COLOR is unset).")
    var color: Bool?

    var rendersReleases: Bool { !oldValues.isEmpty || !newValues.isEmpty || !oldSet.isEmpty || !newSet.isEmpty }

    func validate() throws {
        if rendersReleases {
            guard paths.count <= 1 else { throw ValidationError("with --old-values/--new-values give at most one CHART") }
        } else if paths.count != 2 {
            throw ValidationError("give OLD and NEW, or --old-values/--new-values")
        }
        guard context >= 0 else { throw ValidationError("--context must be >= 0") }
        guard maxListedFlows >= 0 else { throw ValidationError("--max-listed-flows must be >= 0") }
    }

    func run() throws {
        ValuesWarnings.strict = strict
        let sides: DiffSides
        if rendersReleases {
            let chart = paths.first.map(ChartReference.directory) ?? .builtin
            sides = .render(
                chart: chart,
                old: ValuesInput(valueFiles: oldValues, setValues: oldSet), new: ValuesInput(valueFiles: newValues, setValues: newSet),
                release: release.input(skipSchemaValidation: skipSchemaValidation))
        } else {
            sides = .manifests(old: paths[0], new: paths[1], namespace: release.namespace)
        }
        let useColor = color ?? (isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil)
        var request = DiffRequest(
            sides: sides, mode: output, context: context,
            color: useColor && output == .human, showSecrets: showSecrets,
            ignoreLabels: ignoreLabels, ignorePaths: ignorePaths)
        request.maxListedFlows = maxListedFlows
        let outcome = try Pipeline.diff(request, io: .standard)
        Diagnostics.emit(outcome.text)
        let fails = (failOn == .widen && outcome.opensFlows) || (exitCode && outcome.hasDifferences)
        Diagnostics.finish(status: fails ? 1 : 0, keeping: outcome)
    }
}

/// `--output human|unified|brief|json|github|svg`: the library's modes, by name.
extension DiffRequest.Mode: ExpressibleByArgument {}
