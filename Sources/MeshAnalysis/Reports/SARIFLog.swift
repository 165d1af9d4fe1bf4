import GoValues

/// A SARIF 2.1.0 log of one run of meshrender: the rules that ran and one result per finding, as `lint -o sarif`
/// and `verify -o sarif` print it.
public struct SARIFLog: Sendable {
    /// A rule the run checked.
    public struct Rule: Sendable {
        public var id: String
        public var summary: String
        /// `error`, `warning` or `note`.
        public var level: String

        public init(id: String, summary: String, level: String) {
            self.id = id
            self.summary = summary
            self.level = level
        }
    }

    /// One result: the rule it breaks, its level, its message and, where known, its location.
    public struct Result: Sendable {
        public var ruleID: String
        public var level: String
        public var message: String
        public var location: LintLocation?

        public init(ruleID: String, level: String, message: String, location: LintLocation?) {
            self.ruleID = ruleID
            self.level = level
            self.message = message
            self.location = location
        }
    }

    public var rules: [Rule]
    public var results: [Result]
    /// Goes into the driver's `version` when not empty.
    public var toolVersion: String

    public init(rules: [Rule], results: [Result], toolVersion: String) {
        self.rules = rules
        self.results = results
        self.toolVersion = toolVersion
    }

    /// The log as indented JSON with a trailing newline: one run whose driver lists the rules, each result with its
    /// rule id and index, level, message and, where known, the file and region.
    public var text: String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        var driver: [String: Value] = [
            "name": .string("meshrender"),
            "rules": .list(rules.map { rule in
                .map([
                    "id": .string(rule.id),
                    "shortDescription": .map(["text": .string(rule.summary)]),
                    "defaultConfiguration": .map(["level": .string(rule.level)]),
                ])
            }),
        ]
        if !toolVersion.isEmpty { driver["version"] = .string(toolVersion) }
        let entries: [Value] = results.map { finding in
            var result: [String: Value] = [
                "ruleId": .string(finding.ruleID),
                "level": .string(finding.level),
                "message": .map(["text": .string(finding.message)]),
            ]
            if let index = ruleIndex[finding.ruleID] { result["ruleIndex"] = .int(Int64(index)) }
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
            "runs": .list([.map(["tool": .map(["driver": .map(driver)]), "results": .list(entries)])]),
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
