import TemplateEngine
import HelmFunctions
import XCTest
import YAML

/// Where Go reports the errors of fields taken from a parenthesised pipeline (`(pipe).Field`):
/// at the node its evaluation ended on, not at the chain. Expectations: Helm v4.1.4 on the same
/// template (each on line 1).
final class FieldChainSiteTests: XCTestCase {
    static let cases: [(template: String, expected: String)] = [
        ("{{ (list 1).x }}", "template: t:1:9: executing \"t\" at <1>: can't evaluate field x in type []interface {}"),
        ("{{ (dict \"a\" 1).b.c }}", "template: t:1:13: executing \"t\" at <1>: nil pointer evaluating interface {}.c"),
        ("{{ (.Values).nope.x }}", "template: t:1:4: executing \"t\" at <.Values>: nil pointer evaluating interface {}.x"),
        ("{{ (include \"x\" .).x }}{{ define \"x\" }}{{ end }}",
         "template: t:1:16: executing \"t\" at <.>: can't evaluate field x in type string"),
        ("{{ $x := list }}{{ ($x).y }}", "template: t:1:20: executing \"t\" at <$x>: can't evaluate field y in type []interface {}"),
        ("{{ (dict \"a\" 1).a 2 }}", "template: t:1:13: executing \"t\" at <1>: a is not a method but has arguments"),
        // Fields reached directly still point at the whole field chain.
        ("{{ .Values.nope.x }}", "template: t:1:10: executing \"t\" at <.Values.nope.x>: nil pointer evaluating interface {}.x"),
    ]

    func testFieldErrorsPointWhereEvaluationEnded() throws {
        for c in Self.cases {
            let set = TemplateSet()
            try set.parse(name: "t", text: c.template)
            XCTAssertThrowsError(try set.execute(name: "t", data: .map(["Values": .map([:])])), c.template) { error in
                XCTAssertEqual("\(error)", c.expected, c.template)
            }
        }
    }
}
