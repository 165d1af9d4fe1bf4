import ArgumentParser
import MeshRender
import Platform

/// `meshrender render`: values in, manifests out.
struct RenderCommand: ParsableCommand, RunsWithPrefetch {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render manifests (by default: the mesh's NetworkPolicies) from values files.",
        discussion: """
            Examples:
              meshrender render -f values/vald.yaml -n vald
              meshrender render -f values/vald.yaml -f values/vald-observability.yaml -n vald
              meshrender render -f values/vald.yaml --set mesh.kubeSystem.egress=dns -n vald -o json
              meshrender render -f values/vald.yaml -n vald --trace
              meshrender render ./mychart --release web -n prod -f prod.yaml --output-dir out/
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    // The shared flags declared here rather than through option groups: each group is one more
    // type the argument parser reflects on and decodes at start-up, a cost every render would pay.
    @Argument(help: SharedFlag.chartHelp) var chartPath: String?
    @Option(name: SharedFlag.files, help: SharedFlag.filesHelp) var files: [String] = []
    @Option(name: SharedFlag.set, help: SharedFlag.setHelp) var set: [String] = []
    @Option(name: SharedFlag.setString, help: SharedFlag.setStringHelp) var setString: [String] = []
    @Option(name: SharedFlag.setJSON, help: SharedFlag.setJSONHelp) var setJSON: [String] = []
    @Option(name: SharedFlag.namespace, help: SharedFlag.namespaceHelp) var namespace: String = "default"
    @Option(name: SharedFlag.release, help: SharedFlag.releaseHelp) var releaseName: String = "release-name"
    @Flag(name: SharedFlag.skipSchema, help: SharedFlag.skipSchemaHelp) var skipSchemaValidation = false
    @Flag(name: SharedFlag.strict, help: SharedFlag.strictHelp) var strict = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: yaml or json.")
    var format: Format = .yaml

    @Option(name: .customLong("output-dir"),
            help: ArgumentHelp(
                "Write one file per resource into this directory instead of stdout; it then holds exactly this render's files (an earlier render's are replaced at once).",
                valueName: "dir"))
    var outputDir: String?

    @Flag(name: .customLong("trace"),
          help: "After each rule and peer of the built-in chart's policies, a comment naming the values file, line and path that produced it.")
    var trace = false

    @Flag(name: .customLong("force"), help: "With --output-dir: replace the directory even if it holds files meshrender did not write.")
    var force = false

    @Option(name: [.customShort("s"), .customLong("show-only")],
            help: ArgumentHelp("Only show manifests rendered from the given template (repeatable).", valueName: "template"))
    var showOnly: [String] = []

    @Option(name: .customLong("kube-version"),
            help: ArgumentHelp("Kubernetes version for .Capabilities.KubeVersion (as helm template).", valueName: "version"))
    var kubeVersion: String = "v1.35.0"

    @Option(name: [.customShort("a"), .customLong("api-versions")],
            help: ArgumentHelp("API versions added to .Capabilities.APIVersions (repeatable, comma-separated).", valueName: "versions"))
    var apiVersions: [String] = []

    @OptionGroup var limits: LimitFlags

    func run() throws {
        try run(prefetched: nil)
    }

    /// Renders, taking the chart and values files read ahead when they are this command's.
    func run(prefetched: InputPrefetch?) throws {
        ValuesWarnings.strict = strict
        var releaseInput = ReleaseInput(name: releaseName, namespace: namespace, skipSchemaValidation: skipSchemaValidation)
        releaseInput.kubeVersion = kubeVersion
        releaseInput.apiVersions = apiVersions.flatMap { $0.isEmpty ? [] : $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let rendered = try Pipeline.render(
            chart: chartPath.map(ChartReference.directory) ?? .builtin,
            values: ValuesInput(valueFiles: files, jsonValues: setJSON, setValues: set, stringValues: setString),
            release: releaseInput, showOnly: showOnly,
            io: .standard, prefetched: prefetched)
        if trace {
            guard format == .yaml, outputDir == nil else {
                throw ValidationError("--trace annotates the YAML on stdout: leave out -o json and --output-dir")
            }
            Diagnostics.emit(try rendered.tracedText(namespace: namespace))
        } else if let outputDir {
            Diagnostics.emit(try rendered.write(to: outputDir, format: format == .json ? .json : .yaml, force: force))
        } else {
            if format == .json {
                Diagnostics.emit(try rendered.json())
            } else {
                Diagnostics.emit(rendered.writeText)
            }
        }
        PhaseClock.mark("written")
        Diagnostics.finish(keeping: rendered)
    }
}
