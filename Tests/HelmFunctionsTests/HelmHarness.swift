import Foundation
import XCTest
import GoValues
import YAML
@testable import HelmFunctions
@testable import TemplateEngine
import TestSupport

/// Runs the real `helm template` (MESHRENDER_HELM, else the shared tool path) on small charts.
enum HelmHarness {
    static var helmPath: String? { ReferenceTool.helm.path }

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Writes a chart `ch` with the given template files and values, runs `helm template r ./ch`.
    static func run(templates: [String: String], values: String, debug: Bool) throws -> Output {
        let helm = try ReferenceTool.helm.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gotemplate-parity-\(UUID().uuidString)")
        let chart = dir.appendingPathComponent("ch")
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "apiVersion: v2\nname: ch\nversion: 0.1.0\n".write(
            to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try values.write(to: chart.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in templates {
            try text.write(to: chart.appendingPathComponent("templates/\(name)"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: helm)
        process.arguments = ["template", "r", "./ch"] + (debug ? ["--debug"] : [])
        process.currentDirectoryURL = dir
        // Both streams go to files: a pipe that nobody drains would block helm on a long error.
        let outFile = dir.appendingPathComponent("stdout"), errFile = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let outData = try Data(contentsOf: outFile)
        let errData = try Data(contentsOf: errFile)
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Helm's view of a values file: every number is a float64 (values pass through JSON).
    static func helmValues(_ yaml: String) throws -> Value {
        if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .map([:]) }
        let node = try YAMLParser().parse(yaml, file: "values.yaml")
        return floatNumbers(node.toValue())
    }

    static func floatNumbers(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .float(Double(i))
        case .list(let l): return .list(l.map(floatNumbers))
        case .map(let m): return .map(m.mapValues(floatNumbers))
        default: return v
        }
    }

    /// The top-level object `helm template r ./ch` gives to template `ch/templates/NAME`.
    static func topLevel(values: Value, templateName: String) -> Value {
        .map([
            "Values": values,
            "Release": .map([
                "Name": .string("r"), "Namespace": .string("default"), "Service": .string("Helm"),
                "IsInstall": .bool(true), "IsUpgrade": .bool(false), "Revision": .int(1),
            ]),
            "Chart": .map(["Name": .string("ch"), "Version": .string("0.1.0")]),
            "Template": .map(["Name": .string(templateName), "BasePath": .string("ch/templates")]),
            "Capabilities": .map([
                "APIVersions": .list([.string("v1"), .string("apps/v1"), .string("networking.k8s.io/v1")]),
                "KubeVersion": .map(["Version": .string("v1.35.0"), "Major": .string("1"), "Minor": .string("35")]),
            ]),
        ])
    }

    /// Renders `templates` (file name → text) with the engine as Helm would: every file parsed (in
    /// Helm's order), then each non-partial file executed. Returns outputs by file name or the error.
    static func render(templates: [String: String], values: Value) -> Result<[String: String], TemplateError> {
        let set = TemplateSet()
        let names = templates.keys.map { "ch/templates/" + $0 }.sorted(by: Value.goLess)
        do throws(TemplateError) {
            for name in names {
                try set.parse(name: name, text: templates[String(name.dropFirst("ch/templates/".count))]!)
            }
            // Helm executes files in reverse name order (same depth), sharing one values object.
            var out: [String: String] = [:]
            let session = set.session(data: topLevel(values: values, templateName: ""))
            for name in names.reversed() where !name.hasPrefix("ch/templates/_") {
                out[name] = try session.execute(
                    name: name, topLevel: ["Template": .map(["Name": .string(name), "BasePath": .string("ch/templates")])])
            }
            return .success(out)
        } catch {
            return .failure(error)
        }
    }
}
