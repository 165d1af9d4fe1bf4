import XCTest
import GoValues
@testable import TemplateEngine
import HelmFunctions

/// Executor table: {template, data, expected output or expected error (Go's text)}.
final class ExecutorTests: XCTestCase {
    enum Expect {
        case output(String)
        case error(String)
    }

    struct Case {
        let name: String
        let template: String
        let expect: Expect
        init(_ name: String, _ template: String, _ expect: Expect) {
            self.name = name
            self.template = template
            self.expect = expect
        }
    }

    static let data: Value = .map([
        "S": .string("str"),
        "I": .int(17),
        "F": .float(1.5),
        "B": .bool(true),
        "N": .null,
        "L": .list([.string("a"), .string("b"), .string("c")]),
        "E": .list([]),
        "M": .map(["one": .int(1), "two": .int(2), "three": .int(3)]),
        "Nested": .map(["Inner": .map(["Leaf": .string("leaf")])]),
        "Ports": .list([.map(["port": .int(80)]), .map(["port": .int(443)])]),
        "Versions": .list([.string("v1"), .string("apps/v1")]),
    ])

    static let cases: [Case] = [
        Case("text", "hello", .output("hello")),
        Case("dot map", "{{.S}} {{.I}} {{.F}} {{.B}}", .output("str 17 1.5 true")),
        Case("nested", "{{.Nested.Inner.Leaf}}", .output("leaf")),
        Case("missing key", "[{{.Missing}}]", .output("[]")),
        Case("missing chain", "{{.Missing.X}}", .error(
            "template: t:1:10: executing \"t\" at <.Missing.X>: nil pointer evaluating interface {}.X")),
        Case("null value", "[{{.N}}] [{{print .N}}]", .output("[] [<nil>]")),
        Case("list", "{{.L}}", .output("[a b c]")),
        Case("map sorted", "{{.M}}", .output("map[one:1 three:3 two:2]")),
        Case("range list", "{{range $i, $e := .L}}{{$i}}{{$e}}{{end}}", .output("0a1b2c")),
        Case("range map", "{{range $k, $v := .M}}{{$k}}={{$v}};{{end}}", .output("one=1;three=3;two=2;")),
        Case("range else", "{{range .E}}x{{else}}empty{{end}}", .output("empty")),
        Case("range break", "{{range .L}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", .output("a")),
        Case("range continue", "{{range .L}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", .output("ac")),
        Case("range int", "{{range 3}}{{.}}{{end}}", .output("012")),
        Case("range dot is element", "{{range .Ports}}{{.port}},{{end}}", .output("80,443,")),
        Case("range string", "{{range .S}}{{end}}", .error(
            "template: t:1:8: executing \"t\" at <.S>: range can't iterate over str")),
        Case("if else if", "{{if .N}}n{{else if .E}}e{{else if .I}}i{{end}}", .output("i")),
        Case("with else", "{{with .Missing}}x{{else}}none{{end}}{{with .S}}{{.}}{{end}}", .output("nonestr")),
        Case("else with", "{{with .E}}x{{else with .L}}{{len .}}{{end}}", .output("3")),
        Case("variables", "{{$x := 1}}{{$x}}{{$x = 2}}{{$x}}{{with .S}}{{$x = 3}}{{end}}{{$x}}", .output("123")),
        Case("variable scope", "{{with $y := .S}}{{$y}}{{end}}", .output("str")),
        Case("dollar", "{{with .Nested}}{{$.S}}{{end}}", .output("str")),
        Case("parens chain", "{{(index .Ports 1).port}}", .output("443")),
        Case("pipeline final arg", "{{.S | printf \"%s-%s\" \"a\"}}", .output("a-str")),
        Case("template", "{{define \"x\"}}[{{.}}]{{end}}{{template \"x\" .S}}{{template \"x\"}}", .output("[str][<no value>]".replacingOccurrences(of: "<no value>", with: ""))),
        Case("block", "{{block \"b\" .I}}<{{.}}>{{end}}", .output("<17>")),
        Case("include", "{{define \"x\"}}X{{.}}{{end}}{{include \"x\" 1 | printf \"%q\"}}", .output("\"X1\"")),
        Case("tpl", "{{tpl \"{{ .S }}!\" .}}", .output("str!")),
        Case("required ok", "{{required \"m\" .S}}", .output("str")),
        Case("required", "{{required \"need X\" .X}}", .error(
            "template: t:1:2: executing \"t\" at <required \"need X\" .X>: error calling required: need X")),
        Case("fail", "{{fail \"boom\"}}", .error("template: t:1:2: executing \"t\" at <fail \"boom\">: error calling fail: boom")),
        Case("and or", "{{and 1 0}} {{or 0 \"x\"}} {{and .S .I}} {{or .N .E}}", .output("0 x 17 []")),
        Case("and short-circuits", "{{and false (fail \"no\")}} {{or true (fail \"no\")}}", .output("false true")),
        Case("not", "{{not .E}} {{not .S}}", .output("true false")),
        Case("eq multi", "{{eq .S \"a\" \"str\"}} {{eq .I 17}} {{ne .F 1.5}}", .output("true true false")),
        Case("lt", "{{lt 1 2}} {{le \"a\" \"a\"}} {{gt 2.5 1.5}} {{ge 1 2}}", .output("true true true false")),
        Case("eq int float", "{{eq .F 1}}", .error(
            "template: t:1:2: executing \"t\" at <eq .F 1>: error calling eq: incompatible types for comparison: float64 and int")),
        Case("lt nil", "{{lt .N 1}}", .error(
            "template: t:1:2: executing \"t\" at <lt .N 1>: error calling lt: invalid type for comparison")),
        Case("len", "{{len .L}} {{len .M}} {{len .S}} {{len \"é\"}}", .output("3 3 3 2")),
        Case("index", "{{index .L 1}} {{index .M \"two\"}} {{index .Nested \"Inner\" \"Leaf\"}} [{{index .M \"x\"}}]", .output("b 2 leaf []")),
        Case("index out of range", "{{index .L 3}}", .error(
            "template: t:1:2: executing \"t\" at <index .L 3>: error calling index: reflect: slice index out of range")),
        Case("slice", "{{slice .L 1}} {{slice .L 0 1}}", .output("[b c] [a]")),
        Case("print", "{{print 1 2 \"a\" 3}} {{println \"x\" 1}}", .output("1 2a3 x 1\n")),
        Case("html js urlquery", "{{html \"<&>\"}} {{js \"'\"}} {{urlquery \"a b\"}}", .output("&lt;&amp;&gt; \\' a+b")),
        Case("methods", "{{.Versions.Has \"apps/v1\"}} {{.Versions.Has \"x\"}}", .output("true false")),
        Case("not a method", "{{.S 1}}", .error("template: t:1:2: executing \"t\" at <.S>: S is not a method but has arguments")),
        Case("field of string", "{{.S.X}}", .error(
            "template: t:1:4: executing \"t\" at <.S.X>: can't evaluate field X in type interface {}")),
        Case("wrong arg count", "{{not 1 2}}", .error("template: t:1:2: executing \"t\" at <not>: wrong number of args for not: want 1 got 2")),
        // Maps made by dict (a short entry list until changed), recent-field slots, list elements.
        Case("dict range and len", "{{ $d := dict \"b\" 2 \"a\" 1 }}{{ range $k, $v := $d }}{{ $k }}={{ $v }};{{ end }}{{ len $d }}", .output("a=1;b=2;2")),
        Case("dict duplicate key", "{{ $d := dict \"a\" 1 \"a\" 2 }}{{ $d.a }} {{ len $d }}", .output("2 1")),
        Case("dict unset", "{{ $d := dict \"a\" 1 \"b\" 2 }}{{ $_ := unset $d \"a\" }}{{ len $d }}{{ hasKey $d \"a\" }}{{ $d.b }}", .output("1false2")),
        Case("dict keeps map identity", "{{ $d := dict \"m\" .M }}{{ $_ := set .M \"four\" 4 }}{{ $d.m.four }} {{ len $d.m }}", .output("4 4")),
        Case("field read again after set", "{{ $m := .M }}{{ $m.one }}{{ $_ := set $m \"one\" 9 }}{{ $m.one }}{{ .M.one }}", .output("199")),
        Case("list element identity", "{{ range .Ports }}{{ $_ := set . \"seen\" true }}{{ end }}{{ range .Ports }}{{ .port }}{{ .seen }} {{ end }}", .output("80true 443true ")),
        Case("include indented in range", "{{ define \"item\" }}a: {{ .x }}\nb: {{ .y }}{{ end }}{{ range .L }}{{ include \"item\" (dict \"x\" . \"y\" $.S) | nindent 2 }}{{ end }}", .output("\n  a: a\n  b: str\n  a: b\n  b: str\n  a: c\n  b: str")),
        Case("toYaml indented", "x:{{ toYaml .M | nindent 2 }}|{{ toYaml .E | indent 1 }}", .output("x:\n  one: 1\n  three: 3\n  two: 2| []")),
        Case("undefined template", "{{template \"nope\"}}", .error(
            "template: t:1:11: executing \"t\" at <{{template \"nope\"}}>: template \"nope\" not defined")),
        Case("include missing", "{{include \"nope\" .}}", .error(
            "template: t:1:2: executing \"t\" at <include \"nope\" .>: error calling include: template: no template \"nope\" associated with template \"gotpl\"")),
        Case("set mutates", "{{$d := dict \"a\" 1}}{{$_ := set $d \"b\" 2}}{{$d}}", .output("map[a:1 b:2]")),
        Case("no value removed", "a<no value>b", .output("ab")),
        Case("toYaml indented sees changes", "{{ $_ := set .M \"four\" 4 }}{{ toYaml .M | nindent 2 }}|{{ $p := .Nested.Inner }}{{ $_ := set $p \"x\" 1 }}{{ toYaml .Nested | indent 1 }}|{{ toYaml $p.Leaf | indent 1 }}|{{ toYaml .Missing | nindent 1 }}|", .output("\n  four: 4\n  one: 1\n  three: 3\n  two: 2| Inner:\n   Leaf: leaf\n   x: 1| leaf|\n null|")),
        Case("printf plain strings", "{{ printf \"%s-%s\" \"a\" .S }}|{{ printf \"100%% %s\" \"ü\" }}|{{ printf \"\" }}|{{ printf \"%s%s\" \"\" \"\" }}", .output("a-str|100% ü||")),
        Case("printf beyond plain strings", "{{ printf \"%s\" }}|{{ printf \"%s\" \"a\" \"b\" }}|{{ printf \"%s\" 1 }}|{{ printf \"x%\" }}|{{ printf \"%d\" 3 }}|{{ printf \"%s\" .Missing }}", .output("%!s(MISSING)|a%!(EXTRA string=b)|%!s(int=1)|x%!(NOVERB)|3|%!s(<nil>)")),
        Case("printed field and variable actions", "{{ .S }}{{ $x := .M }}{{ $x.one }}{{ .Missing }}{{ $.Nested.Inner.Leaf }}{{ $x }}", .output("str1leafmap[one:1 three:3 two:2]")),
        Case("printed field of nothing", "{{ $x := .M }}{{ $x.nope.deeper }}", .error(
            "template: t:1:19: executing \"t\" at <$x.nope.deeper>: nil pointer evaluating interface {}.deeper")),
        Case("comments vanish", "a{{/* c */}}b{{- /* d */ -}} c", .output("abc")),
        Case("float formatting", "{{1e6}} {{0.000001}} {{100000.0}}", .output("1e+06 1e-06 100000")),
    ]

