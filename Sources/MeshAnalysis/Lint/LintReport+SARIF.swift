import YAMLCore

extension LintReport {
    /// The report as a SARIF 2.1.0 log: one run whose driver lists the rules that ran, one result per finding with
    /// its rule id and index, level, message and, where known, the file and region.
    public func sarif(toolVersion: String) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element, $0.offset) })
        var driver: [String: Value] = [
            "name": .string("meshrender"),
            "rules": .list(rules.map { rule in
                .map([
                    "id": .string(rule.rawValue),
                    "shortDescription": .map(["text": .string(rule.summary)]),
                    "defaultConfiguration": .map(["level": .string(rule.severity.sarifLevel)]),
                ])
            }),
        ]
        if !toolVersion.isEmpty { driver["version"] = .string(toolVersion) }
        let results: [Value] = findings.map { finding in
            var result: [String: Value] = [
                "ruleId": .string(finding.rule.rawValue),
                "level": .string(finding.severity.sarifLevel),
                "message": .map(["text": .string(finding.message)]),
            ]
            if let index = ruleIndex[finding.rule] { result["ruleIndex"] = .int(Int64(index)) }
            if let location = finding.location {
                var physical: [String: Value] = ["artifactLocation": .map(["uri": .string(Self.uriReference(location.file))])]
                if let line = location.line, line > 0 {
                    var region: [String: Value] = ["startLine": .int(Int64(line))]
                    if let column = location.column, column > 0 { region["startColumn"] = .int(Int64(column)) }
                    physical["region"] = .map(region)
                }
                result["locations"] = .list([.map(["physicalLocation": .map(physical)])])
            }
            return .map(result)
        }
        let log: Value = .map([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .list([.map(["tool": .map(["driver": .map(driver)]), "results": .list(results)])]),
        ])
        return GoJSON.encodeIndented(log, escapeHTML: false) + "\n"
    }

    /// A file path as a URI reference: characters that may not appear in one are percent-encoded.
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "/-._~:@!$&'()*+,;=".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
