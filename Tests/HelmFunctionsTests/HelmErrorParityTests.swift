import XCTest
import YAML
@testable import HelmFunctions
@testable import TemplateEngine
import TestSupport

/// Each template fails in `helm template`; the engine's `helmDescription` must equal what helm prints
/// after `Error: ` (skipped when helm is not installed).
final class HelmErrorParityTests: XCTestCase {
    static let values = """
        name: web
        replicas: 3
        list: [a, b]
        labels: {app: web}
        tplBad: "{{ .Values.name.x }}"
        """

    /// name → (template x.yaml, optional _helpers.tpl)
    static let cases: [(String, String, String?)] = [
        ("unclosed_action", "a: {{ .Values.x", nil),
        ("unclosed_action_multiline", "a: {{ .Values.x\n\nb", nil),
        ("unknown_function", "a: {{ nope 1 }}", nil),
        ("undefined_variable", "a:\n{{ $x }}", nil),
        ("unexpected_end", "a: {{ end }}", nil),
        ("unexpected_else", "a: {{ else }}", nil),
        ("unexpected_eof", "a: {{ if 1 }}", nil),
        ("non_executable", "a: {{ 1 | 2 }}", nil),
        ("unclosed_comment", "a: {{/* x", nil),
        ("comment_not_closed_by_delim", "a: {{/* x */ }}", nil),
        ("bad_number", "a: {{ 1x }}", nil),
        ("unterminated_string", "a: {{ \"abc }}", nil),
        ("unterminated_raw", "a: {{ `abc }}", nil),
        ("missing_value", "a: {{ }}", nil),
        ("unexpected_paren", "a: {{ ) }}", nil),
        ("unclosed_paren", "a: {{ (1 }}", nil),
        ("bad_character", "a: {{ # }}", nil),
        ("range_too_many", "{{ range $a, $b, $c := .Values.list }}{{ end }}", nil),
        ("break_outside", "a: {{ break }}", nil),
        ("multiple_definition", "{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}", nil),
        ("define_bad_name", "{{ define a }}x{{ end }}", nil),
        ("nil_pointer", "a: {{ .Values.missing.foo }}", nil),
        ("field_on_string", "a: {{ .Values.name.foo }}", nil),
        ("field_on_list", "a: {{ .Values.list.x }}", nil),
        ("field_on_string_dot", "a: {{ with \"s\" }}{{ .x }}{{ end }}", nil),
        ("range_nil_elem", "a: {{ range .Values.nils }}{{ .x }}{{ end }}", nil),
        ("not_a_method", "a: {{ .Values.name 1 }}", nil),
        ("eq_incompatible", "a: {{ eq .Values.replicas 3 }}", nil),
        ("lt_invalid", "a: {{ lt .Values.missing 1 }}", nil),
        ("lt_incompatible", "a:\n  b: {{ lt .Values.replicas 2 }}", nil),
        ("wrong_arg_count", "a: {{ lt 1 }}", nil),
        ("wrong_arg_count_variadic", "a: {{ and }}", nil),
        ("missing_comparison", "a: {{ eq 1 }}", nil),
        ("template_not_defined", "a:\n  {{ template \"nope\" }}", nil),
        ("include_missing", "a: {{ include \"nope\" . }}", nil),
        ("include_inner_error", "a: {{ include \"h\" . }}", "{{ define \"h\" }}{{ .Values.missing.x }}{{ end }}"),
        ("include_inner_function_error", "a: {{ include \"h\" . }}", "{{ define \"h\" }}{{ eq 1 \"a\" }}{{ end }}"),
        ("include_recursion", "a: {{ include \"r\" . }}", "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}"),
        ("template_recursion", "a: {{ template \"t\" . }}", "{{ define \"t\" }}{{ template \"t\" . }}{{ end }}"),
        ("required_missing", "a: {{ required \"name is required\" .Values.missing }}", nil),
        ("required_empty", "a: {{ .Values.empty | required \"empty!\" }}", nil),
        ("required_in_include", "a: {{ include \"h\" . }}", "{{ define \"h\" }}{{ required \"inner\" .Values.x }}{{ end }}"),
        ("fail", "a:\n  {{ fail \"boom\" }}", nil),
        ("fail_in_tpl", "a: {{ tpl \"{{ fail \\\"deep\\\" }}\" . }}", nil),
        ("index_out_of_range", "a: {{ index .Values.list 5 }}", nil),
        ("index_at_len", "a: {{ index .Values.list 2 }}", nil),
        ("index_nil", "a: {{ index .Values.missing 1 }}", nil),
        ("index_key_type", "a: {{ index .Values.labels 1 }}", nil),
        ("index_float", "a: {{ index .Values.list .Values.replicas }}", nil),
        ("len_nil", "a: {{ len .Values.missing }}", nil),
        ("len_number", "a: {{ len .Values.replicas }}", nil),
        ("range_string", "a: {{ range .Values.name }}{{ end }}", nil),
        ("range_int_two_vars", "a: {{ range $i, $v := 3 }}{{ end }}", nil),
        ("arg_to_non_function", "a: {{ \"x\" 1 }}", nil),
        ("nil_command", "a: {{ nil }}", nil),
        ("printf_bad_format", "a: {{ printf 1 }}", nil),
        ("printf_bad_format_value", "a: {{ printf .Values.replicas }}", nil),
        ("tpl_parse_error", "a: {{ tpl \"{{ x\" . }}", nil),
        ("tpl_exec_error", "a: {{ tpl .Values.tplBad . }}", nil),
        ("include_name_type", "a: {{ include 1 . }}", nil),
        ("chain_on_nil_literal", "a: {{ (nil).x }}", nil),
        ("max_expression_depth", "a: {{ " + String(repeating: "(", count: 10_001) + "1" + String(repeating: ")", count: 10_001) + " }}", nil),
        ("include_arg_count", "a: {{ include \"h\" }}", "{{ define \"h\" }}x{{ end }}"),
        ("required_arg_type", "a: {{ required 1 .Values.name }}", nil),
        ("required_value_arg_type", "a: {{ required .Values.replicas .Values.name }}", nil),
        ("fail_in_nested_include", "a: {{ include \"o\" . }}", "{{ define \"o\" }}{{ include \"i\" . }}{{ end }}{{ define \"i\" }}{{ fail \"inner fail\" }}{{ end }}"),
        ("sprig_type_error", "a: {{ indent .Values.replicas \"x\" }}", nil),
        ("sprig_literal_type_error", "a: {{ indent \"x\" \"y\" }}", nil),
        ("sprig_arity", "a: {{ quote }}{{ upper }}", nil),
        ("method_arity", "a: {{ .Capabilities.APIVersions.Has }}", nil),
        ("set_on_nil", "a: {{ $_ := set .Values.missing \"k\" 1 }}", nil),
        ("range_over_float", "a: {{ range .Values.replicas }}{{ end }}", nil),
        ("include_error_indented", "a: {{ include \"h\" . | nindent 2 }}", "{{ define \"h\" }}{{ .Values.missing.x }}{{ end }}"),
        ("include_missing_indented", "a: {{ include \"nope\" . | indent 2 }}", nil),
        ("nindent_of_nothing", "a: {{ .Values.missing | nindent 2 }}", nil),
        ("nindent_of_number", "a: {{ .Values.replicas | nindent 2 }}", nil),
        ("toyaml_arity_indented", "a: {{ toYaml | nindent 2 }}", nil),
        ("toyaml_two_args_indented", "a: {{ toYaml 1 2 | nindent 2 }}", nil),
        ("deep_position", "line1\nline2\n  x: {{ .Values.name }} {{ .Values.name.y }}", nil),
    ]