    /// `<no value>` removal (Helm's workaround) over the text as a whole: markers at the edges,
    /// adjacent, split by other `<`, and near misses that must stay.
    func testNoValueRemoval() {
        let table: [(String, String)] = [
            ("", ""),
            ("plain text", "plain text"),
            ("<no value>", ""),
            ("<no value><no value>", ""),
            ("a<no value>b<no value>c", "abc"),
            ("<<no value>", "<"),
            ("<no value", "<no value"),
            ("<no valu>e <no value>", "<no valu>e "),
            ("x < y <no value> <", "x < y  <"),
            ("<no <no value>value>", "<no value>"),
            ("ü<no value>ß", "üß"),
        ]
        for (input, expected) in table {
            XCTAssertEqual(TemplateSet.removingNoValue(input), expected, input)
        }
        let long = String(repeating: "abc<def ", count: 10_000)
        XCTAssertEqual(TemplateSet.removingNoValue(long + "<no value>" + long), long + long)
    }

    func testExecutionTable() {
        for c in Self.cases {
            let set = TemplateSet()
            do {
                try set.parse(name: "t", text: c.template)
                let out = try set.execute(name: "t", data: Self.data)
                switch c.expect {
                case .output(let expected): XCTAssertEqual(out, expected, c.name)
                case .error(let expected): XCTFail("\(c.name): expected error \(expected), got output \(out)")
                }
            } catch {
                switch c.expect {
                case .output(let expected): XCTFail("\(c.name): expected \(expected), got error \(error)")
                case .error(let expected): XCTAssertEqual(error.description, expected, c.name)
                }
            }
        }
    }

