import ArgumentParser
import MeshRender

/// Values inputs, named and ordered as Helm names them.
struct ValuesFlags: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("values")],
            help: ArgumentHelp("Values file (repeatable; later files win; '-' reads stdin).", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a value: a.b=v, a[0]=v, a={x,y} (repeatable).", valueName: "path=value"))
    var set: [String] = []

    @Option(name: .customLong("set-string"),
            help: ArgumentHelp("Override a value, kept as a string (repeatable).", valueName: "path=value"))
    var setString: [String] = []

    @Option(name: .customLong("set-json"),
            help: ArgumentHelp("Override a value with JSON (repeatable).", valueName: "path=json"))
    var setJSON: [String] = []

    var input: ValuesInput {
        ValuesInput(files: files, set: set, setString: setString, setJSON: setJSON)
    }
}

/// Release name and namespace, as `helm template` takes them.
struct ReleaseFlags: ParsableArguments {
    @Option(name: [.customShort("n"), .customLong("namespace")],
            help: ArgumentHelp("Release namespace (also the mesh namespace unless mesh.namespace is set).", valueName: "ns"))
    var namespace: String = "default"

    @Option(name: .customLong("release"), help: ArgumentHelp("Release name.", valueName: "name"))
    var release: String = "release-name"

    var input: ReleaseInput { ReleaseInput(name: release, namespace: namespace) }
}

/// A chart directory argument; absent means the built-in mesh chart.
struct ChartArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("Chart directory (templates/ and values.yaml). Default: the built-in mesh chart.", valueName: "chart"))
    var chart: String?

    var reference: ChartReference { chart.map(ChartReference.directory) ?? .builtin }
}
