/// One line per changed resource, then one per opened or closed flow:
///
/// ```
/// modified  NetworkPolicy.networking.k8s.io vald/vald-agent-allow  (1 change)
/// added     ConfigMap vald/vald-agent-config
/// opened    filter-gateway -> agent  any
/// ```
struct BriefWriter {
    func render(_ report: DiffReport) -> String {
        var out = ""
        for resource in report.resources {
            out += pad(resource.change.rawValue) + resource.id.description
            if resource.change == .modified {
                let n = resource.fields.count
                out += "  (\(n) \(n == 1 ? "change" : "changes"))"
            }
            out += "\n"
        }
        for change in report.connectivity.changes {
            out += pad(change.change.rawValue) + "\(change.from) -> \(change.to)  \(change.ports.joined(separator: ", "))\n"
        }
        let omitted = report.connectivity.omitted
        if omitted.opened > 0 { out += pad("opened") + omittedLine(omitted.opened, opened: true) + "\n" }
        if omitted.closed > 0 { out += pad("closed") + omittedLine(omitted.closed, opened: false) + "\n" }
        return out
    }

    private func pad(_ word: String) -> String {
        word + String(repeating: " ", count: max(1, 10 - word.count))
    }
}
