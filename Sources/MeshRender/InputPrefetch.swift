import Charts
import GoTemplate
import Platform

/// A chart loaded on a second core while the caller reads the values: the handle a ``Release`` takes it from.
///
/// Loading a chart directory (its files read, its templates parsed) and reading the values files are independent;
/// ``start(_:)`` begins the first on its own thread and returns at once, the caller reads and parses the values,
/// then ``take()`` waits for the chart. A chart with subcharts has its templates parsed later: which of them render
/// depends on the values.
final class InputPrefetch: @unchecked Sendable {
    /// The chart as loaded, or why it could not be; and its templates when they parsed (a parse error is left
    /// for the render to report in its place).
    typealias Loaded = Result<(chart: Chart, templates: TemplateSet?), any Error>

    private let pending: LargeStackThread.Pending<Loaded>
    private let lock = Lock()
    private var taken = false

    private init(_ pending: LargeStackThread.Pending<Loaded>) {
        self.pending = pending
    }

    /// Starts loading `reference` on its own thread.
    static func start(_ reference: ChartReference) -> InputPrefetch {
        InputPrefetch(
            LargeStackThread.begin(stackSize: ChartRenderer.workerStackSize) { () -> Loaded in
                Result { () throws -> (chart: Chart, templates: TemplateSet?) in
                    let chart = try Pipeline.load(reference)
                    return (chart, chart.hasSubcharts ? nil : try? ChartRenderer(chart: chart).parsedTemplates())
                }
            })
    }

    /// A load nobody took (the release failed before it needed the chart) is waited for: its thread is joined.
    deinit {
        if !taken { _ = pending.wait() }
    }

    /// The chart (waiting for it if it is still loading), or nil once taken.
    func take() -> Loaded? {
        let first = lock.withLock { () -> Bool in
            defer { taken = true }
            return !taken
        }
        return first ? pending.wait() : nil
    }
}
