import XCTest
import YAML

/// A map set into itself (`set $d "self" $d`) never crashes: Helm's answers where Helm answers
/// (`toJson` "" , `keys`, `hasKey`, ...), Go's encoder error for the `must` encoders, and a template
/// error where Helm itself overflows its stack or loops (`quote`, `deepCopy`, printing).
final class SelfReferenceTests: XCTestCase {
    static let selfMap = #"{{ $d := dict "a" 1 }}{{ $_ := set $d "self" $d }}"#

    func testHelmAnswersAreKept() {
        let p = Self.selfMap
        TemplateTable.assertOutputs([
            (p + "{{ toJson $d }}", ""),
            (p + "{{ toYaml $d }}", ""),
            (p + "{{ toPrettyJson $d }}", ""),
            (p + "x:{{ toYaml $d | nindent 2 }}", "x:\n  "),
            (p + "{{ keys $d | sortAlpha }}", "[a self]"),
            (p + #"{{ hasKey $d "self" }}"#, "true"),
            (p + "{{ len $d }}", "2"),
            (p + "{{ kindOf $d }} {{ typeOf $d }} {{ empty $d }}", "map map[string]interface {} false"),
            (p + "{{ deepEqual $d $d }}", "true"),
            (p + #"{{ get $d "self" | keys | sortAlpha }}"#, "[a self]"),
            (p + #"{{ pick $d "self" | keys }}"#, "[self]"),
            (p + "{{ range $k, $v := $d }}{{ $k }}{{ end }}", "aself"),
            (#"{{ define "j" }}{{ toJson . }}{{ end }}"# + p + #"{{ include "j" $d }}"#, ""),
            (#"{{ $l := list (dict) }}{{ $m := index $l 0 }}{{ $_ := set $m "l" $l }}{{ toJson $l }}|{{ len $l }}"#, "|1"),
        ], data: .map([:]))
    }

    func testEncoderErrorsAndCrashesOfHelmAreTemplateErrors() {
        let p = Self.selfMap
        let at = #"template: t:1:53: executing "t" at "#
        let cycle = "a map or list contains itself (a cycle made with set): it cannot be used here"
        let json = "json: unsupported value: encountered a cycle via map[string]interface {}"
        TemplateTable.assertErrors([
            (p + "{{ mustToJson $d }}", at + "<mustToJson $d>: error calling mustToJson: " + json),
            (p + "{{ toRawJson $d }}", at + "<toRawJson $d>: error calling toRawJson: " + json),
            (p + "{{ mustToYaml $d }}", at + "<mustToYaml $d>: error calling mustToYaml: error marshaling into JSON: " + json),
            (p + "{{ quote $d }}", at + "<quote $d>: error calling quote: " + cycle),
            (p + "{{ deepCopy $d }}", at + "<deepCopy $d>: error calling deepCopy: " + cycle),
            (p + "{{ toToml $d }}", at + "<toToml $d>: error calling toToml: " + cycle),
            (p + "{{ toString $d }}", at + "<toString $d>: error calling toString: " + cycle),
            (p + #"{{ printf "%v" $d }}"#, at + #"<printf "%v" $d>: error calling printf: "# + cycle),
            (p + "{{ eq $d $d }}", at + "<eq $d $d>: error calling eq: " + cycle),
            (p + "{{ $d }}", at + "<$d>: " + cycle),
        ], data: .map([:]))
    }
}
