import XCTest
import YAML
@testable import HelmFunctions
@testable import TemplateEngine

/// Byte-for-byte comparison with the real `helm template` on a corpus of templates exercising every
/// construct of the language and Go's builtins (skipped when helm is not installed).
final class HelmParityTests: XCTestCase {
    static let values = """
        name: web
        replicas: 3
        ratio: 0.25
        big: 1000000
        huge: 12345678901234567890
        enabled: true
        disabled: false
        empty: ""
        nothing: null
        list: [a, b, c]
        nums: [3, 1, 2]
        mixed: [1, "x", null, 2.5, true]
        nested: {a: {b: {c: deep}}}
        labels: {app: web, tier: front, "z-last": 1, "A-first": 2}
        ports: [{name: http, port: 80}, {name: https, port: 443}]
        text: "line1\\nline2"
        tplText: "{{ .Values.name }}-{{ .Release.Name }}"
        truthy: [0, 1, "", "x", null, true, false, [], {}, [0], 0.0]
        """

    /// name → template text. Each renders in its own file of one chart.
    static let cases: [(String, String)] = [
        ("text_only", "plain text\nwith lines\n"),
        ("field", "{{ .Values.name }} {{ .Values.replicas }} {{ .Values.ratio }} {{ .Values.big }} {{ .Values.huge }}"),
        ("nested_field", "{{ .Values.nested.a.b.c }} {{ .Values.nested.a }}"),
        ("missing", "[{{ .Values.missing }}] [{{ .Values.nothing }}] [{{ print .Values.missing }}] [{{ .Values.nested.x }}]"),
        ("missing_var", "{{ $x := .Values.missing }}[{{ $x }}][{{ $x.foo }}][{{ (.Values.missing).foo }}]"),
        ("print_values", "{{ .Values.list }} {{ .Values.mixed }} {{ .Values.labels }} {{ .Values.ports }} {{ .Values.enabled }}"),
        ("trim", "a  \n  {{- \"b\" -}}  \n  c {{- /* comment */ -}} d\n{{- 1 }}\n{{ 2 -}}\n\n e"),
        ("comment", "a{{/* c */}}b{{- /* c2 */}}\n c {{/* multi\nline */}}"),
        ("literals", "{{ 1 }} {{ 1.5 }} {{ 1e3 }} {{ 0x1F }} {{ 'a' }} {{ \"s\\t\\\"q\\\"\" }} {{ `raw\\n` }} {{ true }} {{ false }} {{ -2 }} {{ 0o17 }} {{ 1_000 }}"),
        ("pipeline", "{{ .Values.name | printf \"%s-x\" }} {{ \"a\" | printf \"%s%s\" \"b\" }} {{ 3 | printf \"%d %d\" 4 }}"),
        ("parens", "{{ printf \"%s\" (printf \"%d\" (len .Values.list)) }} {{ (.Values.nested.a).b.c }} {{ (index .Values.ports 1).name }}"),
        ("variables", "{{ $a := 1 }}{{ $b := \"x\" }}{{ $a }}{{ $b }}{{ $a = 2 }}{{ $a }}{{ $.Values.name }}"),
        ("if_else", "{{ if .Values.enabled }}on{{ else }}off{{ end }} {{ if .Values.disabled }}1{{ else if .Values.empty }}2{{ else if .Values.list }}3{{ else }}4{{ end }} {{ if .Values.missing }}m{{ end }}"),
        ("truthiness", "{{ range $v := .Values.truthy }}{{ if $v }}T{{ else }}F{{ end }}{{ end }} {{ if .Values.ratio }}r{{ end }} {{ if .Values.nothing }}n{{ else }}nn{{ end }}"),
        ("with", "{{ with .Values.nested.a }}{{ .b.c }}{{ end }} {{ with .Values.missing }}x{{ else }}none{{ end }} {{ with .Values.empty }}e{{ else with .Values.name }}{{ . }}{{ end }}"),
        ("range_list", "{{ range .Values.list }}[{{ . }}]{{ end }} {{ range $i, $v := .Values.list }}{{ $i }}={{ $v }},{{ end }} {{ range $v := .Values.nums }}{{ $v }}{{ end }}"),
        ("range_map", "{{ range $k, $v := .Values.labels }}{{ $k }}:{{ $v }} {{ end }}| {{ range .Values.labels }}{{ . }}{{ end }}"),
        ("range_else", "{{ range .Values.missing }}x{{ else }}empty{{ end }} {{ range .Values.nums }}{{ else }}e3{{ end }}"),
        ("range_break", "{{ range .Values.nums }}{{ if eq . 1.0 }}{{ break }}{{ end }}{{ . }}{{ end }}|{{ range .Values.nums }}{{ if eq . 1.0 }}{{ continue }}{{ end }}{{ . }}{{ end }}"),
        ("range_int", "{{ range 3 }}{{ . }}{{ end }} {{ range $i := 2 }}[{{ $i }}]{{ end }} {{ range 0 }}x{{ else }}zero{{ end }}"),
        ("range_scope", "{{ $x := 1 }}{{ range .Values.list }}{{ $x = . }}{{ $y := 2 }}{{ end }}{{ $x }}"),
        ("define_template", "{{ define \"t1\" }}T1({{ . }}){{ end }}{{ template \"t1\" \"arg\" }} {{ template \"t1\" }} {{ template \"t1\" .Values.name }}"),
        ("block", "{{ block \"blk\" .Values.name }}block:{{ . }}{{ end }}"),
        ("include", "{{ define \"inc\" }}inc:{{ .name }}{{ end }}{{ include \"inc\" .Values }} {{ include \"inc\" .Values | printf \"%s!\" }}"),
        ("tpl", "{{ tpl .Values.tplText . }} {{ tpl \"{{ define \\\"inner\\\" }}I{{ end }}{{ include \\\"inner\\\" . }}\" . }}"),
        ("and_or", "{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" 3 }} {{ or 0 \"\" }} {{ and .Values.enabled .Values.name }} {{ or .Values.missing \"dflt\" }} {{ not 0 }} {{ not .Values.name }}"),
        ("compare", "{{ eq 1 1 }} {{ eq \"a\" \"b\" \"a\" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }} {{ eq .Values.replicas 3.0 }} {{ eq .Values.missing nil }} {{ eq .Values.missing \"a\" }} {{ lt .Values.ratio 1.0 }}"),
        ("len_index_slice", "{{ len .Values.list }} {{ len .Values.labels }} {{ len \"héllo\" }} {{ index .Values.list 1 }} {{ index .Values.labels \"app\" }} {{ index .Values.nested \"a\" \"b\" \"c\" }} [{{ index .Values.labels \"nope\" }}] {{ index \"abc\" 1 }}"),
        ("printf_verbs", "{{ printf \"%5.2f|%-5d|%05d|%x|%X|%o|%b|%e|%E|%g|%.3g|%q|%c|%U|%+d|% d|%#x|%8.3e|%t|%%\" 3.14159 42 42 255 255 8 5 1234.5678 1234.5678 0.00001234 1234.5678 \"hi\" 65 65 5 5 255 1234.5 true }}"),
        ("printf_values", "{{ printf \"%v %s %d %q\" .Values.mixed .Values.mixed .Values.mixed .Values.list }} {{ printf \"%v|%s|%T|%T|%T\" .Values.labels .Values.name .Values.replicas .Values.list .Values.labels }}"),
        ("printf_errors", "{{ printf \"%d %s\" }} {{ printf \"%z\" 1 }} {{ printf \"%!\" }} {{ printf \"%\" }} {{ printf \"%d\" 1.5 }} {{ printf \"%.2f\" 1 }} {{ printf \"%d\" 1 2 nil }} {{ printf \"%s\" nil }} {{ printf \"%6.2v|\" 3.14159 }}"),
        ("printf_width", "{{ printf \"[%8s][%-8s][%.2s][%08.3f][%-8.2f][%+.1e][%x][% x][%X]\" \"abc\" \"abc\" \"abc\" 3.14159 2.5 12345.678 \"hi\" \"hi\" \"hi\" }} {{ printf \"%*d|%-*d|%.*f\" 5 1 4 2 2 3.14159 }}"),
        ("printf_bad_width", "{{ printf \"%*d|%.*d\" 10000000 1 -1 2 }}"),
        ("deep_parens", "{{ " + String(repeating: "(", count: 9_990) + "1" + String(repeating: ")", count: 9_990) + " }}"),
        ("deep_ifs", String(repeating: "{{ if 1 }}", count: 20_000) + "deep" + String(repeating: "{{ end }}", count: 20_000)),
        ("floats", "{{ .Values.big }} {{ 100000.0 }} {{ 0.0001 }} {{ 0.00001 }} {{ 1e21 }} {{ 123456789.0 }} {{ printf \"%v %g %f %e\" 0.1 0.1 0.1 0.1 }} {{ printf \"%x %b\" 3.5 1.0 }}"),
        ("print_println", "{{ print 1 2 \"a\" \"b\" 3 nil .Values.list }}|{{ println 1 \"a\" }}|{{ print }}|{{ print \"a\" 1 \"b\" }}"),
        ("escapers", "{{ html \"<a href='x'>&\\\"\" }} {{ js \"a<b>&='\\\"\\\\\" }} {{ urlquery \"a b&c=d/é\" }} {{ html 1 nil \"x\" }}"),
        ("capabilities", "{{ .Capabilities.APIVersions.Has \"apps/v1\" }} {{ .Capabilities.APIVersions.Has \"nope/v1\" }} {{ if .Capabilities.APIVersions.Has \"networking.k8s.io/v1\" }}np{{ end }}"),
        ("release", "{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Service }} {{ .Release.IsInstall }} {{ .Release.Revision }} {{ .Template.Name }} {{ .Template.BasePath }} {{ .Chart.Name }}"),
        ("required_ok", "{{ required \"need name\" .Values.name }} {{ required \"r\" .Values.disabled }}"),
        ("dollar_in_define", "{{ define \"d2\" }}{{ $.name }}/{{ .name }}{{ end }}{{ template \"d2\" .Values }}"),
        ("chained_results", "{{ (index .Values.ports 0).port }} {{ (.Values.nested).a.b.c }} {{ $p := index .Values.ports 1 }}{{ $p.name }}"),
        ("whitespace_actions", "{{\n.Values.name\n}} {{- \"\t\" -}} | {{ \"x\"\n| printf \"%s!\" }}"),
        ("unicode", "héllo {{ \"wörld ✓\" }} {{ len \"✓\" }} {{ printf \"%q\" \"✓\\u00a0\" }} {{ printf \"%+q\" \"é\" }}"),
        ("no_value_text", "a <no value> b {{ .Values.missing }} c"),
        ("set_variable", "{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }} {{ $e := $d }}{{ $_ := set $e \"c\" 3 }}{{ $d }} {{ $_ := unset $d \"a\" }}{{ $e }} {{ hasKey $d \"c\" }}"),
        ("set_values_alias", "{{ $c := .Values.nested.a }}{{ $_ := set $c \"x\" \"y\" }}{{ .Values.nested.a }} {{ $_ := set .Values \"added\" 1 }}{{ .Values.added }} {{ toJson .Values.nested }}"),
        ("set_in_include", "{{ define \"fill\" }}{{ $_ := set . \"result\" (printf \"%s!\" .in) }}{{ end }}{{ $ctx := dict \"in\" \"v\" }}{{ include \"fill\" $ctx }}{{ $ctx.result }}"),
        ("set_in_range", "{{ range .Values.ports }}{{ $_ := set . \"seen\" true }}{{ end }}{{ range .Values.ports }}{{ .name }}={{ .seen }} {{ end }}"),
        ("set_nested_identity", "{{ $inner := dict }}{{ $outer := dict \"in\" $inner }}{{ $_ := set $inner \"k\" \"v\" }}{{ $outer }} {{ $_ := set $outer.in \"k2\" 2 }}{{ $inner }}"),
        ("merge_mutates", "{{ $a := dict \"x\" 1 }}{{ $b := dict \"y\" 2 \"x\" 9 }}{{ $_ := merge $a $b }}{{ $a }} {{ $c := dict \"x\" 1 }}{{ $_ := mergeOverwrite $c $b }}{{ $c }}"),
        ("sprig_mix", "{{ .Values.name | upper | quote }} {{ default \"d\" .Values.missing }} {{ list 1 2 3 | toJson }} {{ .Values.labels | toYaml | nindent 2 }}{{ include \"inc2\" . | indent 4 }}{{ define \"inc2\" }}a: {{ .Values.name }}{{ end }}"),
        // Indented output written straight from include / toYaml / any string, and the general path.
        ("indent_tail", "{{ define \"indentBlk\" }}a: {{ .name }}\nb: 1\n{{ end }}{{ define \"indentNone\" }}{{ end }}x:{{ include \"indentBlk\" .Values | nindent 2 }}\ny:{{ include \"indentBlk\" .Values | indent 4 }}\nz:{{ include \"indentNone\" . | nindent 2 }}|{{ include \"indentNone\" . | indent 3 }}|\np:{{ toYaml .Values.ports | nindent 4 }}\nl:{{ toYaml .Values.labels | indent 0 }}\nm:{{ toYaml .Values.missing | nindent 2 }}\ne:{{ toYaml .Values.empty | nindent 2 }}\nt:{{ .Values.text | nindent 1 }}{{ .Values.name | upper | nindent 3 }}{{ \"a\\nb\\n\" | indent 2 }}{{ .Values.list | toYaml | nindent 2 }}{{ include \"indentBlk\" .Values | printf \"%s!\" | nindent 1 }}"),
        ("fast_paths", "{{ printf \"%s-%s\" \"a\" \"b\" }} {{ printf \"%s%%\" \"a\" }} {{ printf \"%s\" 1 }} {{ printf \"%s %s\" \"a\" }} {{ printf \"%s\" \"a\" \"b\" }} {{ printf \"x%\" }} {{ printf \"%%s\" }} {{ -0.0 }} {{ 0.0 }} {{ 999999.0 }} {{ 1000000.0 }} {{ -123.0 }} {{ .Values.replicas }} {{ \"ÀbC\" | lower }} {{ \"aBc\" | upper }} {{ \"abc\" | lower }} {{ trunc 3 \"abcdef\" }} {{ trunc 10 \"abc\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 0 \"abc\" }}"),
        ("dict_keys", "{{ $d := dict \"a\" 1 \"a\" (list 1 2) }}{{ $d.a }} {{ $e := dict \"a\" (list 1) \"a\" 2 }}{{ $e.a }} {{ $f := dict \"l\" .Values.labels \"n\" 1 }}{{ $_ := set .Values.labels \"added\" 3 }}{{ $f.l.added }} {{ len $f }} {{ toYaml $f | nindent 1 }} {{ $g := dict \"x\" }}{{ $g }} {{ dict 1 2 }}"),
        ("vald_style", """
            {{ $gw := .Values.name -}}
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: {{ $gw }}-allow
              labels:
            {{- range $k, $v := .Values.labels }}
                {{ $k }}: {{ $v | printf "%q" }}
            {{- end }}
            spec:
              podSelector:
                matchLabels:
                  app: {{ $gw }}
              policyTypes: [Ingress, Egress]
              ingress:
                - from:
            {{- range .Values.ports }}
                    - ports: [{port: {{ .port }}, name: {{ .name }}}]
            {{- end }}
            """),
    ]

