import ArgumentParser
import MeshRender

/// `meshrender matrix`: the connectivity matrix as a table, Markdown, CSV, JSON, Mermaid, DOT or SVG.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Show the intended (values) or effective (--manifests) connectivity matrix.",
        discussion: """
            Examples:
              meshrender matrix -f values/vald.yaml -o markdown
              meshrender matrix --manifests rendered.yaml -n vald -o table
              meshrender matrix -f values/vald.yaml -n vald -o svg > vald.svg
              meshrender matrix -f values/vald.yaml -n vald -o dot --hide kube-system > vald.dot
              meshrender matrix --manifests rendered.yaml -n vald --hide representatives --hide kube-system

            With --manifests (or a chart whose values define no mesh) the matrix shows every endpoint:
            workloads (namespace/name[Kind]), a pod of each namespace (ns/*), pods selectors could match
            elsewhere (*/{app=x}), kube-system's DNS pods, an unrelated pod (*/*) and the outside world cut
            at every ipBlock (0.0.0.0/0, 10.0.0.0/8, ...).
            """
    )

    @OptionGroup var chart: ChartArgument
    @OptionGroup var values: ValuesFlags
    @OptionGroup var release: ReleaseFlags
    @OptionGroup var limits: LimitFlags

    @Option(name: .customLong("manifests"),
            help: ArgumentHelp("Draw the effective matrix of these manifests (file, directory or '-').", valueName: "path"))
    var manifests: String?

    @Option(name: [.customShort("o"), .customLong("output"), .customLong("format")],
            help: "table, markdown, csv, json, mermaid, dot or svg (--format is the same option; the pictures show every endpoint the mesh names).")
    var format: MatrixFormat = .table

    @Option(name: .customLong("hide"),
            help: ArgumentHelp("Leave an endpoint out of the views: its id, 'kube-system' or 'representatives' (repeatable; json keeps all).", valueName: "id"))
    var hide: [String] = []

    @Option(
        name: .customLong("max-matrix-components"),
        help: ArgumentHelp(
            "Most components a table or markdown matrix is drawn for, a quarter of it for svg, mermaid and dot; csv and json "
                + "are written a row at a time, any size. (default: \(MatrixSizeLimit.defaultMaxComponents))", valueName: "n"))
    var maxMatrixComponents: Int?

    func run() throws {
        ValuesWarnings.strict = values.strict
        if let maxMatrixComponents { MatrixSizeLimit.maxComponents = max(maxMatrixComponents, 1) }
        let input = AnalysisInput(
            chart: chart.reference, values: values.input, release: release.input(skipSchemaValidation: values.skipSchemaValidation),
            manifests: manifests)
        let hidden = format == .json ? [] : Set(hide)
        Diagnostics.emit(try Pipeline.matrixWriter(input, format: format, hidden: hidden, io: .standard))
    }
}

extension MatrixFormat: ExpressibleByArgument {}
