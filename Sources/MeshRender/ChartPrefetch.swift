import GoTemplate
import YAMLCore

/// Loading a chart ahead of need, on a second core.
///
/// Before a command runs, the argument parser spends about 2 ms building the runtime's type
/// metadata for the command types it reflects on, on one core. A chart named on the command line
/// can be read and its templates parsed meanwhile: the executable calls ``start(directory:)`` with
/// the path it sees in the raw arguments, and ``Pipeline/render(chart:values:release:showOnly:io:)``
/// takes the result when it is asked for the same path.
///
/// The prefetch only ever saves work, never changes it: a chart that fails to load or parse is
/// dropped, and the render loads it again itself, reporting the failure as it always does. A path
/// guessed wrong is a chart nobody takes.
public enum ChartPrefetch {
    /// Starts loading the chart in `directory` and parsing its templates, and returns at once.
    /// A later call replaces the earlier prefetch.
    public static func start(directory: String) {
        let pending = LargeStackThread.begin(stackSize: ChartRenderer.workerStackSize) { () -> Prefetched? in
            guard let chart = try? ChartLoader.load(directory: directory) else { return nil }
            let renderer = ChartRenderer(chart: chart)
            return Prefetched(chart: chart, templates: try? renderer.parsedTemplates())
        }
        lock.withLock { slot = (directory, pending) }
    }

    /// The chart prefetched for `directory` (waiting for it if it is still loading); nil when none
    /// was started for that path or it failed to load. Each prefetch is taken once.
    static func take(directory: String) -> Prefetched? {
        let pending: LargeStackThread.Pending<Prefetched?>? = lock.withLock {
            guard let (path, pending) = slot, path == directory else { return nil }
            slot = nil
            return pending
        }
        return pending?.wait()
    }

    /// A loaded chart and, when they parsed, its templates.
    struct Prefetched {
        var chart: Chart
        var templates: TemplateSet?
    }

    private static let lock = Lock()
    nonisolated(unsafe) private static var slot: (String, LargeStackThread.Pending<Prefetched?>)?
}
