import TestSupport
import XCTest
@testable import TemplateEngine

/// Parser table in the style of Go's parse tests: {name, input, ok, printed-back result}.
final class ParserTests: XCTestCase {
    struct Case {
        let name: String
        let input: String
        let ok: Bool
        /// The main tree printed back (for ok), or the error text.
        let result: String
    }

    static let functions: Set<String> = ["printf", "index", "len", "eq", "and", "f", "g"]

    static let cases: [Case] = [
        Case(name: "empty", input: "", ok: true, result: ""),
        Case(name: "spaces", input: " \t\n", ok: true, result: " \t\n"),
        Case(name: "text", input: "some text", ok: true, result: "some text"),
        Case(name: "emptyAction", input: "{{}}", ok: false, result: "template: t:1: missing value for command"),
        Case(name: "field", input: "{{.X}}", ok: true, result: "{{.X}}"),
        Case(name: "field chain", input: "{{.X.Y.Z}}", ok: true, result: "{{.X.Y.Z}}"),
        Case(name: "simple command", input: "{{printf}}", ok: true, result: "{{printf}}"),
        Case(name: "$ invocation", input: "{{$}}", ok: true, result: "{{$}}"),
        Case(name: "variable invocation", input: "{{with $x := 3}}{{$x 23}}{{end}}", ok: true, result: "{{with $x := 3}}{{$x 23}}{{end}}"),
        Case(name: "variable with fields", input: "{{$.I}}", ok: true, result: "{{$.I}}"),
        Case(name: "multi-word command", input: "{{printf `%d` 23}}", ok: true, result: "{{printf `%d` 23}}"),
        Case(name: "pipeline", input: "{{.X|.Y}}", ok: true, result: "{{.X | .Y}}"),
        Case(name: "pipeline with decl", input: "{{$x := .X|.Y}}", ok: true, result: "{{$x := .X | .Y}}"),
        Case(name: "nested pipeline", input: "{{.X (.Y .Z) (.A | .B .C) (.E)}}", ok: true, result: "{{.X (.Y .Z) (.A | .B .C) (.E)}}"),
        Case(name: "field applied to parentheses", input: "{{(.Y .Z).Field}}", ok: true, result: "{{(.Y .Z).Field}}"),
        Case(name: "simple if", input: "{{if .X}}hello{{end}}", ok: true, result: "{{if .X}}hello{{end}}"),
        Case(name: "if with else", input: "{{if .X}}true{{else}}false{{end}}", ok: true, result: "{{if .X}}true{{else}}false{{end}}"),
        Case(name: "if with else if", input: "{{if .X}}true{{else if .Y}}false{{end}}", ok: true,
             result: "{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}"),
        Case(name: "if else chain", input: "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+", ok: true,
             result: "+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+"),
        Case(name: "simple range", input: "{{range .X}}hello{{end}}", ok: true, result: "{{range .X}}hello{{end}}"),
        Case(name: "chained field range", input: "{{range .X.Y.Z}}hello{{end}}", ok: true, result: "{{range .X.Y.Z}}hello{{end}}"),
        Case(name: "nested range", input: "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}", ok: true,
             result: "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}"),
        Case(name: "range with else", input: "{{range .X}}true{{else}}false{{end}}", ok: true, result: "{{range .X}}true{{else}}false{{end}}"),
        Case(name: "range over pipeline", input: "{{range .X|.M}}true{{else}}false{{end}}", ok: true,
             result: "{{range .X | .M}}true{{else}}false{{end}}"),
        Case(name: "range []int", input: "{{range .SI}}{{.}}{{end}}", ok: true, result: "{{range .SI}}{{.}}{{end}}"),
        Case(name: "range 1 var", input: "{{range $x := .SI}}{{.}}{{end}}", ok: true, result: "{{range $x := .SI}}{{.}}{{end}}"),
        Case(name: "range 2 vars", input: "{{range $x, $y := .SI}}{{.}}{{end}}", ok: true, result: "{{range $x, $y := .SI}}{{.}}{{end}}"),
        Case(name: "range with break", input: "{{range .SI}}{{.}}{{break}}{{end}}", ok: true, result: "{{range .SI}}{{.}}{{break}}{{end}}"),
        Case(name: "range with continue", input: "{{range .SI}}{{.}}{{continue}}{{end}}", ok: true, result: "{{range .SI}}{{.}}{{continue}}{{end}}"),
        Case(name: "constants", input: "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", ok: true,
             result: "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"),
        Case(name: "template", input: "{{template `x`}}", ok: true, result: "{{template \"x\"}}"),
        Case(name: "template with arg", input: "{{template `x` .Y}}", ok: true, result: "{{template \"x\" .Y}}"),
        Case(name: "with", input: "{{with .X}}hello{{end}}", ok: true, result: "{{with .X}}hello{{end}}"),
        Case(name: "with with else", input: "{{with .X}}hello{{else}}goodbye{{end}}", ok: true, result: "{{with .X}}hello{{else}}goodbye{{end}}"),
        Case(name: "with with else with", input: "{{with .X}}hello{{else with .Y}}goodbye{{end}}", ok: true,
             result: "{{with .X}}hello{{else}}{{with .Y}}goodbye{{end}}{{end}}"),
        Case(name: "trim left", input: "x \r\n\t{{- 3}}", ok: true, result: "x{{3}}"),
        Case(name: "trim right", input: "{{3 -}}\n\n\ty", ok: true, result: "{{3}}y"),
        Case(name: "trim left and right", input: "x \r\n\t{{- 3 -}}\n\n\ty", ok: true, result: "x{{3}}y"),
        Case(name: "trim with extra spaces", input: "x\n{{-  3   -}}\ny", ok: true, result: "x{{3}}y"),
        Case(name: "comment trim left", input: "x \r\n\t{{- /* hi */}}", ok: true, result: "x{{/* hi */}}"),
        Case(name: "comment trim left and right", input: "x \r\n\t{{- /* */ -}}\n\n\ty", ok: true, result: "x{{/* */}}y"),
        Case(name: "minus is not trim", input: "{{-3}}", ok: true, result: "{{-3}}"),
        Case(name: "block definition", input: "{{block \"foo\" .}}hello{{end}}", ok: true, result: "{{template \"foo\" .}}"),
        Case(name: "newline in action", input: "{{\n.X\n}}", ok: true, result: "{{.X}}"),
        Case(name: "newline in pipeline", input: "{{\n\"x\"\n|\nprintf\n}}", ok: true, result: "{{\"x\" | printf}}"),
        Case(name: "declare and assign", input: "{{$x := 1}}{{$x = 2}}", ok: true, result: "{{$x := 1}}{{$x = 2}}"),
        Case(name: "string escapes", input: "{{\"a\\tb\\u00e9\"}}", ok: true, result: "{{\"a\\tb\\u00e9\"}}"),
        Case(name: "raw string", input: "{{`a\nb`}}", ok: true, result: "{{`a\nb`}}"),
        Case(name: "define only", input: "{{define \"x\"}}body{{end}}", ok: true, result: ""),
        // Errors.
        Case(name: "unclosed action", input: "hello{{range", ok: false, result: "template: t:1: unclosed action"),
        Case(name: "unmatched end", input: "{{end}}", ok: false, result: "template: t:1: unexpected {{end}}"),
        Case(name: "unmatched else", input: "{{else}}", ok: false, result: "template: t:1: unexpected {{else}}"),
        Case(name: "missing end", input: "hello{{range .x}}", ok: false, result: "template: t:1: unexpected EOF"),
        Case(name: "missing end after else", input: "hello{{range .x}}{{else}}", ok: false, result: "template: t:1: unexpected EOF"),
        Case(name: "undefined function", input: "hello{{undefined}}", ok: false, result: "template: t:1: function \"undefined\" not defined"),
        Case(name: "undefined variable", input: "{{$x}}", ok: false, result: "template: t:1: undefined variable \"$x\""),
        Case(name: "variable undefined after end", input: "{{with $x := 4}}{{end}}{{$x}}", ok: false,
             result: "template: t:1: undefined variable \"$x\""),
        Case(name: "variable undefined in template", input: "{{template $v}}", ok: false,
             result: "template: t:1: unexpected \"$v\" in template clause"),
        Case(name: "declare with field", input: "{{with $x.Y := 4}}{{end}}", ok: false,
             result: "template: t:1: undefined variable \"$x\""),
        Case(name: "template with field ref", input: "{{template .X}}", ok: false,
             result: "template: t:1: unexpected \".X\" in template clause"),
        Case(name: "template with var", input: "{{template $v}}", ok: false,
             result: "template: t:1: unexpected \"$v\" in template clause"),
        Case(name: "invalid punctuation", input: "{{printf 3, 4}}", ok: false, result: "template: t:1: unexpected \",\" in operand"),
        Case(name: "multidecl outside range", input: "{{with $v, $u := 3}}{{end}}", ok: false,
             result: "template: t:1: too many declarations in with"),
        Case(name: "too many decls in range", input: "{{range $u, $v, $w := 3}}{{end}}", ok: false,
             result: "template: t:1: too many declarations in range"),
        Case(name: "dot applied to parentheses", input: "{{printf (printf .).}}", ok: false,
             result: "template: t:1: unexpected <.> in operand"),
        Case(name: "adjacent args", input: "{{printf 3`x`}}", ok: false, result: "template: t:1: unexpected \"`x`\" in operand"),
        Case(name: "adjacent args with .", input: "{{printf `x`.}}", ok: false, result: "template: t:1: unexpected <.> in operand"),
        Case(name: "extra end after if", input: "{{if .X}}a{{else if .Y}}b{{end}}{{end}}", ok: false,
             result: "template: t:1: unexpected {{end}}"),
        Case(name: "break outside range", input: "{{range .}}{{end}} {{break}}", ok: false,
             result: "template: t:1: {{break}} outside {{range}}"),
        Case(name: "continue outside range", input: "{{range .}}{{end}} {{continue}}", ok: false,
             result: "template: t:1: {{continue}} outside {{range}}"),
        Case(name: "break in range else", input: "{{range .}}{{else}}{{break}}{{end}}", ok: false,
             result: "template: t:1: {{break}} outside {{range}}"),
        Case(name: "bad number", input: "{{3k}}", ok: false, result: "template: t:1: bad number syntax: \"3k\""),
        Case(name: "integer overflow", input: "{{99999999999999999999}}", ok: false,
             result: "template: t:1: integer overflow: \"99999999999999999999\""),
        Case(name: "unclosed paren", input: "{{(3}}", ok: false, result: "template: t:1: unclosed left paren"),
        Case(name: "extra paren", input: "{{3)}}", ok: false, result: "template: t:1: unexpected right paren"),
        Case(name: "unterminated string", input: "{{\"x}}", ok: false, result: "template: t:1: unterminated quoted string"),
        Case(name: "bad escape", input: "{{\"\\q\"}}", ok: false, result: "template: t:1: invalid syntax"),
        Case(name: "unclosed comment", input: "{{/* x}}", ok: false, result: "template: t:1: unclosed comment"),
        Case(name: "comment ends early", input: "{{/* x */ 3}}", ok: false, result: "template: t:1: comment ends before closing delimiter"),
        Case(name: "non-executable stage", input: "{{1 | 2}}", ok: false, result: "template: t:1: non executable command in pipeline stage 2"),
        Case(name: "bad character", input: "{{#}}", ok: false, result: "template: t:1: unexpected \"#\" in command"),
        Case(name: "unrecognized character", input: "{{\u{7}}}", ok: false,
             result: "template: t:1: unrecognized character in action: U+0007"),
        Case(name: "field after literal", input: "{{\"x\".Y}}", ok: false, result: "template: t:1: unexpected . after term \"\\\"x\\\"\""),
        Case(name: "error line", input: "a\nb\n{{ .X\n\n", ok: false, result: "template: t:5: unclosed action started at t:3"),
        Case(name: "multiple definition", input: "{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}", ok: false,
             result: "template: t:1: template: multiple definition of template \"a\""),
        Case(name: "empty redefinition is fine", input: "{{define \"a\"}}x{{end}}{{define \"a\"}}{{end}}", ok: true, result: ""),
    ]

