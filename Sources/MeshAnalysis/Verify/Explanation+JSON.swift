import MeshModel
import YAML

extension Explanation {
    /// The explanation as one JSON object (keys in this order, no trailing newline):
    ///
    ///     {"from": "lb-gateway", "to": "agent", "allowed": [...], "intended": [...],
    ///      "egress": {"endpoint": "lb-gateway", "isolated": true, "allowed": [...], "rules": [
    ///        {"namespace": "vald", "policy": "vald-lb-gateway-allow", "rule": 2, "text": "to …", "peerMatches": true,
    ///         "ports": [...], "source": {"file": "values/vald.yaml", "line": 47, "path": "mesh.connectivity.lb-gateway[0]"}}]},
    ///      "ingress": {…}}
    ///
    /// Ports as `matrix --format json` gives them; `intended` is `null` without a mesh, `rule` `null` for a policy
    /// without rules of the direction; `source` appears only when the values entry behind the rule is known.
    public var json: String {
        func side(_ side: Side) -> String {
            let rules = side.verdicts.map { verdict -> String in
                var out = "{\"namespace\": \(MatrixView.jsonString(verdict.namespace)), \"policy\": \(MatrixView.jsonString(verdict.policy))"
                out += ", \"rule\": \(verdict.ruleNumber.map(String.init) ?? "null"), \"text\": \(MatrixView.jsonString(verdict.ruleText))"
                out += ", \"peerMatches\": \(verdict.peerMatches), \"ports\": \(MatrixView.jsonPorts(verdict.ports))"
                if let source = verdict.source { out += ", \"source\": \(source.json)" }
                return out + "}"
            }
            return "{\"endpoint\": \(MatrixView.jsonString(side.endpoint)), \"isolated\": \(side.isolated)"
                + ", \"allowed\": \(MatrixView.jsonPorts(side.allowed)), \"rules\": [\(rules.joined(separator: ", "))]}"
        }
        return "{\"from\": \(MatrixView.jsonString(from)), \"to\": \(MatrixView.jsonString(to))"
            + ", \"allowed\": \(MatrixView.jsonPorts(allowed)), \"intended\": \(intended.map(MatrixView.jsonPorts) ?? "null")"
            + ",\n  \"egress\": \(side(egress)),\n  \"ingress\": \(side(ingress))}"
    }
}

extension ValuesOrigin {
    /// `{"file": "values/vald.yaml", "line": 47, "path": "mesh.connectivity.lb-gateway[0]"}`; file and line are `null`
    /// when the values did not write the entry anywhere, the file `<stdin>` for standard input.
    public var json: String {
        let file = mark.map { MatrixView.jsonString($0.file == "-" ? "<stdin>" : $0.file) } ?? "null"
        let line = mark.map { String($0.line) } ?? "null"
        return "{\"file\": \(file), \"line\": \(line), \"path\": \(MatrixView.jsonString(path))}"
    }
}
