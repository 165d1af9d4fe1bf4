import TemplateEngine
import HelmValues
import Platform
import YAML

/// Reading a command's inputs ahead of need, on a second core.
///
/// Before a command runs, the argument parser spends about 2 ms building the runtime's type
/// metadata for the command types it reflects on, on one core. The inputs named on the command line
/// can be read meanwhile: the executable calls ``start(chart:valuesFiles:)`` with the chart directory
/// and values files it sees in the raw arguments, and ``Pipeline/render(chart:values:release:showOnly:workloads:io:)``
/// takes what was read for the same paths.
///
/// A prefetch only ever saves work, never changes it: a chart or values file that fails to load or
/// parse is dropped, and the render reads it again itself, reporting the failure as it always does.
/// A path guessed wrong is an input nobody takes. Values files are read from the file system, so
/// only renders that read through ``FileAccess/standard`` use them.
public enum InputPrefetch {
    /// Starts loading the chart in `chart` (its files read, its templates parsed) and then the
    /// values files `valuesFiles` (stdin, `-`, excepted), and returns at once. A later call replaces
    /// the earlier prefetch.
    public static func start(chart: String?, valuesFiles: [String]) {
        let files = valuesFiles.filter { !ValuesOptions.readsStandardInput($0) }
        guard chart != nil || !files.isEmpty else { return }
        let pending = LargeStackThread.begin(stackSize: ChartRenderer.workerStackSize) { () -> Prefetched in
            var prefetched = Prefetched()
            if let chart, let loaded = try? ChartLoader.load(directory: chart) {
                // Which templates of a chart with subcharts render depends on the values: those are parsed later.
                let templates = loaded.hasSubcharts ? nil : try? ChartRenderer(chart: loaded).parsedTemplates()
                prefetched.chart = (chart, loaded, templates)
            }
            for path in files where prefetched.values[path] == nil {
                guard let bytes = try? ValuesOptions.readFileFromDisk(path),
                      let node = try? ValuesFile.load(bytes, file: path)
                else { continue }
                prefetched.values[path] = node
            }
            return prefetched
        }
        lock.withLock { slot = pending }
    }

    /// What the last ``start(chart:valuesFiles:)`` read (waiting for it if it is still reading), or
    /// nil when nothing was started. Each prefetch is taken once.
    static func take() -> Prefetched? {
        let pending = lock.withLock { () -> LargeStackThread.Pending<Prefetched>? in
            defer { slot = nil }
            return slot
        }
        return pending?.wait()
    }

    /// Inputs read ahead.
    struct Prefetched {
        /// The chart directory as named, the chart, and its templates when they parsed.
        var chart: (path: String, chart: Chart, templates: TemplateSet?)?
        /// Values files that were read and parsed, by path as named.
        var values: [String: Node] = [:]

        /// The prefetched chart of `reference`, if that is the one prefetched.
        func chart(for reference: ChartReference) -> (chart: Chart, templates: TemplateSet?)? {
            guard case .directory(let path) = reference, let chart, chart.path == path else { return nil }
            return (chart.chart, chart.templates)
        }
    }

    private static let lock = Lock()
    nonisolated(unsafe) private static var slot: LargeStackThread.Pending<Prefetched>?
}
