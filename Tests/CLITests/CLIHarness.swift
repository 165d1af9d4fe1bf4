import Foundation
import XCTest
import TestSupport

/// Runs the built `meshrender` executable and captures what it printed.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Carries stderr's bytes out of the reading thread (written once before `group.leave()`).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

enum CLI {
    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The `meshrender` binary next to the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("meshrender")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/meshrender")
    }

    /// Runs `meshrender args...` (or another `executable`) in the package root (or `directory`),
    /// feeding `stdin`.
    static func run(
        _ args: [String], stdin: String? = nil, environment: [String: String] = [:], executable: URL? = nil,
        directory: URL? = nil
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = args
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Drain stderr into a file-backed buffer while stdout is read, so a large output cannot block the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Compares `actual` with the golden file `name`; `MESHRENDER_UPDATE_GOLDEN=1` rewrites it.
    static func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try GoldenFile.assert(actual, matches: fixtures.appendingPathComponent("golden").appendingPathComponent(name), file: file, line: line)
    }
}