    func testCustomFunctionsOverrideAndErrors() throws {
        let set = TemplateSet(functions: [
            "twice": { args in
                guard args.count == 1 else { throw FunctionError.wrongArgumentCount("twice", want: 1, got: args.count) }
                guard case .string(let s) = args[0] else {
                    throw FunctionError.wrongType(expected: "string", got: args[0].goTypeName, argumentIndex: 0)
                }
                return .string(s + s)
            },
            "boom": { _ in throw FunctionError("it broke") },
        ])
        try set.parse(name: "t", text: "{{twice .S}} {{.S | twice}}")
        XCTAssertEqual(try set.execute(name: "t", data: Self.data), "strstr strstr")
        try set.parse(name: "e1", text: "{{boom 1}}")
        XCTAssertThrowsError(try set.execute(name: "e1", data: Self.data)) { error in
            XCTAssertEqual("\(error)", "template: e1:1:2: executing \"e1\" at <boom 1>: error calling boom: it broke")
        }
        try set.parse(name: "e2", text: "{{twice .I}}")
        XCTAssertThrowsError(try set.execute(name: "e2", data: Self.data)) { error in
            XCTAssertEqual("\(error)", "template: e2:1:8: executing \"e2\" at <.I>: wrong type for value; expected string; got int")
        }
        try set.parse(name: "e3", text: "{{twice 1}}")
        XCTAssertThrowsError(try set.execute(name: "e3", data: Self.data)) { error in
            XCTAssertEqual("\(error)", "template: e3:1:8: executing \"e3\" at <1>: expected string; found 1")
        }
        try set.parse(name: "e4", text: "{{twice}}")
        XCTAssertThrowsError(try set.execute(name: "e4", data: Self.data)) { error in
            XCTAssertEqual("\(error)", "template: e4:1:2: executing \"e4\" at <twice>: wrong number of args for twice: want 1 got 0")
        }
    }

