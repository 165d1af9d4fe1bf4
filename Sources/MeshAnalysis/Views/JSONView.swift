import GoValues
extension MatrixView {
    /// The matrix as JSON, in this shape (keys in this order, two-space indentation, one trailing newline):
    ///
    ///     {
    ///       "endpoints": [{"id": "vald/vald-agent[StatefulSet]", "kind": "workload", "namespace": "vald", "labels": {"app": "vald-agent"}}],
    ///       "columns": ["agent", "kube-system"],
    ///       "rows": [
    ///         {"from": "agent", "cells": [{"to": "agent", "verdict": "n/a"}, {"to": "kube-system", "verdict": "allowed", "ports": [...]}]}
    ///       ],
    ///       "flows": [{"from": "agent", "to": "kube-system", "ports": [...]}]
    ///     }
    ///
    /// `verdict` is `allowed`, `denied` or `n/a`; `ports` is `"all"` (every port of every protocol) or a list of
    /// `{"protocol": "TCP", "from": 8000, "to": 8100}` ranges and `{"protocol": "TCP", "name": "http"}` named ports. `flows` are every allowed connection between the
    /// labelled endpoints, external sources included. `endpoints` lists every endpoint of the analysis (`kind`:
    /// component, external, workload, rule-peer, representative, kube-system, unrelated, outside-world; an address
    /// instead of namespace and labels for the outside world's pieces). A matrix built without cells (`matrix --manifests --format json`) lists no `rows`.
    public static func json(_ matrix: ConnectivityMatrix) -> String {
        collected { json(matrix, into: $0) }
    }

    /// The JSON of ``json(_:)`` handed to `write` piece by piece, a row of cells at a time (see
    /// ``ConnectivityMatrix/forEachRow(_:)``).
    public static func json(_ matrix: ConnectivityMatrix, into write: (Substring) -> Void) {
        var out = "{\n  \"endpoints\": ["
        for (index, endpoint) in matrix.endpoints.enumerated() {
            out += index == 0 ? "\n    " : ",\n    "
            out += "{\"id\": \(jsonString(endpoint.id)), \"kind\": \(jsonString(endpoint.kind))"
            if let namespace = endpoint.namespace {
                let labels = endpoint.labels.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                out += ", \"namespace\": \(jsonString(namespace)), \"labels\": {"
                    + labels.map { "\(jsonString($0.key)): \(jsonString($0.value))" }.joined(separator: ", ") + "}"
            }
            if let address = endpoint.address { out += ", \"address\": \(jsonString(address))" }
            out += "}"
            flush(&out, write)
        }
        out += matrix.endpoints.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"columns\": [" + matrix.columns.map(jsonString).joined(separator: ", ") + "],\n  \"rows\": ["
        // Each column's cell opening, written once (a row repeats every column).
        let opening = matrix.columns.map { "{\"to\": \(jsonString($0)), \"verdict\": " }
        let denied = opening.map { $0 + "\"denied\"}" }
        var first = true
        matrix.forEachRow { row, cells in
            out += first ? "\n" : ",\n"
            first = false
            out += "    {\"from\": \(jsonString(row)), \"cells\": ["
            for (column, cell) in cells.enumerated() {
                if column > 0 { out += ", " }
                switch cell {
                case .denied: out += denied[column]
                case .notApplicable: out += opening[column] + "\"n/a\"}"
                case .allowed(let ports): out += opening[column] + "\"allowed\", \"ports\": \(jsonPorts(ports))}"
                }
            }
            out += "]}"
            flush(&out, write)
        }
        out += matrix.rows.isEmpty ? "],\n  \"flows\": [" : "\n  ],\n  \"flows\": ["
        for (index, flow) in matrix.flows.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"from\": \(jsonString(flow.from)), \"to\": \(jsonString(flow.to)), \"ports\": \(jsonPorts(flow.ports))}"
            flush(&out, write)
        }
        out += matrix.flows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        write(out[...])
    }

    static func jsonPorts(_ ports: PortSet) -> String {
        if ports.isAll { return "\"all\"" }
        var items: [String] = []
        for proto in TransportProtocol.allCases {
            for range in ports[proto].ranges {
                items.append("{\"protocol\": \"\(proto.rawValue)\", \"from\": \(range.lowerBound), \"to\": \(range.upperBound)}")
            }
            for named in ports.named where named.proto == proto {
                items.append("{\"protocol\": \"\(proto.rawValue)\", \"name\": \(jsonString(named.name))}")
            }
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    static func jsonString(_ text: String) -> String {
        GoJSON.encode(.string(text), escapeHTML: false)
    }
}
