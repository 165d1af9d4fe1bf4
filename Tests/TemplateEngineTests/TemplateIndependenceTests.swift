import GoValues
import HelmFunctions
import XCTest

@testable import TemplateEngine

/// Which templates leave the data other templates see as they found it (``TemplateIndependence``), and what a watched
/// execution notices that the code did not show.
final class TemplateIndependenceTests: XCTestCase {
    private let helpers = """
        {{- define "pure" }}{{ .Values.name | upper }}{{ include "pure.inner" . }}{{ end }}
        {{- define "pure.inner" }}{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ toJson $d }}{{ end }}
        {{- define "changes" }}{{ $_ := set .Values "seen" true }}{{ end }}
        {{- define "changes.deeper" }}{{ include "changes" . }}{{ end }}
        """

    private func independence(_ text: String, helpers extra: String = "") throws -> TemplateIndependence {
        let set = TemplateSet()
        try set.parse(name: "_helpers.tpl", text: helpers + extra)
        try set.parse(name: "t.yaml", text: text)
        return set.independence()
    }

    func testTemplatesThatLeaveTheDataUnchanged() throws {
        let unchanging = [
            "{{ .Values.name }}: {{ include \"pure\" . }}",
            "{{ $d := dict }}{{ $_ := set $d \"k\" .Values.name }}{{ $_ := unset $d \"k\" }}",
            "{{ $c := deepCopy .Values.a }}{{ $_ := set $c.b \"k\" 1 }}",
            "{{ $y := .Values.doc | fromYaml }}{{ $_ := set $y \"k\" 1 }}",
            "{{ $p := include \"pure\" . | fromYaml | default dict }}{{ $_ := mergeOverwrite $p .Values.a }}",
            // Several sources into a map of its own: allowed (a run that reaches the first source's maps is seen).
            "{{ $m := mergeOverwrite (dict) .Values.a .Values.b }}{{ toYaml $m }}",
            "{{ with mergeOverwrite (deepCopy .Values.a) .Values.b }}{{ toYaml . }}{{ end }}",
            "{{ tpl .Values.text . }}",  // watched when it runs
            "{{ randAlpha 5 }}{{ now }}",  // each call happens once, wherever
            "{{ $x := 1 }}{{ $x = 2 }}{{ range .Values.list }}{{ $x = . }}{{ end }}",
            "{{ template \"pure\" . }}",
        ]
        for text in unchanging {
            XCTAssertTrue(try independence(text).leavesDataUnchanged("t.yaml"), text)
        }
    }

    func testTemplatesThatMayChangeTheData() throws {
        let changing = [
            "{{ $_ := set .Values \"x\" 1 }}",
            "{{ $_ := set $ \"x\" 1 }}",
            "{{ $_ := unset .Values.a \"b\" }}",
            "{{ with .Values.a }}{{ $_ := set . \"x\" 1 }}{{ end }}",
            "{{ $v := .Values.a }}{{ $_ := set $v \"x\" 1 }}",
            "{{ $d := dict \"a\" .Values.a }}{{ $_ := set $d.a \"x\" 1 }}",  // a map it did not make, within one it did
            "{{ $d := dict }}{{ $d = .Values.a }}{{ $_ := set $d \"x\" 1 }}",
            "{{ $_ := merge .Values.a (dict \"x\" 1) }}",
            "{{ include \"changes\" . }}",
            "{{ include \"changes.deeper\" . }}",  // through another template
            "{{ template \"changes\" . }}",
        ]
        for text in changing {
            XCTAssertFalse(try independence(text).leavesDataUnchanged("t.yaml"), text)
        }
    }

