import Charts
import TemplateEngine
import HelmValues
import Platform
import YAML

/// A chart (its files read, its templates parsed) and values files read on a second core while the caller does
/// other work: the handle a `Release` takes them from.
///
/// Every release starts one for its chart when it is made (``start(chart:valuesFiles:compilingSchemas:)``), and reads its values
/// while the chart loads. The command line starts one earlier still, from the chart and values files its raw
/// arguments name, while the argument parser starts up, and hands it to the pipeline: a release takes it if it is
/// for the same chart, and the values files among it read from the file system (`FileAccess.readsFileSystem`).
///
/// A prefetch only ever saves work, never changes it: a chart that fails to load is reported as loading it would
/// report it; a template that fails to parse, or a values file that fails to read or parse, is left for the render,
/// which reads it again itself and reports the failure as it always does.
public final class InputPrefetch: @unchecked Sendable {
    /// The chart as loaded, or why it could not be; and its templates when they parsed.
    typealias Loaded = Result<(chart: Chart, templates: TemplateSet?), any Error>

    /// What was read.
    struct Prefetched {
        var chart: Loaded
        /// Values files that were read and parsed, by path as named.
        var values: [String: Node] = [:]
    }

    /// The chart it loads.
    public let chart: ChartReference
    /// Whether it reads values files too (then a release waits for them before reading its values).
    let readsValues: Bool
    private let pending: LargeStackThread.Pending<Prefetched>
    private let lock = Lock()
    private var taken = false

    private init(chart: ChartReference, readsValues: Bool, _ pending: LargeStackThread.Pending<Prefetched>) {
        self.chart = chart
        self.readsValues = readsValues
        self.pending = pending
    }

    /// Starts loading `chart`, then reading the values files `valuesFiles` (stdin, `-`, excepted), on a thread of
    /// its own, and returns at once. `compilingSchemas`: each chart's `values.schema.json` starts compiling on another
    /// core as soon as its files are read; off when the schemas will not be checked.
    public static func start(chart: ChartReference, valuesFiles: [String] = [], compilingSchemas: Bool = true) -> InputPrefetch {
        let files = valuesFiles.filter { !ValuesOptions.readsStandardInput($0) }
        let pending = LargeStackThread.begin(stackSize: ChartRenderer.workerStackSize) { () -> Prefetched in
            let loaded = Loaded { () throws -> (chart: Chart, templates: TemplateSet?) in
                let loaded = try Pipeline.load(chart, compilingSchemas: compilingSchemas)
                PhaseClock.mark("prefetch: chart loaded")
                // Which templates of a chart with subcharts render depends on the values: those are parsed later.
                return (loaded, loaded.hasSubcharts ? nil : try? ChartRenderer(chart: loaded).parsedTemplates())
            }
            PhaseClock.mark("prefetch: templates parsed")
            var prefetched = Prefetched(chart: loaded)
            for path in files where prefetched.values[path] == nil {
                guard let bytes = try? FileSystem.readFile(path), let node = try? ValuesFile.load(bytes, file: path) else {
                    continue
                }
                prefetched.values[path] = node
            }
            return prefetched
        }
        return InputPrefetch(chart: chart, readsValues: !files.isEmpty, pending)
    }

    /// A prefetch nobody took (the command failed before it needed its inputs) is waited for: its thread is joined.
    deinit {
        if !taken { _ = pending.wait() }
    }

    /// What was read (waiting for it if it is still reading), or nil once taken.
    func take() -> Prefetched? {
        let first = lock.withLock { () -> Bool in
            defer { taken = true }
            return !taken
        }
        return first ? pending.wait() : nil
    }
}
