import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// Regex functions, table-driven. Every expectation was produced by Helm v4.1.4 rendering
/// `{{ $r := FN ARGS }}{{ kindOf $r }}:{{ $r | toString }}` (Go's `int` and `int64`: see
/// `IntWidthTests`).
final class RegexFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases(RegexFunctionTests.cases)
    }

    static let cases: [FunctionCase] = [
        ("regexMatch", [.string("^[a-z]+$"), .string("abc")], .ok("bool:true")),
        ("regexMatch", [.string("^[a-z]+$"), .string("abc\n")], .ok("bool:false")),
        ("regexMatch", [.string("("), .string("abc")], .ok("bool:false")),
        ("regexMatch", [.string("a.c"), .string("a\nc")], .ok("bool:false")),
        ("regexFind", [.string("[0-9]+"), .string("ab123cd456")], .ok("string:123")),
        ("regexFind", [.string("x"), .string("abc")], .ok("string:")),
        ("regexFindAll", [.string("[0-9]"), .string("a1b2c3"), .int(-1)], .ok("slice:[1 2 3]")),
        ("regexFindAll", [.string("[0-9]"), .string("a1b2c3"), .int(2)], .ok("slice:[1 2]")),
        ("regexFindAll", [.string("[0-9]"), .string("abc"), .int(-1)], .ok("slice:[]")),
        ("regexFindAll", [.string("a*"), .string("baaac"), .int(-1)], .ok("slice:[ aaa ]")),
        ("regexReplaceAll", [.string("a(x*)b"), .string("-ab-axxb-"), .string("${1}W")], .ok("string:-W-xxW-")),
        ("regexReplaceAll", [.string("a(x*)b"), .string("-ab-axxb-"), .string("$1W")], .ok("string:---")),
        ("regexReplaceAll", [.string("(?P<first>[a-z]+) (?P<last>[a-z]+)"), .string("john smith"), .string("$last, $first")], .ok("string:smith, john")),
        ("regexReplaceAll", [.string("[0-9]"), .string("a1b2"), .string("$$")], .ok("string:a$b$")),
        ("regexReplaceAll", [.string("a*"), .string("baaac"), .string("-")], .ok("string:-b-c-")),
        ("regexReplaceAll", [.string("^"), .string("abc"), .string(">")], .ok("string:>abc")),
        ("regexReplaceAll", [.string("$"), .string("abc\n"), .string("<")], .ok("string:abc\n<")),
        ("regexReplaceAllLiteral", [.string("a(x*)b"), .string("-ab-axxb-"), .string("${1}W")], .ok("string:-${1}W-${1}W-")),
        ("regexSplit", [.string("z+"), .string("pizza"), .int(-1)], .ok("slice:[pi a]")),
        ("regexSplit", [.string("z+"), .string("pizza"), .int(1)], .ok("slice:[pizza]")),
        ("regexSplit", [.string("z+"), .string("pizza"), .int(0)], .ok("slice:[]")),
        ("regexSplit", [.string(""), .string("abc"), .int(-1)], .ok("slice:[a b c]")),
        ("regexSplit", [.string(","), .string(""), .int(-1)], .ok("slice:[]")),
        ("regexSplit", [.string("a"), .string("banana"), .int(-1)], .ok("slice:[b n n ]")),
        ("regexSplit", [.string("a"), .string("banana"), .int(2)], .ok("slice:[b nana]")),
        ("regexQuoteMeta", [.string("1.5-2.0?[x]")], .ok("string:1\\.5-2\\.0\\?\\[x\\]")),
        // Go's \d \w \s are ASCII-only.
        ("regexFind", [.string("\\d+"), .string("x٣42")], .ok("string:42")),
        ("regexReplaceAll", [.string("\\s"), .string("a b\tc"), .string("_")], .ok("string:a_b_c")),
        ("regexReplaceAll", [.string("[\\s,]+"), .string("a, b ,c"), .string("|")], .ok("string:a|b|c")),
        ("regexFind", [.string("\\w+"), .string("éab_1")], .ok("string:ab_1")),
        ("regexReplaceAll", [.string("[^\\w]"), .string("a-b.c"), .string("")], .ok("string:abc")),
        ("regexSplit", [.string("\\D+"), .string("a1b22c333"), .int(-1)], .ok("slice:[ 1 22 333]")),
        ("regexMatch", [.string("^\\S+$"), .string("no-spaces")], .ok("bool:true")),
        ("regexFind", [.string("[\\W]+"), .string("ab!?cd")], .ok("string:!?")),
        // RE2 syntax the standard library reads differently: `{` that is no count, octal escapes,
        // one-letter classes, quoted text, `.` and `$` against line breaks other than `\n`.
        ("regexFind", [.string("a{,2}"), .string("a{,2}")], .ok("string:a{,2}")),
        ("regexFind", [.string("\\101+"), .string("xAAy")], .ok("string:AA")),
        ("regexFind", [.string("\\pL+"), .string("12héllo")], .ok("string:héllo")),
        ("regexFind", [.string("\\Qa.b\\E+"), .string("a.bbb")], .ok("string:a.bbb")),
        ("regexReplaceAll", [.string("a.b"), .string("a\rb a\nb"), .string("X")], .ok("string:X a\nb")),
        ("regexReplaceAll", [.string("(?m)$"), .string("a\r\nb"), .string("<")], .ok("string:a\r<\nb<")),
        ("regexReplaceAll", [.string("(?P<1a>b)"), .string("abc"), .string("[$1a]")], .ok("string:a[b]c")),
        ("regexReplaceAll", [.string("(?P<n>a)(?P<n>b)"), .string("ab"), .string("${n}")], .ok("string:a")),
        // Go's compile errors: `must…` functions return them; the others panic through MustCompile.
        ("mustRegexFind", [.string("(?=a)"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?=`")),
        ("regexFind", [.string("(?=a)"), .string("a")], .call("regexp: Compile(`(?=a)`): error parsing regexp: invalid or unsupported Perl syntax: `(?=`")),
        ("mustRegexFind", [.string("(?<=a)b"), .string("a")], .call("error parsing regexp: invalid named capture: `(?<=a)b`")),
        ("mustRegexFind", [.string("(a)\\1"), .string("a")], .call("error parsing regexp: invalid escape sequence: `\\1`")),
        ("mustRegexFind", [.string("a**?"), .string("a")], .call("error parsing regexp: invalid nested repetition operator: `**?`")),
        ("mustRegexFind", [.string("a{2}{3}"), .string("a")], .call("error parsing regexp: invalid nested repetition operator: `{2}{3}`")),
        ("mustRegexFind", [.string("(|+)"), .string("a")], .call("error parsing regexp: missing argument to repetition operator: `+`")),
        ("mustRegexFind", [.string("(?P<>b)"), .string("a")], .call("error parsing regexp: invalid named capture: `(?P<>`")),
        ("regexSplit", [.string("(?>a)"), .string("a"), .int(-1)], .call("regexp: Compile(`(?>a)`): error parsing regexp: invalid or unsupported Perl syntax: `(?>`")),
        ("regexMatch", [.string("(?!a)"), .string("a")], .ok("bool:false")),
        // Go's `U` flag swaps greedy and lazy repetition; flag groups accept `i m s U` and one `-`.
        ("regexFind", [.string("(?U)a+"), .string("aaaab")], .ok("string:a")),
        ("regexFind", [.string("(?U)a+?"), .string("aaaab")], .ok("string:aaaa")),
        ("regexFind", [.string("(?iU)A{1,3}"), .string("aaaab")], .ok("string:a")),
        ("regexFind", [.string("(?U)(?-U)a+"), .string("aaaab")], .ok("string:aaaa")),
        ("regexFind", [.string("(?U)(a+)(?-U:b+)"), .string("aabbb")], .ok("string:aabbb")),
        ("regexReplaceAll", [.string("(?U)<.+>"), .string("<a><b>"), .string("X")], .ok("string:XX")),
        ("mustRegexFind", [.string("(?Z)a"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?Z`")),
        ("mustRegexFind", [.string("(?x)a"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?x`")),
        ("mustRegexFind", [.string("(?--U)a"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?--`")),
        ("mustRegexFind", [.string("(?i-)a"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`")),
        ("mustRegexFind", [.string("a(?U"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?U`")),
        ("mustRegexFind", [.string("(?"), .string("a")], .call("error parsing regexp: invalid or unsupported Perl syntax: `(?`")),
        ("mustRegexFind", [.string("(?U:a"), .string("a")], .call("error parsing regexp: missing closing ): `(?U:a`")),
        ("regexFind", [.string("(?)a"), .string("a")], .ok("string:a")),
        // Patterns are byte strings: the Kelvin sign is not the letter K (Swift's `==` says it is),
        // so compiling one must not answer for the other.
        ("regexMatch", [.string("K"), .string("K")], .ok("bool:true")),
        ("regexMatch", [.string("\u{212A}"), .string("K")], .ok("bool:false")),
        ("regexMatch", [.string("(?i)\u{212A}"), .string("k")], .ok("bool:true")),
        // Go folds `\p{…}` under (?i) only where it has fold tables: `L` yes, `LC` no (U+0345 folds to ι).
        ("regexMatch", [.string("(?i)\\pL"), .string("\u{345}")], .ok("bool:true")),
        ("regexMatch", [.string("(?i)\\p{LC}"), .string("\u{345}")], .ok("bool:false")),
        ("regexMatch", [.string("(?i)[\\p{LC}]"), .string("\u{345}")], .ok("bool:false")),
        // RE2 accepts `\w-\.` in a class (issue 12), and the pathological patterns of issue 13 finish.
        ("regexMatch", [.string("^[\\w-\\.]+$"), .string("mymaster")], .ok("bool:true")),
        ("regexFind", [.string("[\\w-\\.]+"), .string("my-master.x!")], .ok("string:my-master.x")),
        ("regexMatch", [.string("(a+)+$"), .string(String(repeating: "a", count: 20) + "!")], .ok("bool:false")),
        ("regexMatch", [.string("^(\\w+\\s?)*$"), .string(String(repeating: "word ", count: 1_000) + "!")], .ok("bool:false")),
        ("regexMatch", [.string("a.*b.*c"), .string(String(repeating: "ab", count: 10_000))], .ok("bool:false")),
        ("mustRegexFind", [.string("\\Z"), .string("a")], .call("error parsing regexp: invalid escape sequence: `\\Z`")),
    ]
}
