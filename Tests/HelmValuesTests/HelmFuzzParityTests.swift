import Foundation
import HelmValues
import TestSupport
import XCTest
import YAML

/// Random `--set`-family arguments (fixed seed) through helm and through us: same values or the
/// same error. HELMVALUES_FUZZ_COUNT sets how many (default 80); HELMVALUES_FUZZ_SEED the seed.
final class HelmFuzzParityTests: XCTestCase {
    typealias Generator = SplitMix64

    static let setTokens = [
        "a", "b", "q", "p", "r", "nl", ".", ".", "=", "=", ",", ",", "[", "]", "[0]", "[1]", "[2]", "[-1]", "[x]",
        "{", "}", "{1,2}", "\\", "\\,", " ", "0", "1", "007", "-5", "true", "NULL", "null", "x=", "a.b=", "é",
    ]
    static let jsonTokens = setTokens + [#""s""#, #"{"k":1}"#, "[1,2]", "[", "{", #"":"#, "1e3", "tru", "false"]

    func testRandomArguments() throws {
        let runner = try HelmRunner.make()
        defer { runner.cleanUp() }
        let env = ProcessInfo.processInfo.environment
        let count = env["HELMVALUES_FUZZ_COUNT"].flatMap(Int.init) ?? 80
        var generator = Generator(seed: env["HELMVALUES_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_123)
        let parity = ParityChecker(runner: runner)
        var scenarios: [ParityChecker.Scenario] = []
        for _ in 0..<count {
            let kind: SetParser.Kind = [.set, .set, .set, .string, .literal, .json].randomElement(using: &generator)!
            let tokens = kind == .json ? Self.jsonTokens : Self.setTokens
            let argument = Bool.random(using: &generator)
                ? Self.tokenSoup(tokens, using: &generator)
                : Self.items(kind, tokens, using: &generator)
            let overFile = Bool.random(using: &generator)
            scenarios.append(ParityChecker.Scenario(
                name: "fuzz \(kind.flag) \(argument)",
                files: overFile ? [SetScenarios.fileValues] : [],
                flags: (overFile ? [.file(0)] : []) + [.set(kind, argument)]))
        }
        try parity.check(scenarios)
    }

    /// 1–12 tokens in any order: mostly malformed.
    static func tokenSoup(_ tokens: [String], using generator: inout Generator) -> String {
        (0..<Int.random(in: 1...12, using: &generator)).map { _ in tokens.randomElement(using: &generator)! }.joined()
    }

    /// `path=value` items, now and then with a stray token: mostly well formed.
    static func items(_ kind: SetParser.Kind, _ tokens: [String], using generator: inout Generator) -> String {
        let names = ["a", "b", "q", "r", "nl", "p", "num"]
        let values = kind == .json
            ? ["1", #""x""#, "null", "true", "[1,{\"z\":2}]", #"{"k":{"l":[]}}"#, "", " 2 "]
            : ["1", "x", "null", "", "{1,x}", "0", "-3", "true", "a b"]
        return (0..<Int.random(in: 1...4, using: &generator)).map { _ in
            var path = ""
            for step in 0..<Int.random(in: 1...4, using: &generator) {
                if step > 0 { path += Bool.random(using: &generator) ? "." : "" }
                if path.isEmpty || path.hasSuffix(".") { path += names.randomElement(using: &generator)! }
                if Int.random(in: 0..<3, using: &generator) == 0 { path += "[\(Int.random(in: 0...3, using: &generator))]" }
            }
            var item = path + "=" + values.randomElement(using: &generator)!
            if Int.random(in: 0..<4, using: &generator) == 0 {
                let at = item.index(item.startIndex, offsetBy: Int.random(in: 0...item.count, using: &generator))
                item.insert(contentsOf: tokens.randomElement(using: &generator)!, at: at)
            }
            return item
        }.joined(separator: ",")
    }

    /// Random trees as two values files over random chart defaults, sometimes with `--set` nulls:
    /// exercises MergeMaps and coalescing.
    func testRandomFilesOverRandomDefaults() throws {
        let runner = try HelmRunner.make()
        defer { runner.cleanUp() }
        let env = ProcessInfo.processInfo.environment
        let count = (env["HELMVALUES_FUZZ_COUNT"].flatMap(Int.init) ?? 80) / 2
        var generator = Generator(seed: env["HELMVALUES_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_124)
        var scenarios: [ParityChecker.Scenario] = []
        for _ in 0..<count {
            let files = [Self.tree(depth: 0, using: &generator), Self.tree(depth: 0, using: &generator)]
            var flags: [ParityChecker.Flag] = [.file(0), .file(1)]
            if Bool.random(using: &generator) {
                let key = ["a", "b", "c", "a.b", "b.c", "c.a.b"].randomElement(using: &generator)!
                flags.append(.set(.set, key + "=null"))
            }
            scenarios.append(ParityChecker.Scenario(
                name: "random trees", files: files, flags: flags, defaults: Self.tree(depth: 0, using: &generator)))
        }
        try ParityChecker(runner: runner).check(scenarios)
    }

    /// A flow-YAML map of up to three of the keys a, b, c.
    static func tree(depth: Int, using generator: inout Generator) -> String {
        var entries: [String] = []
        for key in ["a", "b", "c"] where Int.random(in: 0..<3, using: &generator) > 0 {
            let value: String
            switch Int.random(in: 0..<(depth < 3 ? 6 : 4), using: &generator) {
            case 0: value = "null"
            case 1: value = ["1", "x", "true", "2.5"].randomElement(using: &generator)!
            case 2: value = "[1, {a: 1}]"
            case 3: value = "{}"
            default: value = tree(depth: depth + 1, using: &generator)
            }
            entries.append("\(key): \(value)")
        }
        return "{" + entries.joined(separator: ", ") + "}"
    }
}
