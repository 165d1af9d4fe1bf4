import MeshAnalysis
import GoValues

/// dyff-like human output: for each change a path line with the resource it belongs to, then what
/// happened, with values as indented YAML blocks:
///
/// ```
/// spec.ingress[0].from  (networking.k8s.io/v1/NetworkPolicy/vald/vald-agent-allow)
///   + one list entry added:
///     - podSelector:
///         matchLabels:
///           app: vald-filter-gateway
///
/// spec.replicas  (apps/v1/Deployment/vald/vald-agent)
///   ± value change
///     - 1
///     + 2
/// ```
///
/// Entries added or removed under the same map or list are grouped (`+ two list entries added:`);
/// the connectivity section follows the resources.
struct HumanWriter {
    let palette: Palette

    func render(_ report: DiffReport) -> String {
        var blocks: [[String]] = []
        for resource in report.resources {
            switch resource.change {
            case .added, .removed:
                blocks.append(documentBlock(resource))
            case .modified:
                blocks += fieldBlocks(resource)
            }
        }
        if !report.connectivity.changes.isEmpty || !report.connectivity.omitted.isEmpty {
            blocks.append(connectivityBlock(report.connectivity.changes, omitted: report.connectivity.omitted))
        }
        guard !blocks.isEmpty else { return "" }
        return blocks.map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    private func header(_ path: String, _ resource: ResourceDiff) -> String {
        palette.paint(path, palette.path) + "  (\(resource.label))"
    }

    private func documentBlock(_ resource: ResourceDiff) -> [String] {
        let added = resource.change == .added
        let colour = added ? palette.added : palette.removed
        var lines = [header("(root level)", resource)]
        lines.append("  " + palette.paint(added ? "+ one document added:" : "- one document removed:", colour))
        lines.append("    " + palette.paint("---", colour))
        for line in YAMLBlock.lines((added ? resource.new : resource.old) ?? .null) {
            lines.append("    " + palette.paint(line, colour))
        }
        return lines
    }

    /// One block per modified value and per group of entries added or removed under one parent.
    private func fieldBlocks(_ resource: ResourceDiff) -> [[String]] {
        var blocks: [[String]] = []
        var index = 0
        let fields = resource.fields
        while index < fields.count {
            let field = fields[index]
            if field.change == .modified {
                blocks.append(valueChange(field, resource))
                index += 1
                continue
            }
            var group = [field]
            let parent = field.path.parent
            while index + group.count < fields.count {
                let next = fields[index + group.count]
                guard next.change == field.change, next.isListEntry == field.isListEntry, next.path.parent == parent
                else { break }
                group.append(next)
            }
            blocks.append(entryChange(group, parent: parent, resource))
            index += group.count
        }
        return blocks
    }

    private func valueChange(_ field: FieldChange, _ resource: ResourceDiff) -> [String] {
        var lines = [header(field.path.isEmpty ? "(root level)" : field.path.description, resource)]
        lines.append("  " + palette.paint("± value change", palette.modified))
        lines += valueLines("- ", field.from ?? .null, palette.removed)
        lines += valueLines("+ ", field.to ?? .null, palette.added)
        return lines
    }

    /// `- value` (scalar) or `- ` followed by the YAML block indented below it.
    private func valueLines(_ sign: String, _ value: Value, _ colour: String) -> [String] {
        let block = YAMLBlock.lines(value)
        if value.isScalar || block.count == 1 {
            return ["    " + palette.paint(sign + (block.first ?? ""), colour)]
        }
        return block.map { "    " + palette.paint(sign + $0, colour) }
    }

    private func entryChange(_ group: [FieldChange], parent: FieldPath, _ resource: ResourceDiff) -> [String] {
        let first = group[0]
        let added = first.change == .added
        let colour = added ? palette.added : palette.removed
        let noun = first.isListEntry ? (group.count == 1 ? "list entry" : "list entries")
            : (group.count == 1 ? "map entry" : "map entries")
        var lines = [header(parent.isEmpty ? "(root level)" : parent.description, resource)]
        lines.append("  " + palette.paint("\(added ? "+" : "-") \(countWord(group.count)) \(noun) \(added ? "added" : "removed"):", colour))
        let block: Value
        if first.isListEntry {
            block = .list(group.map { (added ? $0.to : $0.from) ?? .null })
        } else {
            var m: [String: Value] = [:]
            for change in group {
                if case .key(let k)? = change.path.components.last { m[k] = (added ? change.to : change.from) ?? .null }
            }
            block = .map(m)
        }
        for line in YAMLBlock.lines(block) { lines.append("    " + palette.paint(line, colour)) }
        return lines
    }

    private func connectivityBlock(_ changes: [FlowChange], omitted: ReleaseComparison.Omitted) -> [String] {
        var lines = [palette.paint("connectivity", palette.path) + "  (NetworkPolicy)"]
        let opened = changes.filter(\.isWidening)
        let closed = changes.filter { !$0.isWidening }
        for (list, isOpened, more) in [(opened, true, omitted.opened), (closed, false, omitted.closed)]
        where !list.isEmpty || more > 0 {
            let colour = isOpened ? palette.added : palette.removed
            let total = list.count + more
            let noun = total == 1 ? "flow" : "flows"
            let title = isOpened ? "+ \(countWord(total)) \(noun) opened (widening):"
                : "- \(countWord(total)) \(noun) closed (narrowing):"
            lines.append("  " + palette.paint(title, colour))
            for change in list {
                lines.append("    " + palette.paint("\(change.from) -> \(change.to)  \(change.ports.joined(separator: ", "))", colour))
                for rule in change.rules { lines.append("      " + (isOpened ? "allowed by " : "was allowed by ") + rule.text) }
            }
            if more > 0 { lines.append("    " + palette.paint(omittedLine(more, opened: isOpened), colour)) }
        }
        return lines
    }
}
