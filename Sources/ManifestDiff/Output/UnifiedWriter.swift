import YAML

/// git-style unified diff of the normalised YAML (keys sorted, set-like lists in the new release's
/// order), one file section per changed resource, then the connectivity lists:
///
/// ```
/// --- old/networking.k8s.io/v1/NetworkPolicy/vald/vald-agent-allow
/// +++ new/networking.k8s.io/v1/NetworkPolicy/vald/vald-agent-allow
/// @@ -12,6 +12,12 @@
/// ```
struct UnifiedWriter {
    let context: Int
    let palette: Palette

    func render(_ report: DiffReport) -> String {
        var out: [String] = []
        for resource in report.resources {
            let newLines = resource.new.map { YAMLBlock.lines($0) } ?? []
            let oldAligned = resource.old.map { old in resource.new.map { ListAlignment.align(old, to: $0) } ?? old }
            let oldLines = oldAligned.map { YAMLBlock.lines($0) } ?? []
            let hunks = LineDiff.hunks(oldLines, newLines, context: context)
            if hunks.isEmpty { continue }
            out.append(paint(resource.old == nil ? "--- /dev/null" : "--- old/\(resource.label)"))
            out.append(paint(resource.new == nil ? "+++ /dev/null" : "+++ new/\(resource.label)"))
            out += hunks.map(paint)
        }
        if !report.connectivity.changes.isEmpty {
            let hunks = LineDiff.hunks(
                report.connectivity.old.map(\.description), report.connectivity.new.map(\.description), context: context)
            out.append(paint("--- old/connectivity"))
            out.append(paint("+++ new/connectivity"))
            out += hunks.map(paint)
        }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    private func paint(_ line: String) -> String {
        if line.hasPrefix("---") || line.hasPrefix("+++") { return palette.paint(line, palette.path) }
        if line.hasPrefix("@@") { return palette.paint(line, palette.modified) }
        if line.hasPrefix("+") { return palette.paint(line, palette.added) }
        if line.hasPrefix("-") { return palette.paint(line, palette.removed) }
        return line
    }
}
