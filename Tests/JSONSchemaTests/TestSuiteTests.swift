import Foundation
import JSONSchema
import TestSupport
import XCTest

/// The official JSON-Schema-Test-Suite, every case of the drafts meshrender supports.
///
/// The suite is not vendored: `scripts/fetch-json-schema-suite` materialises it into a cache
/// (CI does so through `.ci/run`), and `MESHRENDER_JSON_SCHEMA_SUITE` may name another copy.
/// Skipped only when no copy is found. Prints the pass rate per draft, and fails when a draft's
/// required cases pass less often than its recorded floor.
final class TestSuiteTests: XCTestCase {
    /// Draft directory → default draft, and the floor of required cases that must pass.
    static let drafts: [(directory: String, draft: Draft, floor: Double)] = [
        ("draft4", .draft4, 0.90), ("draft6", .draft6, 0.90), ("draft7", .draft7, 0.90),
        ("draft2019-09", .draft2019, 0.90), ("draft2020-12", .draft2020, 0.90),
    ]

    static var suiteDirectory: URL? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["MESHRENDER_JSON_SCHEMA_SUITE"], !env.isEmpty { candidates.append(env) }
        candidates.append(ReferenceTool.cacheDirectory + "/json-schema-test-suite")
        return candidates.map { URL(fileURLWithPath: $0) }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("tests/draft2020-12").path)
        }
    }

    func testOfficialSuite() throws {
        if let named = ProcessInfo.processInfo.environment["MESHRENDER_JSON_SCHEMA_SUITE"], !named.isEmpty,
           !FileManager.default.fileExists(atPath: named + "/tests/draft2020-12") {
            return XCTFail("MESHRENDER_JSON_SCHEMA_SUITE names no copy of the suite: \(named)")
        }
        guard let suite = TestSuiteTests.suiteDirectory else {
            throw XCTSkip("JSON-Schema-Test-Suite not found: run scripts/fetch-json-schema-suite (or set MESHRENDER_JSON_SCHEMA_SUITE)")
        }
        for (directory, draft, floor) in TestSuiteTests.drafts {
            let remotes = try TestSuiteTests.remotes(suite.appendingPathComponent("remotes"))
            let required = try run(suite.appendingPathComponent("tests/\(directory)"), draft: draft, remotes: remotes, optional: false)
            let optional = try run(suite.appendingPathComponent("tests/\(directory)/optional"), draft: draft, remotes: remotes, optional: true)
            let rate = Double(required.passed) / Double(max(required.total, 1))
            print(String(format: "json-schema-test-suite %@: required %d/%d (%.1f%%), optional %d/%d", directory,
                         required.passed, required.total, rate * 100, optional.passed, optional.total))
            if ProcessInfo.processInfo.environment["MESHRENDER_SUITE_VERBOSE"] != nil {
                for failure in required.failures + optional.failures { print("  FAIL \(failure)") }
            }
            XCTAssertGreaterThanOrEqual(rate, floor, "\(directory): pass rate fell below its floor")
        }
    }

    struct Tally {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    /// Runs every case of the `.json` files in `directory` (and, for optional ones, its subdirectories).
    func run(_ directory: URL, draft: Draft, remotes: [String: JSON], optional: Bool) throws -> Tally {
        var tally = Tally()
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return tally }
        var files: [URL] = []
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            if name.hasSuffix(".json") { files.append(url) }
            else if optional, let inner = try? fm.contentsOfDirectory(atPath: url.path) {
                files += inner.sorted().filter { $0.hasSuffix(".json") }.map { url.appendingPathComponent($0) }
            }
        }
        for file in files {
            let groups = try JSONSchema.parse(Array(try Data(contentsOf: file))).array ?? []
            for group in groups {
                guard let object = group.object, let schemaJSON = object["schema"], let tests = object["tests"]?.array else { continue }
                let schema = try? JSONSchema(json: schemaJSON, url: "http://localhost:1234/suite-root.json", defaultDraft: draft, documents: remotes)
                for test in tests {
                    guard let t = test.object, let data = t["data"], let valid = t["valid"]?.bool else { continue }
                    tally.total += 1
                    let verdict = schema.map { $0.validate(data).isEmpty }
                    if verdict == valid {
                        tally.passed += 1
                    } else {
                        let what = "\(file.lastPathComponent): \(object["description"]?.string ?? "") / \(t["description"]?.string ?? "")"
                        tally.failures.append(schema == nil ? what + " (schema not compiled)" : what)
                    }
                }
            }
        }
        return tally
    }

    /// The suite's remote documents, by the URI the suite serves them under.
    static func remotes(_ directory: URL) throws -> [String: JSON] {
        var out: [String: JSON] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return out }
        for case let relative as String in walker where relative.hasSuffix(".json") {
            let json = try JSONSchema.parse(Array(try Data(contentsOf: directory.appendingPathComponent(relative))))
            out["http://localhost:1234/" + relative] = json
        }
        return out
    }
}