    func testLaterDefinitionReplacesEarlierUnlessEmpty() throws {
        let set = TemplateSet()
        try set.parse(name: "a", text: "{{define \"x\"}}first{{end}}")
        try set.parse(name: "b", text: "{{define \"x\"}}second{{end}}")
        try set.parse(name: "c", text: "{{define \"x\"}}{{end}}{{template \"x\"}}")
        XCTAssertEqual(try set.execute(name: "c", data: .null), "second")
        XCTAssertTrue(set.hasTemplate("x"))
        XCTAssertFalse(set.hasTemplate("y"))
        XCTAssertEqual(set.templateNames, ["a", "b", "c", "x"])
    }

    func testMissingTemplate() {
        XCTAssertThrowsError(try TemplateSet().execute(name: "nope", data: .null)) { error in
            XCTAssertEqual("\(error)", "template: no template \"nope\" associated with template \"gotpl\"")
        }
    }

    func testSessionSharesChangesBetweenTemplates() throws {
        let set = TemplateSet()
        try set.parse(name: "a", text: "{{$_ := set .Values \"seen\" true}}a")
        try set.parse(name: "b", text: "{{.Values.seen}} {{.Template.Name}}")
        let session = set.session(data: .map(["Values": .map([:])]))
        XCTAssertEqual(try session.execute(name: "a"), "a")
        XCTAssertEqual(try session.execute(name: "b", topLevel: ["Template": .map(["Name": .string("b")])]), "true b")
        XCTAssertEqual(session.data, .map(["Values": .map(["seen": .bool(true)]), "Template": .map(["Name": .string("b")])]))
        // A plain execute starts afresh.
        try set.parse(name: "c", text: "[{{.Values.seen}}]")
        XCTAssertEqual(try set.execute(name: "c", data: .map(["Values": .map([:])])), "[]")
    }

