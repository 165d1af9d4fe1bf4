import ArgumentParser
import MeshRender

/// `meshrender matrix`: the connectivity matrix as a table, Markdown, CSV, JSON, Mermaid, DOT or SVG.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Show the intended (values) or effective (--manifests) connectivity matrix.",
        discussion: """
            Examples:
              meshrender matrix -f values/vald.yaml --format markdown
              meshrender matrix --manifests rendered.yaml -n vald --format table
              meshrender matrix -f values/vald.yaml --format svg > vald.svg
            """
    )

    @OptionGroup var chart: ChartArgument
    @OptionGroup var values: ValuesFlags
    @OptionGroup var release: ReleaseFlags
    @OptionGroup var limits: LimitFlags

    @Option(name: .customLong("manifests"),
            help: ArgumentHelp("Draw the effective matrix of these manifests (file, directory or '-').", valueName: "path"))
    var manifests: String?

    @Option(name: .customLong("format"), help: "table, markdown, csv, json, mermaid, dot or svg.")
    var format: MatrixFormat = .table

    @Option(
        name: .customLong("max-matrix-components"),
        help: ArgumentHelp(
            "Most components a matrix is drawn for. (default: \(MatrixSizeLimit.defaultMaxComponents))", valueName: "n"))
    var maxMatrixComponents: Int?

    func run() throws {
        if let maxMatrixComponents { MatrixSizeLimit.maxComponents = max(maxMatrixComponents, 1) }
        let input = AnalysisInput(
            chart: chart.reference, values: values.input, release: release.input, manifests: manifests)
        Diagnostics.emit(try Pipeline.matrix(input, format: format, io: .standard))
    }
}

extension MatrixFormat: ExpressibleByArgument {}
