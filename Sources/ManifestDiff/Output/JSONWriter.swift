import GoValues

/// The stable JSON form of a diff report:
///
/// ```json
/// {
///   "resources": [
///     {
///       "kind": "NetworkPolicy",
///       "namespace": "vald",
///       "name": "vald-agent-allow",
///       "change": "added|removed|modified",
///       "fields": [
///         {"path": "spec.ingress[0].from[2]", "change": "added|removed|modified", "from": <value|null>, "to": <value|null>}
///       ]
///     }
///   ],
///   "connectivity": [
///     {"from": "filter-gateway", "to": "agent", "ports": ["8081/TCP"], "change": "opened|closed"}
///   ]
/// }
/// ```
///
/// - `resources` is sorted by kind, namespace, name (then API group); `namespace` is `""` for
///   cluster-scoped resources; `fields` is empty for added and removed resources and lists the changes of
///   a modified one in path order; `from` / `to` are the old / new values as JSON (`null` where the entry
///   does not exist; maps with sorted keys; Secret values masked unless revealed).
/// - `connectivity` is sorted by from, to, then `opened` before `closed`; `ports` is sorted and reads
///   `PORT/PROTOCOL` (`8081/TCP`, `*/UDP` for every UDP port, `any` for every port). When both releases were
///   rendered by the built-in chart from values, a change adds `"rules"`: the rules that allow it (the new release's
///   when opened, the old one's when closed), `[{"rule": "ingress of vald-agent-allow rule 2", "source": {"file",
///   "line", "path"}}]`, `source` naming the values entry behind the rule.
/// - `connectivity` lists at most `--max-listed-flows` entries (default 10,000); when more flows change, a last key
///   `"flowsOmitted": {"opened": N, "closed": M}` counts those left out (absent otherwise).
/// - Keys appear in the order shown; output is indented by two spaces and ends with a newline.
struct JSONWriter {
    func render(_ report: DiffReport) -> String {
        var out = "{\n  \"resources\": ["
        for (i, resource) in report.resources.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"kind\": \(Self.string(resource.id.kind)),\n"
            out += "      \"namespace\": \(Self.string(resource.id.namespace)),\n"
            out += "      \"name\": \(Self.string(resource.id.name)),\n"
            out += "      \"change\": \(Self.string(resource.change.rawValue)),\n"
            out += "      \"fields\": ["
            for (j, field) in resource.fields.enumerated() {
                out += j == 0 ? "\n" : ",\n"
                out += "        {\"path\": \(Self.string(field.path.description)), "
                out += "\"change\": \(Self.string(field.change.rawValue)), "
                out += "\"from\": "
                Self.write(field.from ?? .null, into: &out)
                out += ", \"to\": "
                Self.write(field.to ?? .null, into: &out)
                out += "}"
            }
            out += resource.fields.isEmpty ? "]\n" : "\n      ]\n"
            out += "    }"
        }
        out += report.resources.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"connectivity\": ["
        for (i, change) in report.connectivity.changes.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"from\": \(Self.string(change.from)), \"to\": \(Self.string(change.to)), \"ports\": ["
            out += change.ports.map(Self.string).joined(separator: ", ")
            out += "], \"change\": \(Self.string(change.change.rawValue))"
            if !change.rules.isEmpty {
                out += ", \"rules\": [" + change.rules.map { rule in
                    "{\"rule\": \(Self.string(rule.rule))" + (rule.source.map { ", \"source\": \($0.json)" } ?? "") + "}"
                }.joined(separator: ", ") + "]"
            }
            out += "}"
        }
        out += report.connectivity.changes.isEmpty ? "]" : "\n  ]"
        let omitted = report.connectivity.omitted
        if !omitted.isEmpty {
            out += ",\n  \"flowsOmitted\": {\"opened\": \(omitted.opened), \"closed\": \(omitted.closed)}"
        }
        out += "\n}\n"
        return out
    }

    /// A value as compact JSON, map keys sorted.
    static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null, .nilList: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i), .int64(let i): out += String(i)
        case .float(let f):
            out += f.isFinite ? GoFormat.formatFloat(f, exponentThreshold: 21) : string(GoFormat.float(f))
        case .string(let s): out += string(s)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .map(let m):
            out += "{"
            for (i, key) in value.sortedKeys.enumerated() {
                if i > 0 { out += ", " }
                out += string(key) + ": "
                write(m[key] ?? .null, into: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        GoJSON.encode(.string(s), escapeHTML: false)
    }
}
