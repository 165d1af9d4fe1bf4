import Foundation
import XCTest

/// The reference tools the suites compare meshrender with: the real Helm (template and values parity) and nca (an
/// independent NetworkPolicy analyzer). Each is found through its environment variable, else where its fetch
/// script caches it; a suite that needs a missing tool skips, naming the command that fetches it.
public enum ReferenceTool: String, CaseIterable, Sendable {
    case helm
    case nca

    /// The environment variable that names the tool's executable (`MESHRENDER_HELM`, `MESHRENDER_NCA`).
    public var environmentVariable: String { "MESHRENDER_\(rawValue.uppercased())" }

    /// The repository's script that fetches the tool once and prints its path.
    public var fetchCommand: String { "scripts/fetch-\(rawValue)" }

    /// Where the fetch scripts (`scripts/fetch-helm`, `scripts/fetch-nca`, `scripts/fetch-json-schema-suite`) cache
    /// what they fetch: `$MESHRENDER_TOOLS_CACHE`, else `$XDG_CACHE_HOME/meshrender-tools`, else
    /// `~/.cache/meshrender-tools`.
    public static var cacheDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["MESHRENDER_TOOLS_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? "/tmp") + "/.cache") + "/meshrender-tools")
    }

    /// Where the fetch script caches the tool (under ``cacheDirectory``).
    public var cachedPath: String {
        let cache = ReferenceTool.cacheDirectory
        switch self {
        case .helm: return cache + "/helm-v4.1.4/helm"
        case .nca: return cache + "/nca-venv/bin/nca"
        }
    }

    /// The tool's executable, or nil when neither the environment variable nor the cache names one.
    public var path: String? {
        let candidates = [ProcessInfo.processInfo.environment[environmentVariable], cachedPath]
        for case let candidate? in candidates where !candidate.isEmpty && FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    /// The reason a test skips without the tool, naming how to get it.
    public var missingReason: String { "\(rawValue) not found: set \(environmentVariable) or run \(fetchCommand)" }

    /// The tool's executable; throws `XCTSkip` naming the fetch command when it is missing.
    public func require() throws -> String {
        guard let path else { throw XCTSkip(missingReason) }
        return path
    }
}
