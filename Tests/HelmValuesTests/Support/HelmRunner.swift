import Foundation
import HelmValues
import XCTest
import GoValues
import TestSupport

/// Runs the real `helm template` on a throwaway chart whose only template prints
/// `{{ toJson .Values }}`. Found through `ReferenceTool.helm`.
struct HelmRunner {
    let helm: String
    let directory: URL

    /// The runner, or an `XCTSkip` when no helm binary is available.
    static func make() throws -> HelmRunner {
        let helm = try ReferenceTool.helm.require()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helmvalues-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return HelmRunner(helm: helm, directory: directory)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// What helm printed: the values as JSON, or the error line.
    enum Outcome {
        case values(Value)
        case error(String)
    }

    /// `helm template x <chart> <arguments>` with `values.yaml` holding `defaults` (none when nil).
    func template(arguments: [String], defaults: String?, stdin: String? = nil) throws -> Outcome {
        let chart = directory.appendingPathComponent("chart")
        let templates = chart.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "apiVersion: v2\nname: c\nversion: 0.1.0\n".write(
            to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try "{{ toJson .Values }}\n".write(
            to: templates.appendingPathComponent("out.yaml"), atomically: true, encoding: .utf8)
        let valuesFile = chart.appendingPathComponent("values.yaml")
        try? FileManager.default.removeItem(at: valuesFile)
        if let defaults { try defaults.write(to: valuesFile, atomically: true, encoding: .utf8) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: helm)
        process.arguments = ["template", "x", chart.path] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line = stderr.split(separator: "\n").first { $0.hasPrefix("Error: ") }
            return .error(line.map { String($0.dropFirst("Error: ".count)) } ?? stderr)
        }
        let text = String(decoding: stdout, as: UTF8.self)
        guard let json = text.split(separator: "\n").first(where: { $0.hasPrefix("{") }) else {
            throw HelmRunnerError(message: "no JSON in helm output: \(text)")
        }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        return .values(try Self.value(object))
    }

    struct HelmRunnerError: Error { var message: String }

    /// Foundation's JSON objects as `Value`s; every number a float.
    static func value(_ object: Any) throws -> Value {
        switch object {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .float(n.doubleValue)
        case let a as [Any]: return .list(try a.map(value))
        case let d as [String: Any]: return .map(try d.mapValues(value))
        default: throw HelmRunnerError(message: "unexpected JSON object \(type(of: object))")
        }
    }
}
