import Platform

/// Work over a long list cut into consecutive windows that run concurrently, each on a thread with
/// the template engine's stack, their results kept in window order: the one mechanism behind
/// executing a template's top-level range in windows (``RangeSlicing``) and rendering a chart over
/// slices of its data.
public enum RangeWindows {
    /// How many windows `elements` elements are cut into on `cores` cores, each window having about
    /// `minimumElements / 2` elements or more; nil (work whole) on one core or below `minimumElements`.
    public static func count(elements: Int, cores: Int, minimumElements: Int) -> Int? {
        guard cores > 1, elements >= minimumElements else { return nil }
        return max(2, min(cores, elements / max(1, minimumElements / 2)))
    }

    /// Window `index` of `windows` consecutive windows covering `elements` elements.
    public static func window(_ index: Int, of windows: Int, elements: Int) -> Range<Int> {
        (elements * index / windows)..<(elements * (index + 1) / windows)
    }

    /// `body` of each window of `elements` elements cut into `windows`, run concurrently on threads
    /// of `stackSize` bytes of stack; the results in window order.
    public static func map<T>(
        elements: Int, windows: Int, stackSize: Int, _ body: @escaping (Range<Int>) -> T
    ) -> [T] {
        LargeStackThread.map(windows, stackSize: stackSize) { i in body(window(i, of: windows, elements: elements)) }
    }
}
