import XCTest
import GoValues

@testable import TemplateEngine
import HelmFunctions
import Platform

/// A range inside a template's branches shares its iterations out only when they cannot reach one another, and the
/// shares joined print exactly what one execution prints, errors included.
final class RangeSharingTests: XCTestCase {
    private let helpers = """
        {{- define "labels" -}}
        app: {{ .name }}
        {{- end -}}
        {{- define "changes" }}{{ $_ := set . "k" 1 }}{{ end -}}
        """

    private func set(_ text: String) throws -> TemplateSet {
        try TemplateSet.helpersAndTemplate(helpers, text)
    }

    private func data(_ count: Int) -> Value {
        let docs = (0..<count).map { i in
            i % 5 == 3 ? "kind: Secret\nmetadata:\n  name: s\(i)\n" : "kind: ConfigMap\nmetadata:\n  name: c\(i)\n  labels: {old: x}\n"
        }
        return .map([
            "Values": .map([
                "enabled": .bool(true),
                "docs": .string(docs.joined(separator: "---\n")),
                "apps": .list((0..<count).map { .map(["name": .string("app-\($0)"), "i": .int(Int64($0))]) }),
                "skip": .list([.string("c1"), .string("c4")]),
            ]),
            "Release": .map(["Name": .string("rel")]),
        ])
    }

    private let sharing = [
        // Documents split from a string, parsed, relabelled and written again (as charts do with CRD files).
        """
        {{- if .Values.enabled }}
        {{- $labels := include "labels" (dict "name" .Release.Name) | fromYaml }}
        {{- range $doc := .Values.docs | splitList "---\\n" }}
        {{- $name := index ($doc | fromYaml) "metadata" "name" }}
        {{- if not (has $name $.Values.skip) }}
        {{- $obj := ($doc | fromYaml) }}
        {{- $_ := set $obj.metadata "labels" $labels }}
        {{- $_ := unset $obj "kind" }}
        {{ $obj | toYaml }}
        ---
        {{- end }}
        {{- end }}
        {{- end }}
        tail: {{ .Release.Name }}
        """,
        "{{ with .Values }}{{ range $i, $a := .apps }}{{ $d := dict }}{{ $_ := set $d \"n\" $a.name }}{{ $d }}{{ end }}{{ end }}",
        "head\n{{ if true }}{{ range .Values.apps }}{{ $x := 0 }}{{ range until 3 }}{{ $x = add $x . }}{{ end }}{{ $x }}{{ end }}{{ end }}",
        "{{ if .Values.enabled }}{{ range .Values.apps }}{{ if eq .i 2 }}{{ continue }}{{ end }}{{ .name }},{{ end }}{{ end }}",
        // One source merged into a map the iteration made: only that map changes.
        "{{ range .Values.apps }}{{ $d := fromYaml \"i: {}\" }}{{ $_ := merge $d . }}{{ $d | toJson }}{{ end }}",
    ]

    func testQualifyingRanges() throws {
        for text in sharing {
            XCTAssertNotNil(try set(text).sharedRange("t.yaml"), text)
        }
    }

    func testRangesWhoseIterationsCanReachOneAnother() throws {
        let refused = [
            "{{ $n := 0 }}{{ if true }}{{ range .Values.apps }}{{ $n = add $n 1 }}{{ end }}{{ end }}",
            "{{ range .Values.apps }}{{ if eq .i 3 }}{{ break }}{{ end }}{{ end }}",
            "{{ range .Values.apps }}{{ $_ := set . \"seen\" true }}{{ end }}",  // a map of the data
            "{{ $d := dict }}{{ range .Values.apps }}{{ $_ := set $d .name 1 }}{{ end }}",  // a map made before
            "{{ range .Values.apps }}{{ $d := dict \"a\" $.Values }}{{ $_ := set $d.a \"x\" 1 }}{{ end }}",  // within a map's value
            "{{ range .Values.apps }}{{ $d := fromYaml \"a: {}\" }}{{ $d = $.Values }}{{ $_ := set $d \"x\" 1 }}{{ end }}",
            "{{ range .Values.apps }}{{ $d := fromYaml \"a: {}\" }}{{ $_ := set $d \"a\" $.Values }}{{ $_ := set $d.a \"x\" 1 }}{{ end }}",
            // A second source merges into the maps the first put there (the first source's own), and a merge into
            // the data changes it.
            "{{ range .Values.apps }}{{ $d := fromYaml \"a: {}\" }}{{ $_ := merge $d $.Values $.Values }}{{ end }}",
            "{{ range .Values.apps }}{{ $_ := merge $.Values (dict \"x\" 1) }}{{ end }}",
            "{{ range .Values.apps }}{{ $d := dict \"a\" $.Values }}{{ $_ := merge $d (dict \"a\" (dict \"x\" 1)) }}{{ end }}",
            "{{ range .Values.apps }}{{ include \"changes\" (dict) }}{{ end }}",  // a helper that changes data
            "{{ range .Values.apps }}{{ tpl .name $ }}{{ end }}",
            "{{ $r := randAlpha 3 }}{{ range .Values.apps }}{{ $r }}{{ end }}",  // every share would draw its own
            "{{ $_ := set .Values \"x\" 1 }}{{ range .Values.apps }}{{ . }}{{ end }}",  // a change before the range
            "{{ range .Values.apps }}a{{ end }}{{ range .Values.apps }}b{{ end }}",
            "{{ range .Values.apps }}{{ range .tags }}{{ end }}{{ end }}{{ define \"x\" }}{{ end }}{{ range $.Values.apps }}{{ end }}",
        ]
        for text in refused {
            XCTAssertNil(try set(text).sharedRange("t.yaml"), text)
        }
    }