    func testParseTable() {
        for c in Self.cases {
            do {
                let trees = try Parser.parse(name: "t", parseName: "t", text: c.input) { Self.functions.contains($0) }
                if !c.ok {
                    XCTFail("\(c.name): expected error \(c.result), parsed \(trees[0].root)")
                    continue
                }
                XCTAssertEqual(trees[0].root.description, c.result, c.name)
            } catch {
                if c.ok {
                    XCTFail("\(c.name): unexpected error \(error)")
                    continue
                }
                XCTAssertEqual(error.description, c.result, c.name)
            }
        }
    }

    /// Printing a tree back and parsing that again gives the same text (a fixed point).
    func testPrintedTreesReparse() throws {
        for c in Self.cases where c.ok {
            let printed = c.result
            let again = try Parser.parse(name: "t", parseName: "t", text: printed) { Self.functions.contains($0) }
            XCTAssertEqual(again[0].root.description, printed, c.name)
        }
    }

    func testDefinitionsBecomeTrees() throws {
        let trees = try Parser.parse(name: "file", parseName: "file",
                                     text: "a{{define \"x\"}}X{{.}}{{end}}b{{block \"y\" .}}Y{{end}}") { _ in false }
        XCTAssertEqual(trees.map(\.name), ["file", "x", "y"])
        XCTAssertEqual(trees[0].root.description, "ab{{template \"y\" .}}")
        XCTAssertEqual(trees[1].root.description, "X{{.}}")
        XCTAssertEqual(trees[2].root.description, "Y")
        XCTAssertTrue(trees.allSatisfy { $0.parseName == "file" })
    }

