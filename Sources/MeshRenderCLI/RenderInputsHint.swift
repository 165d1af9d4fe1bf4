import MeshRender

/// The chart and values files of a `meshrender render [CHART] -f FILE …` command line (or of
/// `meshrender template [NAME] CHART -f FILE …`), read from the raw arguments before the argument parser runs,
/// so that an ``InputPrefetch`` reads them on another core while the parser starts up (its runtime type-metadata
/// work is a large share of a small chart's render); the command hands it to the pipeline it runs (``RunsWithPrefetch``).
///
/// Every option of `render` takes a value (`-n ns`, `--set=a=b`) except the flags in `flags`, so the
/// first word that is neither an option nor an option's value is the chart, and the value of each `-f`/`--values` is a values
/// file. The guess only decides what is read ahead: a wrong one is an input nobody takes, and the
/// command line is still parsed by the argument parser. A command line with a limit flag (`--max-…`) reads nothing
/// ahead: the limits apply once it is parsed.
enum RenderInputsHint {
    /// Words that make the argument parser print something instead of running the command.
    private static let informational: Set<String> = [
        "-h", "--help", "-help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]
    private static let valuesFlags: Set<String> = ["-f", "--values"]
    /// The options of `render` that take no value.
    static let flags: Set<String> = ["--skip-schema-validation", "--strict", "--trace", "--force"]

    /// The chart path and values files of `arguments` (without the executable's name), or nil when
    /// they are not a `render` command or ask for help instead.
    static func inputs(in arguments: [String]) -> (chart: String?, valuesFiles: [String])? {
        guard arguments.first == "render" else { return nil }
        var chart: String?
        var valuesFiles: [String] = []
        var words = arguments.dropFirst().makeIterator()
        while let word = words.next() {
            if informational.contains(word) || word.hasPrefix("--generate-completion-script=") || isLimit(word) { return nil }
            if word == "--" {
                if chart == nil { chart = words.next() }
                break
            }
            guard word.count > 1, word.hasPrefix("-") else {
                if chart == nil { chart = word }
                continue
            }
            if flags.contains(word) { continue }
            if let equals = word.firstIndex(of: "=") {
                if valuesFlags.contains(String(word[..<equals])) { valuesFiles.append(String(word[word.index(after: equals)...])) }
            } else if let value = words.next(), valuesFlags.contains(word) {
                valuesFiles.append(value)
            }
        }
        return (chart, valuesFiles)
    }

    /// The chart and values files of a `template [NAME] CHART …` command line (read as Helm reads
    /// it), or nil when it is no such command, asks for help, or does not parse.
    static func templateInputs(in arguments: [String]) -> (chart: String?, valuesFiles: [String])? {
        guard arguments.first == "template", !arguments.contains(where: { informational.contains($0) || isLimit($0) }),
              let parsed = try? TemplateArguments(parsing: Array(arguments.dropFirst())),
              (1...2).contains(parsed.positionals.count)
        else { return nil }
        return (parsed.positionals.last, parsed.all("values"))
    }

    /// Whether `word` is a limit flag (see ``LimitFlags``).
    private static func isLimit(_ word: String) -> Bool {
        LimitFlags.names.contains { word == "--" + $0 || word.hasPrefix("--\($0)=") }
    }

    /// Starts reading the inputs the command line names (the built-in chart when `render` names no chart), if it is
    /// a `render` or `template` command line.
    static func prefetch(_ arguments: [String]) -> InputPrefetch? {
        guard let (chart, valuesFiles) = inputs(in: arguments) ?? templateInputs(in: arguments) else { return nil }
        // A schema is compiled ahead unless the command line skips the check (a wrong guess costs only the work).
        let checksSchemas = !arguments.contains { $0.hasPrefix("--skip-schema-validation") }
        return InputPrefetch.start(
            chart: chart.map(ChartReference.directory) ?? .builtin, valuesFiles: valuesFiles, compilingSchemas: checksSchemas)
    }
}

/// A command whose pipeline takes inputs read ahead (``RenderInputsHint``).
protocol RunsWithPrefetch {
    func run(prefetched: InputPrefetch?) throws
}
