import Foundation
import GoRegex
import TestSupport
import XCTest
import GoValues
@testable import HelmFunctions
@testable import TemplateEngine

/// Random patterns and inputs through every regex function, side by side with the real
/// `helm template` (skipped when helm is absent). One chart holds every case with a valid
/// pattern, so helm runs once for thousands of cases; each invalid pattern needs a run of its own
/// (the error stops the render), so a sample of them is checked for Go's exact error text.
///
/// `REGEX_DIFF_CASES` (default 3000) sets the number of random patterns, `REGEX_DIFF_ERRORS`
/// (default 150) the number of invalid ones checked, `REGEX_DIFF_SEED` the seed.
final class RegexDifferentialTests: XCTestCase {
    /// Each case prints one comment line (helm parses what a template renders as YAML).
    static let template = """
        {{- range $i, $c := .Values.cases }}
        # {{ $i }} {{ list (regexMatch $c.pat $c.in) (regexFind $c.pat $c.in) (regexFindAll $c.pat $c.in (int $c.lim)) (regexReplaceAll $c.pat $c.in $c.rep) (regexReplaceAllLiteral $c.pat $c.in $c.rep) (regexSplit $c.pat $c.in (int $c.lim)) | toJson }}
        {{- end }}

        """

    func testAgainstHelm() throws {
        _ = try ReferenceTool.helm.require()
        let env = ProcessInfo.processInfo.environment
        let count = Int(env["REGEX_DIFF_CASES"] ?? "") ?? 3000
        let errorSample = Int(env["REGEX_DIFF_ERRORS"] ?? "") ?? 150
        var rng = SplitMix64(seed: UInt64(env["REGEX_DIFF_SEED"] ?? "") ?? 0x2E62_2026)
        var valid: [RegexCase] = []
        var invalid: [(String, String)] = []
        for _ in 0..<count {
            let pattern = RegexCaseGenerator.pattern(&rng)
            do {
                _ = try GoRegexp(pattern)
                for _ in 0..<3 { valid.append(RegexCaseGenerator.makeCase(pattern, &rng)) }
            } catch {
                invalid.append((pattern, error.description))
            }
        }
        // Patterns helm refuses though meshrender compiles them are reported and dropped.
        var refused: [String] = []
        var helmOutput = ""
        for _ in 0..<20 {
            let out = try HelmHarness.run(templates: ["t.yaml": Self.template], values: RegexCase.yaml(valid), debug: false)
            if out.status == 0 {
                helmOutput = out.stdout
                break
            }
            guard let pattern = RegexCase.refusedPattern(in: out.stderr) else {
                XCTFail("helm failed: \(out.stderr.prefix(2000))")
                return
            }
            refused.append(pattern)
            valid.removeAll { $0.pattern == pattern }
        }
        XCTAssertEqual(refused, [], "patterns helm refuses but meshrender compiles")
        let values = try HelmHarness.helmValues(RegexCase.yaml(valid))
        let ours: String
        switch HelmHarness.render(templates: ["t.yaml": Self.template], values: values) {
        case .success(let out): ours = out["ch/templates/t.yaml"] ?? ""
        case .failure(let error): return XCTFail("meshrender failed: \(error)")
        }
        let helmLines = helmOutput.components(separatedBy: "\n").filter { $0.hasPrefix("# ") && $0.dropFirst(2).first?.isNumber == true }
        let ourLines = ours.components(separatedBy: "\n").filter { $0.hasPrefix("# ") && $0.dropFirst(2).first?.isNumber == true }
        XCTAssertEqual(helmLines.count, valid.count, "helm rendered every case")
        var differing = 0
        for (k, c) in valid.enumerated() where k < min(helmLines.count, ourLines.count) && helmLines[k] != ourLines[k] {
            differing += 1
            if differing <= 30 {
                XCTFail("pattern \(c.pattern.debugDescription) input \(c.input.debugDescription) n \(c.n) template \(c.replacement.debugDescription)\n  helm: \(helmLines[k])\n  ours: \(ourLines[k])")
            }
        }
        // Invalid patterns: Go's error text, one helm run each.
        var errorMismatches = 0
        let step = max(1, invalid.count / max(1, errorSample))
        var checked = 0
        for (pattern, ours) in stride(from: 0, to: invalid.count, by: step).map({ invalid[$0] }).prefix(errorSample) {
            let out = try HelmHarness.run(
                templates: ["t.yaml": "{{ mustRegexFind .Values.p \"\" }}"], values: "p: \(RegexCase.quoted(pattern))\n", debug: false)
            checked += 1
            if out.status == 0 || !out.stderr.contains("error calling mustRegexFind: \(ours)\n") {
                errorMismatches += 1
                if errorMismatches <= 20 {
                    XCTFail("pattern \(pattern.debugDescription): ours \(ours)\n  helm: \(out.status == 0 ? "accepted: " + out.stdout : out.stderr)")
                }
            }
        }
        print("regex differential: \(valid.count) cases (\(count) random patterns, \(valid.count / 3) valid), \(differing) differ; \(checked) invalid patterns checked, \(errorMismatches) differ; \(refused.count) refused by helm only")
    }
}

