extension Verification {
    /// The result as JSON (keys in this order, one trailing newline):
    ///
    ///     {
    ///       "passed": false,
    ///       "pairsCompared": 90,
    ///       "differences": [{"from": "a", "to": "b", "effective": "all", "intended": [], "responsible": ["…"]}],
    ///       "flows": [{"from": "a", "to": "b", "ports": "all"}]
    ///     }
    ///
    /// `flows` are the effective flows, in the shape `matrix --format json` gives them; ports are `"all"` or a list of
    /// `{"protocol", "from", "to"}` ranges and `{"protocol", "name"}` named ports.
    public var json: String {
        var out = "{\n  \"passed\": \(passed),\n  \"pairsCompared\": \(pairsCompared),\n  \"differences\": ["
        for (index, difference) in differences.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"from\": \(MatrixView.jsonString(difference.from)), \"to\": \(MatrixView.jsonString(difference.to))"
            out += ", \"effective\": \(MatrixView.jsonPorts(difference.effective)), \"intended\": \(MatrixView.jsonPorts(difference.intended))"
            out += ", \"responsible\": [" + (difference.responsible + difference.intendedBy).map(MatrixView.jsonString).joined(separator: ", ") + "]}"
        }
        out += differences.isEmpty ? "],\n  \"flows\": [" : "\n  ],\n  \"flows\": ["
        for (index, flow) in flows.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"from\": \(MatrixView.jsonString(flow.from)), \"to\": \(MatrixView.jsonString(flow.to)), \"ports\": \(MatrixView.jsonPorts(flow.ports))}"
        }
        out += flows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }
}