    func testErrorsMatchHelm() throws {
        _ = try ReferenceTool.helm.require()
        let values = try HelmHarness.helmValues(Self.values + "\nnils: [~]\nempty: \"\"\n")
        for (name, text, helpers) in Self.cases {
            var templates = ["x.yaml": text]
            if let helpers { templates["_helpers.tpl"] = helpers }
            let helm = try HelmHarness.run(templates: templates, values: Self.values + "\nnils: [~]\nempty: \"\"\n", debug: false)
            XCTAssertNotEqual(helm.status, 0, "\(name): helm succeeded")
            let expected = Self.helmError(helm.stderr)
            switch HelmHarness.render(templates: templates, values: values) {
            case .success(let out):
                XCTFail("\(name): engine succeeded: \(out)")
            case .failure(let error):
                XCTAssertEqual(error.helmDescription, expected, "case \(name)")
            }
        }
    }

    /// The message helm printed: after `Error: `, before the `--debug` hint.
    static func helmError(_ stderr: String) -> String {
        var s = Substring(stderr)
        if let r = s.range(of: "Error: ") { s = s[r.upperBound...] }
        if let r = s.range(of: "\n\nUse --debug flag") { s = s[..<r.lowerBound] }
        while s.hasSuffix("\n") { s = s.dropLast() }
        return String(s)
    }
}
