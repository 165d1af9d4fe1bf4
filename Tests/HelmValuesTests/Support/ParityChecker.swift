import Foundation
import HelmValues
import XCTest
import Diagnostics
import GoValues
import YAML

/// Runs parity scenarios: the same flags through `helm template` and through us.
struct ParityChecker {
    enum Flag {
        /// `-f` of the scenario's file at this index.
        case file(Int)
        /// `-f` of a path that is not a readable file (relative to the work directory).
        case path(String)
        /// `-f -`
        case stdin
        case set(SetParser.Kind, String)
    }

    struct Scenario {
        var name: String
        var files: [String] = []
        var flags: [Flag]
        var defaults: String? = nil
        var stdin: String? = nil
        var file: StaticString = #filePath
        var line: UInt = #line
    }

    let runner: HelmRunner

    func check(_ scenarios: [Scenario]) throws {
        var errors = 0, messages = 0
        for scenario in scenarios {
            let outcome = try check(scenario)
            if outcome != .values { errors += 1 }
            if outcome == .sameMessage { messages += 1 }
        }
        print("helm parity: \(scenarios.count) scenarios, \(errors) errors in both, \(messages) with the same message")
    }

    enum Agreement { case values, error, sameMessage }

    @discardableResult
    func check(_ scenario: Scenario) throws -> Agreement {
        let file = scenario.file
        var arguments: [String] = []
        var options = ValuesOptions()
        for (i, content) in scenario.files.enumerated() {
            try content.write(to: runner.directory.appendingPathComponent("f\(i).yaml"), atomically: true, encoding: .utf8)
        }
        for flag in scenario.flags {
            switch flag {
            case .file(let i):
                arguments += ["-f", "f\(i).yaml"]
                options.valueFiles.append("f\(i).yaml")
            case .path(let path):
                arguments += ["-f", path]
                options.valueFiles.append(path)
            case .stdin:
                arguments += ["-f", "-"]
                options.valueFiles.append("-")
            case .set(let kind, let argument):
                arguments += [kind.flag, argument]
                switch kind {
                case .json: options.jsonValues.append(argument)
                case .set: options.setValues.append(argument)
                case .string: options.stringValues.append(argument)
                case .file: options.fileValues.append(argument)
                case .literal: options.literalValues.append(argument)
                }
            }
        }
        let helm = try runner.template(arguments: arguments, defaults: scenario.defaults, stdin: scenario.stdin)
        let ours = Result { () throws(InputError) -> Value in try self.ours(options, scenario) }
        let label = "\(scenario.name) [\(arguments.joined(separator: " "))]"
        switch (helm, ours) {
        case (.values(let expected), .success(let got)):
            XCTAssertEqual(floatNumbers(got), expected, label, file: file, line: scenario.line)
        case (.error(let message), .failure(let error)):
            if let expected = Self.comparableMessage(error, for: scenario) {
                XCTAssertEqual(expected, message, label, file: file, line: scenario.line)
                return .sameMessage
            }
            return .error
        case (.values(let expected), .failure(let error)):
            XCTFail("\(label): helm gives \(expected), we fail: \(error)", file: file, line: scenario.line)
        case (.error(let message), .success(let got)):
            XCTFail("\(label): helm fails (\(message)), we give \(got)", file: file, line: scenario.line)
        }
        return .values
    }

    func ours(_ options: ValuesOptions, _ scenario: Scenario) throws(InputError) -> Value {
        let directory = runner.directory.path + "/"
        let user = try options.merged(
            readFile: { path in
                do {
                    return try ValuesOptions.readFileFromDisk(path.hasPrefix("/") ? path : directory + path)
                } catch let error as InputError {
                    // Report the path as given, as helm does.
                    throw InputError(error.message.replacingOccurrences(of: directory, with: ""), at: error.mark)
                }
            },
            readStdin: { Array((scenario.stdin ?? "").utf8) })
        let defaults = try scenario.defaults.map { text throws(InputError) in
            try ValuesFile.load(Array(text.utf8), file: "values.yaml")
        } ?? Node(.mapping(Mapping()))
        return Coalesce.coalesce(defaults: defaults, user: user).toValue()
    }

    /// Helm's error line for our error, where we promise the same text: the `--set` family
    /// (except `--set-json`, where Helm only echoes the argument) and unreadable files.
    static func comparableMessage(_ error: InputError, for scenario: Scenario) -> String? {
        if let file = error.mark?.file, let kind = SetParser.Kind.allCases.first(where: { $0.flag == file }) {
            return kind == .json ? nil : "failed parsing \(kind.flag) data: \(error.message)"
        }
        if error.mark == nil, error.message.hasPrefix("open ") || error.message.hasPrefix("read ") {
            return error.message
        }
        return nil
    }
}