/// One differential case: a pattern, an input, a limit for `regexFindAll`/`regexSplit` and a
/// replacement template.
struct RegexCase {
    let pattern: String
    let input: String
    let n: Int
    let replacement: String

    /// The cases as a values file: `cases: [{pat, in, lim, rep}, ...]`, strings double-quoted.
    static func yaml(_ cases: [RegexCase]) -> String {
        var out = "cases:\n"
        for c in cases {
            out += "- {pat: \(quoted(c.pattern)), in: \(quoted(c.input)), lim: \(c.n), rep: \(quoted(c.replacement))}\n"
        }
        return out
    }

    /// A YAML double-quoted scalar: Go's quoting uses only escapes YAML reads the same way.
    static func quoted(_ s: String) -> String {
        GoQuote.quote(s)
    }

    /// The pattern in a `regexp: Compile(`…`)` panic of helm's error output.
    static func refusedPattern(in stderr: String) -> String? {
        guard let start = stderr.range(of: "regexp: Compile(`"), let end = stderr.range(of: "`): error parsing", range: start.upperBound..<stderr.endIndex) else {
            return nil
        }
        return String(stderr[start.upperBound..<end.lowerBound])
    }
}

/// Random patterns built from RE2's constructs (valid and not) and from its raw metacharacters,
/// and random inputs over the characters they talk about.
enum RegexCaseGenerator {
    static let tokens: [String] = [
        "a", "b", "c", "ab", "k", "K", "s", "S", "\u{212A}", "\u{17F}", "é", "É", "γ", "Σ", "ς", "日", "😀", " ", "-", "_", "0", "7",
        ".", "\\.", "\\w", "\\W", "\\d", "\\D", "\\s", "\\S", "\\b", "\\B", "^", "$", "\\A", "\\z", "\\n", "\\t", "\\x41", "\\x{3b3}",
        "\\101", "\\0", "\\07", "\\-", "\\_",
        "(", ")", "(?:", "(?i)", "(?m)", "(?s)", "(?U)", "(?i:", "(?-i)", "(?im)", "(?sU:", "(?P<n>", "(?<x>", "(?P<name>", "|",
        "*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{2,}", "{0}", "{0,1}", "{,2}", "{1001}", "{3,2}", "{01}",
        "[a-c]", "[^ab]", "[[:alpha:]]", "[[:^digit:]]", "[\\w-\\.]", "[^\\n]", "[a-]", "[]a]", "[^]a]", "[\\d\\s]", "[k]",
        "[[:word:]]", "[[:punct:]]", "[\\x00-\\x{10FFFF}]", "[\\p{Greek}x]", "[^\\PL]",
        "\\pL", "\\p{Greek}", "\\PL", "\\p{Lu}", "\\p{^Ll}", "\\pN", "\\p{Latin}", "\\p{Han}", "\\p{Any}", "\\p{L}",
        "\\Q.+\\E", "\\Qa*", "\\E",
        "\\Z", "\\1", "\\8", "\\C", "(?=", "(?!", "(?<=", "(?P=n)", "(?#", "\\", "[", "]", "{", "}", "(?x)", "\\pX", "\\p{Foo}",
        "[z-a]", "[[:foo:]]", "\\x{110000}", "\\xZ", "(?P<>", "(?P<a-b>",
        "(?i)[k]", "(?i)\\w", "(?i)\\W", "(?i)[[:upper:]]", "(?i)\\p{Lu}", "(?i)[^k]", "(?i)\\PL", "\\x{212A}", "[\\x{212A}]",
        "(a*)*", "(a|ab)(c|bcd)", "(a+|b+)*", "()", "(|a)", "(a|)", "\\b*", "^*", "$+", "(?i)ς", "(?i)ſ", "(?i)µ", "(?i)ǅ", "(?i)ı",
        "(?i)ß", "(?i)\\x{345}", "[[:^alpha:]]", "[\\p{^Greek}]", "\\P{^Greek}", "\\p{greek}", "\\p{Letter}", "\\p{Assigned}",
        "\\p{ASCII}", "\\p{LC}", "\\p{Lt}", "\\p{Nd}", "\\pZ", "\\p{Zs}", "\\pP", "\\pS", "\\p{Sm}", "\\pM", "\\pC",
        "\\p{Cc}", "\\p{Co}", "\\p{Cf}", "\\p{Common}", "\\p{Inherited}", "\\p{Cyrillic}", "\\p{Cn}", "\\p{Uppercase_Letter}",
        "\\p{L u}", "\\p{Old_Italic}", "\\pl", "[^\\x00-\\x{10FFFF}]", "(?s).", "(?m)$", "(?m)^", "(?-m)$", ".*", ".+?", "(a)(b)?",
        "(?P<n>a)|(?P<n>b)", "(?:a{2}){3}", "a{2,3}?", "(a){0}", "x*y*", "\\Bb", "(?i)K",
    ]
    static let metaAlphabet = Array("ab()[]{},1279*+?|^$.\\QEdwspLPxiUmsz<>=!:-_ ".unicodeScalars)
    static let inputAlphabet: [String] = [
        "a", "b", "c", "a", "b", "k", "K", "s", "S", "\u{212A}", "\u{17F}", "é", "É", "γ", "Σ", "σ", "ς", "日", "😀", " ", "\n",
        "\t", "\r", "-", "_", ".", "0", "7", "9", "!", "{", "}", "(", ")", "*", "$", "\\", "A", "[", "]", "x", "\u{0}",
        "Ⓐ", "ⓐ", "µ", "Μ", "μ", "ǅ", "ǆ", "Ǆ", "ı", "İ", "i", "I", "ß", "ẞ", "\u{345}", "ι", "Ι", "\u{378}", "Ж", "ж", "٣", "+",
        "€", "\u{2028}", "\u{FFFD}", "\u{E000}", "\u{AD}", "\u{1F}", "ab", "aab", "bcd", "abcd",
    ]
    static let replacements = ["<$1>", "${1}x", "$n", "${x}", "$$", "$0", "$01", "$1a", "[$name]", "$", "${", "-", "", "$2$1", "${name}é", "$é", "${é}", "$x_1", "${1", "$1}", "$\u{212A}", "${n}", "$10"]

    static func pattern(_ rng: inout SplitMix64) -> String {
        if rng.next() % 4 == 0 {
            return String(String.UnicodeScalarView((0..<Int(rng.next() % 10)).map { _ in rng.pick(metaAlphabet) }))
        }
        return (0..<Int(1 + rng.next() % 6)).map { _ in rng.pick(tokens) }.joined()
    }

    static func makeCase(_ pattern: String, _ rng: inout SplitMix64) -> RegexCase {
        // Mostly short inputs; one in four up to 40 pieces long.
        let length = rng.next() % 4 == 0 ? Int(rng.next() % 40) : Int(rng.next() % 12)
        let input = (0..<length).map { _ in rng.pick(inputAlphabet) }.joined()
        return RegexCase(pattern: pattern, input: input, n: rng.pick([-1, -1, -1, 1, 2, 3]), replacement: rng.pick(replacements))
    }
}
