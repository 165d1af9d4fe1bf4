/// The output formats of a diff report.
public enum DiffWriter: String, Sendable, CaseIterable {
    /// dyff-like: a path line, then `± value change`, `+ one list entry added:` with a YAML block, ...
    case human
    /// git-style unified diff of the normalised YAML, per resource.
    case unified
    /// One line per changed resource and per opened/closed flow.
    case brief
    /// The stable JSON shape documented on `JSONWriter`.
    case json

    /// Rendering settings.
    public struct Options: Sendable {
        /// ANSI colours (human and unified output only).
        public var color: Bool
        /// Lines of context around unified hunks.
        public var context: Int

        public init(color: Bool = false, context: Int = 3) {
            self.color = color
            self.context = context
        }
    }

    /// The report as text in this format (empty for a report without differences, except JSON).
    public func render(_ report: DiffReport, options: Options = Options()) -> String {
        switch self {
        case .human: return HumanWriter(palette: options.color ? .ansi : .plain).render(report)
        case .unified: return UnifiedWriter(context: max(0, options.context), palette: options.color ? .ansi : .plain)
            .render(report)
        case .brief: return BriefWriter().render(report)
        case .json: return JSONWriter().render(report)
        }
    }
}