    /// A scope's `.Values` is the map under its path in the session's `.Values`: the same object,
    /// so a change through either is seen through the other; the rest of dot is the session's.
    func testScopesShareTheirValuesWithTheSession() throws {
        let set = TemplateSet()
        try set.parse(name: "sub", text: "{{ $_ := set .Values \"fromSub\" .Chart }}{{ .Values.port }} {{ .Release }}")
        try set.parse(name: "top", text: "{{ .Values.web.fromSub }} {{ $_ := set .Values.web \"fromTop\" 1 }}{{ .Chart }}")
        try set.parse(name: "sub2", text: "{{ .Values.fromTop }} {{ .Values.fromSub }}")
        try set.parse(name: "none", text: "[{{ .Values }}]")
        let session = set.session(data: .map([
            "Values": .map(["web": .map(["port": .int(80)])]), "Release": .string("r"), "Chart": .string("top"),
        ]))
        let web = ExecutionScope(id: 1, key: "Values", path: ["web"])
        XCTAssertEqual(try session.execute(name: "sub", topLevel: ["Chart": .string("web")], scope: web), "80 r")
        XCTAssertEqual(try session.execute(name: "top"), "web top")
        XCTAssertEqual(try session.execute(name: "sub2", topLevel: [:], scope: web), "1 web")
        // No map at the path: an empty map of the scope's own.
        XCTAssertEqual(try session.execute(name: "none", topLevel: [:], scope: ExecutionScope(id: 2, key: "Values", path: ["db"])), "[map[]]")
    }

    func testIncludeRecursionIsBounded() throws {
        let set = TemplateSet()
        try set.parse(name: "t", text: "{{define \"r\"}}{{include \"r\" .}}{{end}}{{include \"r\" .}}")
        XCTAssertThrowsError(try set.execute(name: "t", data: .null)) { error in
            let e = error as! TemplateError
            XCTAssertTrue(e.description.hasSuffix(
                "error calling include: rendering template has a nested reference name: r: unable to execute template"))
            XCTAssertTrue(e.helmDescription.hasPrefix("template: t:1:40: executing \"t\" at <include \"r\" .>: error calling include: "))
        }
    }

    func testTemplateRecursionIsBounded() throws {
        let set = TemplateSet()
        set.limits.maxTemplateDepth = 5000
        try set.parse(name: "t", text: "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}")
        XCTAssertThrowsError(try set.execute(name: "t", data: .null)) { error in
            XCTAssertEqual("\(error)", "template: t:1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (5000)")
        }
    }
}
