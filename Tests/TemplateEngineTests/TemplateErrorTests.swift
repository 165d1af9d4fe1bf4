import XCTest
@testable import TemplateEngine

/// The two printed forms of `TemplateError`: Go's text and Helm's rewrite of it.
final class TemplateErrorTests: XCTestCase {
    static let node = TemplateError.Location.node(name: "c/t.yaml", line: 3, column: 7, executing: "c/t.yaml", context: ".Values.x")

    func testDescriptions() {
        let cases: [(TemplateError, String)] = [
            (TemplateError("unclosed action", at: .parse(name: "c/t.yaml", line: 2)), "template: c/t.yaml:2: unclosed action"),
            (TemplateError("nil pointer evaluating interface {}.x", at: Self.node),
             "template: c/t.yaml:3:7: executing \"c/t.yaml\" at <.Values.x>: nil pointer evaluating interface {}.x"),
            (TemplateError("\"x\" is an incomplete or empty template", at: .template(executing: "x")),
             "template: x: \"x\" is an incomplete or empty template"),
            (TemplateError("no template \"a\" associated with template \"gotpl\"", at: .none),
             "template: no template \"a\" associated with template \"gotpl\""),
        ]
        for (error, expected) in cases { XCTAssertEqual(error.description, expected) }
    }

    func testHelmDescriptions() {
        var inner = TemplateError("nil pointer evaluating interface {}.y", at: .node(
            name: "c/_h.tpl", line: 1, column: 20, executing: "h", context: ".Values.y"))
        var outer = TemplateError("error calling include: ", at: .node(
            name: "c/t.yaml", line: 1, column: 6, executing: "c/t.yaml", context: "include \"h\" ."))
        outer.wrapped = inner
        XCTAssertEqual(outer.description,
            "template: c/t.yaml:1:6: executing \"c/t.yaml\" at <include \"h\" .>: error calling include: "
            + "template: c/_h.tpl:1:20: executing \"h\" at <.Values.y>: nil pointer evaluating interface {}.y")
        XCTAssertEqual(outer.helmDescription, """
            c/t.yaml:1:6
              executing "c/t.yaml" at <include "h" .>:
                error calling include:
            c/_h.tpl:1:20
              executing "h" at <.Values.y>:
                nil pointer evaluating interface {}.y
            """)
        // A function's own error somewhere in the chain: Helm prints Go's text.
        inner.wrapsFunctionError = true
        outer.wrapped = inner
        XCTAssertEqual(outer.helmDescription, outer.description)
        // required/fail: Helm prints the message at the outermost location.
        var failing = TemplateError("error calling fail: boom", at: Self.node)
        failing.helmMessage = "boom"
        XCTAssertEqual(failing.helmDescription, "execution error at (c/t.yaml:3:7): boom")
        XCTAssertEqual(TemplateError("function \"x\" not defined", at: .parse(name: "c/t.yaml", line: 4)).helmDescription,
                       "parse error at (c/t.yaml:4): function \"x\" not defined")
    }
}
