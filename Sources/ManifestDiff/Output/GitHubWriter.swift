/// GitHub Actions workflow commands, one line per changed resource and one per opened flow (the format is stable:
/// scripts and the action parse it):
///
/// ```
/// ::notice file=new/policies.yaml,line=12,title=modified NetworkPolicy vald/vald-agent-allow::2 changes: spec.ingress[0].from[0] added, spec.podSelector.matchLabels.app modified
/// ::notice title=added ConfigMap vald/vald-agent-config::ConfigMap vald/vald-agent-config added
/// ::warning title=opened flow filter-gateway -> agent::the new release allows filter-gateway -> agent on 8081/TCP
/// ```
///
/// - Resources (sorted as in every format): `::notice`, title `<added|removed|modified> <Kind> <namespace/name>`;
///   `file` and `line` where the resource starts (the new release's file, the old one's for a removed resource)
///   when the releases were read from files; the message lists a modified resource's changed paths (the first 20).
/// - Opened flows (widening): `::warning`, title `opened flow <from> -> <to>`, the ports in the message. Closed flows
///   are not annotated.
/// - Property values escape `%`, CR, LF, `:` and `,`; messages escape `%`, CR and LF (as GitHub's toolkit does).
///   Unchanged releases print nothing.
struct GitHubWriter {
    /// Whether resource marks name files the workflow can annotate (not rendered releases).
    var fileLocations: Bool

    /// Changed paths listed per modified resource.
    static let listedPaths = 20

    func render(_ report: DiffReport) -> String {
        var out = ""
        for resource in report.resources {
            var properties: [(String, String)] = []
            if fileLocations, let mark = resource.mark, !mark.file.isEmpty, mark.file != "-" {
                properties.append(("file", mark.file))
                if mark.line > 0 { properties.append(("line", String(mark.line))) }
            }
            let subject = "\(resource.id.kind) \(resource.id.namespace.isEmpty ? "" : resource.id.namespace + "/")\(resource.id.name)"
            properties.append(("title", "\(resource.change.rawValue) \(subject)"))
            let message: String
            if resource.change == .modified {
                let n = resource.fields.count
                let paths = resource.fields.prefix(Self.listedPaths).map { "\($0.path) \($0.change.rawValue)" }
                let more = n > Self.listedPaths ? ", and \(n - Self.listedPaths) more" : ""
                message = "\(n) \(n == 1 ? "change" : "changes"): " + paths.joined(separator: ", ") + more
            } else {
                message = "\(subject) \(resource.change.rawValue)"
            }
            out += command("notice", properties, message)
        }
        for change in report.connectivity.changes where change.isWidening {
            let ports = change.ports.joined(separator: ", ")
            out += command(
                "warning", [("title", "opened flow \(change.from) -> \(change.to)")],
                "the new release allows \(change.from) -> \(change.to) on \(ports)")
        }
        let more = report.connectivity.omitted.opened
        if more > 0 {
            out += command("warning", [("title", "more opened flows")], omittedLine(more, opened: true))
        }
        return out
    }

    private func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(Self.escapeData(message))\n"
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case "\r\n": out += "%0D%0A"
            default: out.append(char)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }
}

private extension String {
    func replacingColonsAndCommas() -> String {
        var out = ""
        for char in self {
            switch char {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.append(char)
            }
        }
        return out
    }
}
