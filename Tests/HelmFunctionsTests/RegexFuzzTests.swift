@testable import HelmFunctions
@testable import TemplateEngine
import TestSupport
import XCTest
import GoValues

/// Random patterns made of RE2's metacharacters through every regex function: each call either
/// gives a result or fails with Go's compile-error shape, and never traps. `RegexDifferentialTests`
/// compares the results themselves with helm's.
final class RegexFuzzTests: XCTestCase {
    func testRandomPatternsNeverCrash() {
        let alphabet = Array("ab()[]{},1279*+?|^$.\\QEdwspLPxiU<>=!:-_ ".unicodeScalars)
        var rng = SplitMix64(seed: 0x5EED_2026)
        var compiled = 0, rejected = 0
        for _ in 0..<4_000 {
            let pattern = String(String.UnicodeScalarView((0..<Int(rng.next() % 12)).map { _ in rng.pick(alphabet) }))
            let input = String(String.UnicodeScalarView((0..<Int(rng.next() % 10)).map { _ in rng.pick(alphabet) }))
            let calls: [(String, [Value])] = [
                ("mustRegexFind", [.string(pattern), .string(input)]),
                ("regexFindAll", [.string(pattern), .string(input), .int(-1)]),
                ("regexReplaceAll", [.string(pattern), .string(input), .string("<$1${name}>")]),
                ("mustRegexSplit", [.string(pattern), .string(input), .int(-1)]),
                ("regexMatch", [.string(pattern), .string(input)]),
            ]
            for (name, args) in calls {
                switch outcome(of: name, args) {
                case .ok?:
                    if name == "mustRegexFind" { compiled += 1 }
                case .call(let message)?:
                    let expected = name.hasPrefix("must") ? "error parsing regexp: " : "regexp: Compile(`\(pattern)`): error parsing regexp: "
                    XCTAssertTrue(message.hasPrefix(expected), "\(name) \(pattern.debugDescription): \(message)")
                    if name == "mustRegexFind" { rejected += 1 }
                case .argument(let message)?:
                    XCTFail("\(name) \(pattern.debugDescription): argument error \(message)")
                case nil:
                    XCTFail("\(name) is not in the table")
                }
            }
        }
        // Both kinds of pattern must occur, or the fuzzing proves little.
        XCTAssertGreaterThan(compiled, 500)
        XCTAssertGreaterThan(rejected, 500)
    }
}