    /// An include by a computed name may reach any template: the file qualifies only when all do.
    func testAComputedIncludeNeedsEveryTemplateToQualify() throws {
        let text = "{{ include (printf \"%s\" .Values.which) . }}"
        XCTAssertFalse(try independence(text).leavesDataUnchanged("t.yaml"))
        let set = TemplateSet()
        try set.parse(name: "_helpers.tpl", text: "{{ define \"a\" }}a{{ end }}{{ define \"b\" }}{{ $d := dict }}{{ $_ := set $d \"k\" 1 }}{{ end }}")
        try set.parse(name: "t.yaml", text: text)
        XCTAssertTrue(set.independence().leavesDataUnchanged("t.yaml"))
    }

    /// Templates that include one another in a circle qualify together, or fail together.
    func testCirclesOfIncludes() throws {
        let set = TemplateSet()
        try set.parse(
            name: "_helpers.tpl",
            text: """
                {{ define "a" }}{{ if .n }}{{ include "b" (dict) }}{{ end }}{{ end }}
                {{ define "b" }}{{ if .n }}{{ include "a" (dict) }}{{ end }}{{ end }}
                {{ define "c" }}{{ if .n }}{{ include "d" . }}{{ end }}{{ end }}
                {{ define "d" }}{{ $_ := set . "x" 1 }}{{ include "c" . }}{{ end }}
                """)
        try set.parse(name: "t.yaml", text: "{{ include \"a\" . }}")
        try set.parse(name: "u.yaml", text: "{{ include \"c\" . }}")
        let independence = set.independence()
        XCTAssertTrue(independence.leavesDataUnchanged("t.yaml"))
        XCTAssertFalse(independence.leavesDataUnchanged("u.yaml"))
        XCTAssertFalse(independence.leavesDataUnchanged("c"))
    }

    /// What a watched execution sees: a change to a map made before the file started (through `tpl`, or a merge of
    /// two sources sharing a key that holds maps, which Go merges into the first source's map), and calls of functions
    /// whose result differs from call to call.
    func testAWatchedRunSeesWhatTheCodeDidNotShow() throws {
        let set = TemplateSet()
        try set.parse(name: "tpl.yaml", text: "{{ tpl .Values.text . }}")
        try set.parse(name: "merge.yaml", text: "{{ $m := merge (dict) .Values.a .Values.b }}{{ toJson $m }}")
        try set.parse(name: "own.yaml", text: "{{ $d := fromYaml \"k: {}\" }}{{ $_ := set $d.k \"x\" 1 }}{{ toJson $d }}")
        try set.parse(name: "random.yaml", text: "{{ if .Values.draw }}{{ randAlpha 3 | len }}{{ end }}")
        for name in ["tpl.yaml", "merge.yaml", "own.yaml", "random.yaml"] {
            XCTAssertTrue(set.independence().leavesDataUnchanged(name), name)
        }
        func watched(_ name: String, _ values: Value) throws -> ExecutionSession.Watched {
            let session = set.session(data: .map(["Values": values]))
            return try session.executeWatched(name: name, topLevel: [:], scope: nil).watched
        }
        let text: Value = .map(["text": .string("{{ $_ := set .Values \"seen\" 1 }}")])
        XCTAssertTrue(try watched("tpl.yaml", text).changedEarlierData)
        XCTAssertFalse(try watched("tpl.yaml", .map(["text": .string("{{ .Values.text | len }}")])).changedEarlierData)

        let nested: Value = .map(["a": .map(["m": .map(["x": .int(1)])]), "b": .map(["m": .map(["y": .int(2)])])])
        XCTAssertTrue(try watched("merge.yaml", nested).changedEarlierData, "b's m merges into a's own m")
        let flat: Value = .map(["a": .map(["x": .int(1)]), "b": .map(["y": .int(2)])])
        XCTAssertFalse(try watched("merge.yaml", flat).changedEarlierData)
        XCTAssertFalse(try watched("own.yaml", .map([:])).changedEarlierData)

        XCTAssertTrue(try watched("random.yaml", .map(["draw": .bool(true)])).calledVaryingFunction)
        XCTAssertFalse(try watched("random.yaml", .map(["draw": .bool(false)])).calledVaryingFunction)
    }
}
