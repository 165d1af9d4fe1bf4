import ArgumentParser
import MeshRender

/// The names and help of the flags several commands take, in one place (`render` declares them
/// directly, the others through the option groups below).
enum SharedFlag {
    static let files: NameSpecification = [.customShort("f"), .customLong("values")]
    static let filesHelp = ArgumentHelp("Values file (repeatable; later files win; '-' reads stdin).", valueName: "file")
    static let set: NameSpecification = .customLong("set")
    static let setHelp = ArgumentHelp("Override a value: a.b=v, a[0]=v, a={x,y} (repeatable).", valueName: "path=value")
    static let setString: NameSpecification = .customLong("set-string")
    static let setStringHelp = ArgumentHelp("Override a value, kept as a string (repeatable).", valueName: "path=value")
    static let setJSON: NameSpecification = .customLong("set-json")
    static let setJSONHelp = ArgumentHelp("Override a value with JSON (repeatable).", valueName: "path=json")
    static let namespace: NameSpecification = [.customShort("n"), .customLong("namespace")]
    static let namespaceHelp = ArgumentHelp(
        "Release namespace (also the mesh namespace unless mesh.namespace is set).", valueName: "ns")
    static let release: NameSpecification = .customLong("release")
    static let releaseHelp = ArgumentHelp("Release name.", valueName: "name")
    static let skipSchema: NameSpecification = .customLong("skip-schema-validation")
    static let skipSchemaHelp = ArgumentHelp("Do not check the values against the charts' values.schema.json (as helm).")
    static let strict: NameSpecification = .customLong("strict")
    static let strictHelp = ArgumentHelp(
        "Treat the values' warnings (keys the built-in chart ignores, rules that never match or open everything) as errors.")
    static let chartHelp = ArgumentHelp(
        "Chart directory (templates/ and values.yaml). Default: the built-in mesh chart.", valueName: "chart")
}

/// Values inputs, named and ordered as Helm names them.
struct ValuesFlags: ParsableArguments {
    @Option(name: SharedFlag.files, help: SharedFlag.filesHelp) var files: [String] = []
    @Option(name: SharedFlag.set, help: SharedFlag.setHelp) var set: [String] = []
    @Option(name: SharedFlag.setString, help: SharedFlag.setStringHelp) var setString: [String] = []
    @Option(name: SharedFlag.setJSON, help: SharedFlag.setJSONHelp) var setJSON: [String] = []
    @Flag(name: SharedFlag.skipSchema, help: SharedFlag.skipSchemaHelp) var skipSchemaValidation = false
    @Flag(name: SharedFlag.strict, help: SharedFlag.strictHelp) var strict = false

    var input: ValuesInput {
        ValuesInput(valueFiles: files, jsonValues: setJSON, setValues: set, stringValues: setString)
    }
}

/// Release name and namespace, as `helm template` takes them.
struct ReleaseFlags: ParsableArguments {
    @Option(name: SharedFlag.namespace, help: SharedFlag.namespaceHelp) var namespace: String = "default"
    @Option(name: SharedFlag.release, help: SharedFlag.releaseHelp) var release: String = "release-name"

    /// The release; `skipSchemaValidation` from the values flags (`--skip-schema-validation`).
    func input(skipSchemaValidation: Bool = false) -> ReleaseInput {
        ReleaseInput(name: release, namespace: namespace, skipSchemaValidation: skipSchemaValidation)
    }
}

/// A chart directory argument; absent means the built-in mesh chart.
struct ChartArgument: ParsableArguments {
    @Argument(help: SharedFlag.chartHelp) var chart: String?

    var reference: ChartReference { chart.map(ChartReference.directory) ?? .builtin }
}