    func testLexerTokenKinds() {
        let source = "a{{- $x := .Y | f 1 \"s\" -}}b"
        let tokens = Lexer.tokenize(source)
        let bytes = Array(source.utf8)
        let texts = tokens.map { String(decoding: bytes[$0.pos..<$0.end], as: UTF8.self) }
        XCTAssertEqual(tokens.map(\.kind), [
            .text, .leftDelim, .variable, .space, .declare, .space, .field, .space, .pipe, .space,
            .identifier, .space, .number, .space, .string, .rightDelim, .text, .eof,
        ])
        XCTAssertEqual(texts, ["a", "{{", "$x", " ", ":=", " ", ".Y", " ", "|", " ", "f", " ", "1", " ", "\"s\"", "}}", "b", ""])
    }

    func testTokenPositionsAndLines() {
        let tokens = Lexer.tokenize("x\n  {{ .A }}\n{{ .B }}")
        let fields = tokens.filter { $0.kind == .field }
        XCTAssertEqual(fields.map(\.pos), [7, 16])
        XCTAssertEqual(fields.map(\.line), [2, 3])
    }

    /// Token lines over texts of every shape the lexer skips fast (runs of text found with `memchr`, newlines counted
    /// eight bytes at a time): lines of every length around eight bytes, non-ASCII text, lone `{` and `}`.
    func testTokenLinesOverLongText() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<200 {
            var source = ""
            var line = 1
            var expected: [Int] = []
            for _ in 0..<Int(rng.next() % 40 + 1) {
                let pieces = ["{ a }", "é", "\n", "\n\n", "xxxxxxx", "{ ", "}", " ", "\u{1F600}", "ab\ncd", "x{\n"]
                for _ in 0..<Int(rng.next() % 20) {
                    let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                    source += piece
                    line += piece.filter { $0 == "\n" }.count
                }
                source += "{{ .F }}"
                expected.append(line)
            }
            let lines = Lexer.tokenize(source).filter { $0.kind == .field }.map(\.line)
            XCTAssertEqual(lines, expected, source.debugDescription)
        }
    }

    func testLongTemplateParsesPastTheLexerWindow() throws {
        // Thousands of tokens before a definition, a declaration and an error: the parser reads
        // tokens as the lexer produces them and must see each one exactly once, in order.
        var text = ""
        for i in 0..<500 { text += "a\(i) {{ if .X }}{{ $v := .Y }}{{ $v }}{{ end }}\n" }
        text += "{{ define \"d\" }}{{ range $i, $e := .L }}{{ $i }}{{ end }}{{ end }}"
        let trees = try Parser.parse(name: "t", parseName: "t", text: text, isFunction: { _ in false })
        XCTAssertEqual(trees.map(\.name), ["t", "d"])
        XCTAssertEqual(trees[0].root.nodes.count, 1001)
        XCTAssertEqual(trees[1].root.description, "{{range $i, $e := .L}}{{$i}}{{end}}")
        XCTAssertThrowsError(
            try Parser.parse(name: "t", parseName: "t", text: text + "\n{{ .A \"x }}", isFunction: { _ in false })
        ) { error in
            XCTAssertEqual((error as? TemplateError)?.description, "template: t:502: unterminated quoted string")
        }
    }
}
