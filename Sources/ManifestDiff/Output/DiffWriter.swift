import MeshAnalysis

/// The output formats of a diff report.
public enum DiffWriter: String, Sendable, CaseIterable {
    /// dyff-like: a path line, then `± value change`, `+ one list entry added:` with a YAML block, ...
    case human
    /// git-style unified diff of the normalised YAML, per resource.
    case unified
    /// One line per changed resource and per opened/closed flow.
    case brief
    /// The stable JSON shape (for scripts and CI):
    ///
    /// ```json
    /// {
    ///   "resources": [
    ///     {
    ///       "kind": "NetworkPolicy",
    ///       "namespace": "vald",
    ///       "name": "vald-agent-allow",
    ///       "change": "modified",
    ///       "fields": [
    ///         {"path": "spec.ingress[0].from[0]", "change": "added", "from": null, "to": {"podSelector": {...}}}
    ///       ]
    ///     }
    ///   ],
    ///   "connectivity": [
    ///     {"from": "filter-gateway", "to": "agent", "ports": ["any"], "change": "opened"}
    ///   ]
    /// }
    /// ```
    ///
    /// - `resources`: every added, removed or modified resource, sorted by kind, namespace, name (then API
    ///   group). `change` is `added`, `removed` or `modified`; `namespace` is `""` for cluster-scoped
    ///   resources. `fields` is empty for added and removed resources; for a modified one it lists each
    ///   change with its `path` (`spec.ingress[0].from[2].podSelector.matchLabels.app`; keys holding dots
    ///   are bracketed: `metadata.labels["helm.sh/chart"]`), `change` (`added` / `removed` for map and list
    ///   entries, `modified` for a changed value), and the old / new value as JSON (`null` where absent; map
    ///   keys sorted; Secret `data` / `stringData` masked unless `--show-secrets`).
    /// - `connectivity`: the flows the new release opens (`opened`, widening) or closes (`closed`,
    ///   narrowing), sorted by from, to, then opened before closed; `from` / `to` are component ids (or the
    ///   peer a rule names: `kube-system`, a CIDR, `*` for anyone); `ports` is sorted, each `PORT/PROTOCOL`
    ///   (`8081/TCP`, `53/UDP`, `8000-8100/TCP`, `*/UDP` for every UDP port) or `any`.
    /// - Keys appear in the order shown; the document is indented by two spaces and ends with a newline.
    ///   Unchanged releases give `{"resources": [], "connectivity": []}`.
    case json
    /// GitHub Actions workflow commands: a `::notice` per changed resource (with `file`/`line` when known), a
    /// `::warning` per opened flow. The shape is stable; see `GitHubWriter`.
    case github
    /// The connectivity change as an SVG grid: opened, closed and unchanged flows between the endpoints that change.
    case svg

    /// Rendering settings.
    public struct Options: Sendable {
        /// ANSI colours (human and unified output only).
        public var color: Bool
        /// Lines of context around unified hunks.
        public var context: Int
        /// Whether resources' positions name files a reader can open (not rendered releases); github output only.
        public var fileLocations: Bool
        /// The picture's title and subtitle (svg only).
        public var caption: MatrixCaption

        public init(color: Bool = false, context: Int = 3, fileLocations: Bool = true, caption: MatrixCaption = MatrixCaption()) {
            self.color = color
            self.context = context
            self.fileLocations = fileLocations
            self.caption = caption
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
        case .github: return GitHubWriter(fileLocations: options.fileLocations).render(report)
        case .svg: return SVGDiffWriter(caption: options.caption).render(report)
        }
    }
}
