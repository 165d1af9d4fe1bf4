import MeshRender

/// The chart directory of a `meshrender render CHART …` command line, read from the raw arguments
/// before the argument parser runs, so that ``ChartPrefetch`` can load the chart while the parser
/// starts up.
///
/// Every option of `render` takes a value (`-n ns`, `--set=a=b`), so the first word that is neither
/// an option nor an option's value is the chart. The guess only decides what is read ahead: a
/// wrong one is a chart nobody takes, and the command line is still parsed by the argument parser.
enum ChartPathHint {
    /// Words that make the argument parser print something instead of running the command.
    private static let informational: Set<String> = ["-h", "--help", "-help", "--version", "--generate-completion-script", "--experimental-dump-help"]

    /// The chart path of `arguments` (without the executable's name), or nil when they are not a
    /// `render` command naming a chart.
    static func chartPath(in arguments: [String]) -> String? {
        guard arguments.first == "render" else { return nil }
        var words = arguments.dropFirst().makeIterator()
        while let word = words.next() {
            if informational.contains(word) || word.hasPrefix("--generate-completion-script=") { return nil }
            if word == "--" { return words.next() }
            if word.count > 1, word.hasPrefix("-") {
                if !word.contains("=") { _ = words.next() }
                continue
            }
            return word
        }
        return nil
    }

    /// Starts loading the chart the command line names, if it names one.
    static func prefetch(_ arguments: [String]) {
        if let path = chartPath(in: arguments) { ChartPrefetch.start(directory: path) }
    }
}