    func testCorpusMatchesHelmByteForByte() throws {
        var templates: [String: String] = [:]
        for (name, text) in Self.cases { templates["c_\(name).yaml"] = "BEGIN\n" + text + "\nEND\n" }
        let helm = try HelmHarness.run(templates: templates, values: Self.values, debug: true)
        let values = try HelmHarness.helmValues(Self.values)
        let ours: [String: String]
        switch HelmHarness.render(templates: templates, values: values) {
        case .success(let out): ours = out
        case .failure(let error): return XCTFail("engine failed: \(error)")
        }
        for (name, _) in Self.cases {
            let file = "ch/templates/c_\(name).yaml"
            guard let expected = Self.section(of: helm.stdout, file: file) else {
                XCTFail("\(name): helm printed no section for \(file); stderr: \(helm.stderr.prefix(500))")
                continue
            }
            let actual = Self.markedBody(ours[file] ?? "")
            XCTAssertEqual(actual, expected, "case \(name)")
        }
    }

    /// The text between `BEGIN\n` and `\nEND` of the document printed for `file`.
    static func section(of stdout: String, file: String) -> String? {
        guard let header = stdout.range(of: "# Source: \(file)\n") else { return nil }
        return markedBody(String(stdout[header.upperBound...]))
    }

    static func markedBody(_ s: String) -> String? {
        guard let begin = s.range(of: "BEGIN\n"), let end = s.range(of: "\nEND", range: begin.upperBound..<s.endIndex) else {
            return nil
        }
        return String(s[begin.upperBound..<end.lowerBound])
    }
}
