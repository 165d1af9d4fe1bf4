import Foundation
import XCTest
import GoValues
import YAML
import TestSupport

/// Runs the real Helm binary on a throw-away chart to see how Helm prints values.
///
/// The chart's template prints, for every value of `.Values.cases`, the base64 of
/// `toYaml`, `toJson` and `toPrettyJson` of it, so outputs of any bytes come back intact.
struct HelmProbe {
    struct Output {
        var toYaml: String
        var toJson: String
        var toPrettyJson: String
        var toYamlPretty: String
    }

    let helm: String

    /// The Helm binary (`ReferenceTool.helm`); skips the test when it is missing.
    static func locate() throws -> HelmProbe { HelmProbe(helm: try ReferenceTool.helm.require()) }

    /// Applies the template pipeline `function` (e.g. `fromJson | toJson`) to every string of
    /// `inputs` and returns what Helm printed for each.
    func apply(_ function: String, to inputs: [String]) throws -> [String] {
        let template = """
            {{- range $i, $c := .Values.cases }}
            r{{ $i }}: {{ $c | \(function) | b64enc | quote }}
            {{- end }}

            """
        let found = try run(template: template, cases: inputs.map { Value.string($0) })
        return try inputs.indices.map { i in
            guard let r = found["r\(i)"] else { throw ProbeError(message: "helm printed no output for case \(i)") }
            return r
        }
    }

    /// `toYaml .Values` for a values file holding `yaml`.
    func valuesAsYAML(_ yaml: String) throws -> String {
        let found = try run(template: "r: {{ toYaml .Values | b64enc | quote }}\n", cases: [], valuesText: yaml)
        guard let r = found["r"] else { throw ProbeError(message: "helm printed no values") }
        return r
    }

    /// `toJson .Values` for a values file holding `yaml`.
    func valuesAsJSON(_ yaml: String) throws -> String {
        let found = try run(template: "r: {{ toJson .Values | b64enc | quote }}\n", cases: [], valuesText: yaml)
        guard let r = found["r"] else { throw ProbeError(message: "helm printed no values") }
        return r
    }

    /// Evaluates template pipelines (each yielding a string, e.g. `dict "a" (float64 "NaN") | toYaml`)
    /// and returns what Helm printed for each.
    func evaluate(_ expressions: [String]) throws -> [String] {
        var template = ""
        for (i, e) in expressions.enumerated() { template += "r\(i): {{ \(e) | b64enc | quote }}\n" }
        let found = try run(template: template, cases: [])
        return try expressions.indices.map { i in
            guard let r = found["r\(i)"] else { throw ProbeError(message: "helm printed no output for \(expressions[i])") }
            return r
        }
    }

    /// Renders every case through Helm; `cases` travel as a JSON values file (numbers become float64).
    func render(_ cases: [Value]) throws -> [Output] {
        let template = """
            {{- range $i, $c := .Values.cases }}
            y{{ $i }}: {{ toYaml $c | b64enc | quote }}
            j{{ $i }}: {{ toJson $c | b64enc | quote }}
            p{{ $i }}: {{ toPrettyJson $c | b64enc | quote }}
            v{{ $i }}: {{ toYamlPretty $c | b64enc | quote }}
            {{- end }}

            """
        let found = try run(template: template, cases: cases)
        return try cases.indices.map { i in
            guard let y = found["y\(i)"], let j = found["j\(i)"], let p = found["p\(i)"], let v = found["v\(i)"] else {
                throw ProbeError(message: "helm printed no output for case \(i)")
            }
            return Output(toYaml: y, toJson: j, toPrettyJson: p, toYamlPretty: v)
        }
    }

    /// Runs `helm template` on a chart with `template` as its only template and `cases` as
    /// `.Values.cases`; returns the decoded base64 value of every `key: "b64"` line printed.
    private func run(template: String, cases: [Value], valuesText: String? = nil) throws -> [String: String] {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("meshrender-helm-probe-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("chart/templates"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        try "apiVersion: v2\nname: probe\nversion: 0.1.0\n"
            .write(to: dir.appendingPathComponent("chart/Chart.yaml"), atomically: true, encoding: .utf8)
        try template.write(to: dir.appendingPathComponent("chart/templates/out.yaml"), atomically: true, encoding: .utf8)
        var values = "cases: "
        Self.writeFlow(.list(cases), into: &values)
        if let valuesText { values = valuesText }
        let valuesURL = dir.appendingPathComponent("values.yaml")
        try values.write(to: valuesURL, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: helm)
        process.arguments = ["template", "probe", dir.appendingPathComponent("chart").path, "-f", valuesURL.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProbeError(message: String(decoding: stderr, as: UTF8.self))
        }
        var found: [String: String] = [:]
        for line in String(decoding: stdout, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            var b64 = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            b64 = b64.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard let data = Data(base64Encoded: b64) else { continue }
            found[key] = String(decoding: data, as: UTF8.self)
        }
        return found
    }

    /// YAML flow text (JSON-like) for a value, with every character YAML's reader might
    /// reject written as a `\u`/`\U` escape, so Helm reads back exactly the same value.
    static func writeFlow(_ v: Value, into out: inout String) {
        switch v {
        case .float(let f) where f == 0 && f.sign == .minus: out += "-0.0"  // YAML reads `-0` as the integer 0
        case .null, .bool, .int, .int64, .float, .nilList: out += GoJSON.encode(v)
        case .string(let s):
            out += "\""
            for scalar in s.unicodeScalars {
                let c = scalar.value
                if c == 0x22 { out += "\\\"" }
                else if c == 0x5C { out += "\\\\" }
                else if c >= 0x20 && c < 0x7F { out.unicodeScalars.append(scalar) }
                else if c > 0xFFFF { out += "\\U" + String(repeating: "0", count: 8 - String(c, radix: 16).count) + String(c, radix: 16) }
                else if c < 0xA0 || c == 0xFEFF || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c < 0xE000) || c >= 0xFFFE {
                    out += "\\u" + String(repeating: "0", count: 4 - String(c, radix: 16).count) + String(c, radix: 16)
                } else { out.unicodeScalars.append(scalar) }
            }
            out += "\""
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                writeFlow(item, into: &out)
            }
            out += "]"
        case .map(let m):
            out += "{"
            for (i, key) in m.keys.sorted().enumerated() {
                if i > 0 { out += ", " }
                writeFlow(.string(key), into: &out)
                out += ": "
                writeFlow(m[key]!, into: &out)
            }
            out += "}"
        }
    }

    /// True when some map in `v` has keys go-yaml's comparison does not order consistently
    /// (`012` < `0x1` < `10` < `012`): Go then prints them in map-iteration (random) order.
    static func hasAmbiguousKeyOrder(_ v: Value) -> Bool {
        switch v {
        case .list(let items): return items.contains(where: hasAmbiguousKeyOrder)
        case .map(let m):
            let keys = Array(m.keys)
            for a in keys {
                for b in keys where a != b {
                    for c in keys where c != a && c != b {
                        if HelmYAML.keyLess(a, b) && HelmYAML.keyLess(b, c) && HelmYAML.keyLess(c, a) { return true }
                    }
                }
            }
            return m.values.contains(where: hasAmbiguousKeyOrder)
        default: return false
        }
    }

    struct ProbeError: Error, CustomStringConvertible {
        var message: String
        var description: String { "helm failed: \(message)" }
    }
}
