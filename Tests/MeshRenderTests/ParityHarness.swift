import Foundation
import GoValues
import HelmValues
import MeshRender
import YAML
import TestSupport
import XCTest

/// One parity case: `Fixtures/parity/<case>/` holds `chart/`, values files and an `args` file.
///
/// `args` has one flag per line (`#` comments allowed):
/// ```
/// release my-release        # NAME (default: release-name)
/// namespace team-a          # -n (default: default)
/// -f values-prod.yaml       # relative to the case directory
/// --set a.b=1               # also --set-string, --set-json, --set-literal
/// --show-only templates/a.yaml
/// --kube-version v1.29.0
/// --api-versions example.com/v1
/// --is-upgrade
/// --skip-schema-validation
/// ```
struct ParityCase {
    var name: String
    var directory: URL
    var release = "release-name"
    var namespace = "default"
    var flags: [(String, String)] = []

    var chartDirectory: URL { directory.appendingPathComponent("chart") }

    init(directory: URL) throws {
        self.directory = directory
        name = directory.lastPathComponent
        let argsFile = directory.appendingPathComponent("args")
        let text = (try? String(contentsOf: argsFile, encoding: .utf8)) ?? ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let flag = parts[0], value = parts.count > 1 ? parts[1] : ""
            switch flag {
            case "release": release = value
            case "namespace": namespace = value
            default: flags.append((flag, value))
            }
        }
    }

    /// `helm template` arguments for this case (paths relative to the case directory).
    var helmArguments: [String] {
        var args = ["template", release, "chart", "-n", namespace]
        for (flag, value) in flags {
            args.append(flag)
            if !value.isEmpty { args.append(value) }
        }
        return args
    }

    func values(_ flag: String) -> [String] { flags.filter { $0.0 == flag }.map(\.1) }

    /// stdout, stderr and exit status of one run.
    struct Outcome: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs the real helm in the case directory.
    func runHelm(_ helm: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: helm)
        process.arguments = helmArguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["HELM_CACHE_HOME"] = NSTemporaryDirectory() + "meshrender-parity-helm/cache"
        environment["HELM_CONFIG_HOME"] = NSTemporaryDirectory() + "meshrender-parity-helm/config"
        environment["HELM_DATA_HOME"] = NSTemporaryDirectory() + "meshrender-parity-helm/data"
        process.environment = environment
        // Files, not pipes: a large stderr (deep include chains) must not block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Outcome(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Runs meshrender's library pipeline on the same inputs.
    func runMeshrender() -> Outcome {
        do {
            let rendered = try render()
            let patterns = values("--show-only")
            return Outcome(stdout: patterns.isEmpty ? rendered.text : try rendered.showOnly(patterns), stderr: "", status: 0)
        } catch let error as ChartRenderError {
            // As the command writes it (a byte that is not UTF-8 as that byte), read back as helm's is.
            return Outcome(stdout: "", stderr: String(decoding: ByteString.bytes(error.helmStderr), as: UTF8.self), status: 1)
        } catch {
            return Outcome(stdout: "", stderr: "Error: \(error)\n", status: 1)
        }
    }

    /// The case's chart rendered by the library (values flags merged, chart defaults coalesced).
    func render(windowing: ChartRenderer.Windowing = .init()) throws -> RenderedManifests {
        let options = ValuesOptions(
            valueFiles: values("-f") + values("--values"), jsonValues: values("--set-json"),
            setValues: values("--set"), stringValues: values("--set-string"),
            literalValues: values("--set-literal"))
        let base = directory.path
        let user = try options.merged(
            readFile: { path in try ValuesOptions.readFileFromDisk(path.hasPrefix("/") ? path : base + "/" + path) },
            readStdin: { [] })
        let chart = try ChartLoader.load(directory: chartDirectory.path)
        var release = ReleaseInput(name: self.release, namespace: namespace)
        if let v = values("--kube-version").last { release.kubeVersion = v }
        release.apiVersions = values("--api-versions").flatMap { $0.isEmpty ? [] : $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        release.isUpgrade = flags.contains { $0.0 == "--is-upgrade" }
        var renderer = ChartRenderer(chart: chart)
        renderer.windowing = windowing
        renderer.validatesSchemas = !flags.contains { $0.0 == "--skip-schema-validation" }
        return try renderer.render(values: user, release: release)
    }

    /// The case rendered with `first` and with `second`: the same text, or the same error. True when both rendered
    /// (XCTest failures name the case otherwise).
    func rendersAlike(_ first: ChartRenderer.Windowing, _ second: ChartRenderer.Windowing) -> Bool {
        switch (Result { try render(windowing: first) }, Result { try render(windowing: second) }) {
        case let (.success(a), .success(b)):
            XCTAssertEqual(b.text, a.text, name)
            return true
        case let (.failure(a), .failure(b)):
            XCTAssertEqual("\(b)", "\(a)", name)
        default:
            XCTFail("\(name): one render failed, the other did not")
        }
        return false
    }
}

enum ParityFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/parity")
    }

    static func cases() throws -> [ParityCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { try ParityCase(directory: root.appendingPathComponent($0)) }
    }

}

/// A readable line diff of two outputs (`-` expected, `+` actual), limited to the changed
/// regions with two lines of context.
func lineDiff(expected: String, actual: String, limit: Int = 60) -> String {
    let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
    let diff = b.difference(from: a)
    var removed = Set<Int>(), inserted = Set<Int>()
    for change in diff {
        switch change {
        case .remove(let offset, _, _): removed.insert(offset)
        case .insert(let offset, _, _): inserted.insert(offset)
        }
    }
    var out: [String] = []
    var i = 0, j = 0
    var lastPrinted = -10
    while i < a.count || j < b.count {
        if i < a.count && removed.contains(i) {
            out.append("-\(i + 1): \(a[i].debugDescription)")
            lastPrinted = out.count
            i += 1
        } else if j < b.count && inserted.contains(j) {
            out.append("+\(j + 1): \(b[j].debugDescription)")
            lastPrinted = out.count
            j += 1
        } else {
            let nearChange = (i + 1 < a.count && removed.contains(i + 1)) || (j + 1 < b.count && inserted.contains(j + 1))
                || (i + 2 < a.count && removed.contains(i + 2)) || (j + 2 < b.count && inserted.contains(j + 2))
            if nearChange || out.count - lastPrinted < 2 && lastPrinted >= 0 && out.count >= lastPrinted {
                out.append(" \(i + 1): \(i < a.count ? a[i].debugDescription : "")")
            }
            i += 1
            j += 1
        }
        if out.count > limit {
            out.append("... (diff truncated)")
            break
        }
    }
    return out.joined(separator: "\n")
}
