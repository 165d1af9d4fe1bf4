import XCTest
import GoValues

@testable import TemplateEngine
import HelmFunctions

/// A template executed in windows of its top-level range must print exactly what one execution
/// prints, and only templates whose iterations cannot reach one another may be windowed.
final class RangeSlicingTests: XCTestCase {
    private let helpers = """
        {{- define "labels" -}}
        name: {{ .name }}
        index: {{ .i }}
        {{- end -}}
        {{- define "deep" }}{{ include "labels" . | nindent 2 }}{{ end -}}
        """

    private func set(_ text: String) throws -> TemplateSet {
        try TemplateSet.helpersAndTemplate(helpers, text)
    }

    private func data(_ count: Int) -> Value {
        .map([
            "Values": .map([
                "apps": .list((0..<count).map { i in
                    i % 7 == 3
                        ? .map(["name": .string("app-\(i)")])  // no tags: `<no value>` and defaults
                        : .map(["name": .string("app-\(i)"), "tags": .list([.string("a"), .string("b\(i % 3)")])])
                }),
                "prefix": .string("p"),
                "byName": .map(Dictionary(uniqueKeysWithValues: (0..<count).map { i in
                    ("app-\(i)", Value.map(["i": .int(Int64(i)), "peers": .list([.string("app-\((i + 1) % max(count, 1))")])]))
                })),
            ]),
            "Release": .map(["Name": .string("rel")]),
        ])
    }

    func testQualifyingTemplates() throws {
        let qualifying = [
            "{{- range .Values.apps }}\n---\nname: {{ .name }}{{ end }}\n",
            "# head\n{{ range $i, $a := .Values.apps }}{{ $i }}={{ $a.name }}|{{ $.Values.prefix }}\n{{ end }}tail\n",
            "{{ range $a := .Values.apps }}{{ include \"labels\" (dict \"name\" $a.name \"i\" 1) }}{{ end }}",
            "{{ range .Values.apps }}{{ range .tags }}{{ if eq . \"a\" }}{{ break }}{{ end }}{{ . }}{{ end }}{{ end }}",
            "{{ range .Values.apps }}{{ if not .tags }}{{ continue }}{{ end }}{{ .tags }}{{ else }}none{{ end }}",
            "{{/* comment */}}{{ range .Values.apps }}{{ template \"deep\" (dict \"name\" .name \"i\" 2) }}{{ end }}",
            "{{ range $.Values.apps }}{{ . }}{{ end }}",
            // Declarations before the range; `=` to the iteration's own variables.
            "{{ $v := .Values }}{{ $p := $v.prefix }}{{ range $i, $a := $v.apps }}{{ $n := list }}{{ $n = append $n $p }}{{ $n }}{{ end }}",
            "{{ $root := . }}{{ range $root.Values.apps }}{{ if .tags }}{{ $t := .tags }}{{ $t = rest $t }}{{ $t }}{{ end }}{{ end }}",
            "{{ $x := include \"labels\" (dict \"name\" 1) }}{{ range $a := .Values.apps }}{{ $a = $x }}{{ $a }}{{ end }}",
        ]
        for text in qualifying {
            let s = try set(text)
            XCTAssertEqual(s.rangeSlicing("t.yaml")?.path, ["Values", "apps"], text)
        }
        let overMap = try set("{{ $v := .Values }}{{ range $name, $app := $v.byName }}{{ $name }}{{ end }}")
        XCTAssertEqual(overMap.rangeSlicing("t.yaml")?.path, ["Values", "byName"])
    }