    /// What the templates around a range include, followed through further includes and cycles: a range qualifies
    /// when nothing reached changes data, however deep, and whatever other templates of the set were asked first.
    func testIncludesAreFollowedThroughChainsAndCycles() throws {
        let helpers = """
            {{- define "a" }}{{ include "b" . }}{{ end -}}
            {{- define "b" }}{{ include "c" . }}{{ include "a" . }}{{ end -}}
            {{- define "c" }}{{ .Values.x }}{{ end -}}
            {{- define "d" }}{{ include "e" . }}{{ end -}}
            {{- define "e" }}{{ include "f" . }}{{ include "d" . }}{{ end -}}
            {{- define "f" }}{{ $_ := set .Values "k" 1 }}{{ end -}}
            {{- define "g" }}{{ include "missing" . }}{{ end -}}
            """
        let expectations = [("a", true), ("b", true), ("c", true), ("d", false), ("e", false), ("f", false), ("g", true)]
        for order in [expectations, expectations.reversed()] {
            let set = try TemplateSet.helpersAndTemplate(helpers, "")
            for (name, _) in order {
                try set.parse(name: "t-\(name)", text: "{{ include \"\(name)\" . }}{{ range .Values.apps }}{{ .name }}{{ end }}")
            }
            for (name, qualifies) in order {
                XCTAssertEqual(set.sharedRange("t-\(name)") != nil, qualifies, name)
            }
        }
    }

    /// How a test runs the other shares: on threads of their own, or at once on the calling thread when started
    /// (they take every element left), or only when waited for (the first core has taken every element by then).
    enum ShareTiming: CaseIterable { case threads, eager, late }

    /// The output with the range shared on `cores` cores from its first iteration on, each share executed in a
    /// session of its own as a chart render makes them.
    private func sharedOutput(_ text: String, _ count: Int, cores: Int, timing: ShareTiming) throws -> String {
        let s = try set(text)
        let session = s.session(data: data(count))
        let position = try XCTUnwrap(s.sharedRange("t.yaml"))
        let shareSets = try (1..<cores).map { _ in try set(text) }  // each share parses the templates again
        var started = 0
        let sharing = RangeSharing(templateName: "t.yaml", position: position, cores: cores, minimumWork: .zero) { queue, elements in
            let top = session.dataWithoutStructs
            let shareSet = shareSets[started]
            started += 1
            let share = { shareSet.session(data: top).executeShare(name: "t.yaml", position: position, queue: queue, elements: elements) }
            switch timing {
            case .threads:
                let pending = LargeStackThread.begin(stackSize: 64 << 20, share)
                return { pending.wait() }
            case .eager:
                let done = share()
                return { done }
            case .late:
                return share
            }
        }
        return try session.execute(name: "t.yaml", topLevel: [:], sharing: sharing)
    }

    func testSharesJoinToTheWholeOutput() throws {
        for text in sharing {
            for count in [1, 2, 5, 23] {
                let s = try set(text)
                let whole = try s.session(data: data(count)).execute(name: "t.yaml")
                for cores in [2, 3] {
                    for timing in ShareTiming.allCases {
                        XCTAssertEqual(
                            try sharedOutput(text, count, cores: cores, timing: timing), whole, "\(text) / \(count) on \(cores), \(timing)")
                    }
                }
            }
        }
    }

    /// A core that is not free when the range is found worth sharing is asked again later in the range (a chart's
    /// files on two cores: the other core may still be executing files); once one starts, the shares join as ever.
    func testACoreNotFreeYetIsAskedAgain() throws {
        let text = sharing[0]
        for declined in [0, 1, 3, 100] {
            let s = try set(text)
            let count = 300
            let whole = try s.session(data: data(count)).execute(name: "t.yaml")
            let session = s.session(data: data(count))
            let position = try XCTUnwrap(s.sharedRange("t.yaml"))
            var asked = 0
            var started = 0
            let sharing = RangeSharing(templateName: "t.yaml", position: position, cores: 2, minimumWork: .zero) { queue, elements in
                asked += 1
                guard asked > declined else { return nil }
                started += 1
                let share = s.sharingTemplates().session(data: session.dataWithoutStructs)
                let pending = LargeStackThread.begin(stackSize: 64 << 20) {
                    share.executeShare(name: "t.yaml", position: position, queue: queue, elements: elements)
                }
                return { pending.wait() }
            }
            XCTAssertEqual(try session.execute(name: "t.yaml", topLevel: [:], sharing: sharing), whole, "declined \(declined)")
            // Asked at iterations 1, 2, 4 … 64, then every 64th, until a share starts.
            XCTAssertEqual(asked, min(declined + 1, 10), "declined \(declined)")
            XCTAssertEqual(started, declined < 10 ? 1 : 0, "declined \(declined)")
        }
    }

    func testTheFirstErrorInElementOrderIsTheOneReported() throws {
        let failing = "{{ if true }}{{ range .Values.apps }}{{ if ge .i 12 }}{{ fail (printf \"at %d\" .i) }}{{ end }}{{ .i }}{{ end }}{{ end }}"
        let s = try set(failing)
        var whole: String?
        XCTAssertThrowsError(try s.session(data: data(20)).execute(name: "t.yaml")) { whole = "\($0)" }
        XCTAssertTrue(whole?.contains("at 12") == true)
        for cores in [2, 3, 4] {
            for timing in ShareTiming.allCases {
                XCTAssertThrowsError(try sharedOutput(failing, 20, cores: cores, timing: timing)) {
                    XCTAssertEqual("\($0)", whole, "on \(cores), \(timing)")
                }
            }
        }
    }
}
