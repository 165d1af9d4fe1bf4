import TestSupport
import XCTest
import GoValues
@testable import TemplateEngine
import HelmFunctions

/// Random templates built from the language's pieces must parse and execute or fail with a
/// `TemplateError` -- never crash, hang or recurse without bound.
final class RobustnessTests: XCTestCase {
    typealias SplitMix = SplitMix64

    static let pieces = [
        "{{", "}}", "{{-", "-}}", " ", "\n", "text", ".", ".Values", ".a", ".b", "$", "$x", ":=", "=", "|", "(", ")",
        "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue", "\"s\"", "`r`",
        "'c'", "1", "-2", "1.5", "0x1F", "true", "nil", "eq", "and", "or", "not", "len", "index", "printf", "\"%v\"",
        "include", "tpl", "default", "dict", "set", "list", "toYaml", "nindent", "quote", "/*", "*/", ",", "\"x\"",
    ]

    func testRandomTemplatesNeverCrash() {
        var rng = SplitMix(seed: 42)
        let data: Value = .map([
            "Values": .map(["a": .list([.float(1), .string("x"), .null]), "b": .map(["c": .bool(true)])]),
        ])
        var parsed = 0, executed = 0
        for i in 0..<3000 {
            let length = Int(rng.next() % 40) + 1
            var text = ""
            for _ in 0..<length { text += rng.pick(Self.pieces) }
            let set = TemplateSet()
            set.limits.maxTemplateDepth = 200
            do {
                try set.parse(name: "t\(i)", text: text)
                parsed += 1
                _ = try set.execute(name: "t\(i)", data: data)
                executed += 1
            } catch {
                XCTAssertTrue(error.description.hasPrefix("template: "), "\(text): \(error)")
            }
        }
        // The generator must reach the executor, not only the parser's error paths.
        XCTAssertGreaterThan(parsed, 300)
        XCTAssertGreaterThan(executed, 100)
    }
}