    func testTemplatesWhoseIterationsCanReachOneAnother() throws {
        let refused = [
            "{{ $n := 0 }}{{ range .Values.apps }}{{ $n = add $n 1 }}{{ $n }}{{ end }}",  // an action outside
            "{{ range .Values.apps }}{{ if eq .name \"app-3\" }}{{ break }}{{ end }}{{ .name }}{{ end }}",
            "{{ range .Values.apps }}{{ $_ := set $.Values \"seen\" .name }}{{ end }}",
            "{{ range .Values.apps }}{{ tpl .name $ }}{{ end }}",
            "{{ range .Values.apps }}{{ include .name . }}{{ end }}",
            "{{ range .Values.apps }}a{{ end }}{{ range .Values.apps }}b{{ end }}",
            "{{ range $i := .Values.apps }}{{ end }}{{ .Values.prefix }}",
            "{{ range (list 1 2) }}{{ . }}{{ end }}",
            "{{ $p := .Values.prefix }}{{ range .Values.apps }}{{ $p = .name }}{{ $p }}{{ end }}",  // `=` to a declaration outside
            "{{ $v := .Values }}{{ $v := 1 }}{{ range $v.apps }}{{ . }}{{ end }}",  // `$v` is no field chain any more
            "{{ $r := randAlpha 5 }}{{ range .Values.apps }}{{ $r }}{{ end }}",  // every window would declare its own
            "{{ $v := .Values }}{{ .Values.prefix }}{{ range $v.apps }}{{ . }}{{ end }}",  // an action that prints
        ]
        for text in refused {
            let s = try set(text)
            XCTAssertNil(s.rangeSlicing("t.yaml"), text)
        }
        // A function giving a new result each call anywhere in the set refuses declarations before the range.
        let changing = TemplateSet()
        try changing.parse(name: "_h.tpl", text: "{{ define \"x\" }}{{ now }}{{ end }}")
        try changing.parse(name: "t.yaml", text: "{{ $v := .Values }}{{ range $v.apps }}{{ .name }}{{ end }}")
        XCTAssertNil(changing.rangeSlicing("t.yaml"))
        // A change of data anywhere in the set (here in a helper) refuses every template.
        let s = TemplateSet()
        try s.parse(name: "_h.tpl", text: "{{ define \"x\" }}{{ $_ := unset . \"k\" }}{{ end }}")
        try s.parse(name: "t.yaml", text: "{{ range .Values.apps }}{{ .name }}{{ end }}")
        XCTAssertNil(s.rangeSlicing("t.yaml"))
    }

    func testWindowsJoinToTheWholeOutput() throws {
        let texts = [
            "{{- range .Values.apps }}\n---\nname: {{ .name }}\ntags: {{ .tags }}{{ end }}\n",
            "# head\n{{ range $i, $a := .Values.apps }}{{ $i }}={{ $a.name }}|{{ $.Values.prefix }}\n{{ end }}tail\n",
            "{{ range .Values.apps }}{{ range .tags }}{{ if eq . \"a\" }}{{ break }}{{ end }}{{ . }}{{ end }}{{ end }}",
            "{{ range .Values.apps }}{{ if not .tags }}{{ continue }}{{ end }}{{ .tags }}{{ else }}none{{ end }}",
            "{{ range $i, $a := .Values.apps }}{{ include \"labels\" (dict \"name\" $a.name \"i\" $i) | nindent 2 }}{{ end }}",
            "x{{ range .Values.apps }}{{ template \"deep\" (dict \"name\" .name \"i\" .missing) }}{{ end }}y",
            """
            {{- $v := .Values }}{{ $p := $v.prefix }}
            {{- range $name, $app := $v.byName }}
            {{- $from := list }}
            {{- range $other, $o := $v.byName }}{{ if has $name $o.peers }}{{ $from = append $from $other }}{{ end }}{{ end }}
            - {{ $p }}-{{ $name }}: {{ $app.i }} {{ $from | toJson }}
            {{- end }}
            """,
        ]
        for text in texts {
            for count in [1, 2, 5, 23] {
                let s = try set(text)
                let slicing = try XCTUnwrap(s.rangeSlicing("t.yaml"), text)
                let whole = try s.session(data: data(count)).execute(name: "t.yaml")
                for windows in [1, 2, 3, 7] where windows <= count {
                    let outputs = try (0..<windows).map { w in
                        try s.session(data: data(count)).execute(
                            name: "t.yaml", window: (count * w / windows)..<(count * (w + 1) / windows), of: slicing)
                    }
                    XCTAssertEqual(slicing.join(outputs, of: s), whole, "\(text) / \(count) in \(windows)")
                }
            }
        }
    }

    func testTheFirstWindowWithAnErrorFailsAsTheWholeExecutionDoes() throws {
        let s = try set("{{ range .Values.apps }}{{ required \"tags needed\" .tags }}{{ end }}")
        let slicing = try XCTUnwrap(s.rangeSlicing("t.yaml"))
        var wholeError: String?
        XCTAssertThrowsError(try s.session(data: data(20)).execute(name: "t.yaml")) { wholeError = "\($0)" }
        // Elements 3, 10 and 17 have no tags: the window holding element 3 fails with the same error.
        XCTAssertThrowsError(try s.session(data: data(20)).execute(name: "t.yaml", window: 0..<5, of: slicing)) {
            XCTAssertEqual("\($0)", wholeError)
        }
        XCTAssertNoThrow(try s.session(data: data(20)).execute(name: "t.yaml", window: 4..<10, of: slicing))
    }
}
