import TemplateEngine
import HelmFunctions
import XCTest
import YAML

/// Go structs in the data (``GoStruct``), shaped like Helm's `.Capabilities`. Every expectation
/// was printed by Helm v4.1.4 for the same template over `.Capabilities` (`--kube-version
/// v1.30.2-gke.1245000`); the chart-level parity cases `capabilities-structs*` check the same
/// against the real binary (error columns there too).
final class GoStructTests: XCTestCase {
    static let kube = GoStruct(
        typeName: "common.KubeVersion",
        fields: [
            .init("Version", .string("v1.30.2-gke.1")), .init("normalizedVersion", .string("v1.30.2")),
            .init("Major", .string("1")), .init("Minor", .string("30")),
        ],
        methods: ["GitVersion": .string("v1.30.2-gke.1")], stringer: "v1.30.2")
    static let build = GoStruct(
        typeName: "version.BuildInfo",
        fields: [.init("Version", .string("v4<1"), jsonKey: "version"), .init("GoVersion", .string("go1"), jsonKey: "go_version")])
    static let caps = GoStruct(
        typeName: "*common.Capabilities", isPointer: true,
        fields: [
            .init("KubeVersion", content: .structure(kube)), .init("APIVersions", .list([.string("v1"), .string("apps/v1")])),
            .init("HelmVersion", content: .structure(build)),
        ])

    static let cases: [(template: String, expected: String)] = [
        // String() (pointer receiver) only where the template prints the field itself.
        ("{{ .C.KubeVersion }}", "v1.30.2"),
        ("{{ $k := .C.KubeVersion }}{{ $k }} {{ with .C.KubeVersion }}{{ . }}{{ end }}", "v1.30.2 v1.30.2"),
        ("{{ .C.KubeVersion | print }}", "{v1.30.2-gke.1 v1.30.2 1 30}"),
        // Returned through interface{} results, or out of a map, it is a copy, no longer addressable.
        ("{{ required \"x\" .C.KubeVersion }}|{{ default \"x\" .C.KubeVersion }}|{{ coalesce nil .C.HelmVersion }}",
         "{v1.30.2-gke.1 v1.30.2 1 30}|{v1.30.2-gke.1 v1.30.2 1 30}|{v4<1 go1}"),
        ("{{ $d := dict \"k\" .C.KubeVersion }}{{ $d.k }} {{ $z := $d.k }}{{ $z }} {{ $z.Minor }}", "{v1.30.2-gke.1 v1.30.2 1 30} {v1.30.2-gke.1 v1.30.2 1 30} 30"),
        ("{{ .C.KubeVersion | quote }}", "\"{v1.30.2-gke.1 v1.30.2 1 30}\""),
        ("{{ .C.KubeVersion.String }} {{ .C.KubeVersion.GitVersion }} {{ .C.KubeVersion.Major }}", "v1.30.2 v1.30.2-gke.1 1"),
        ("{{ .C.HelmVersion }}", "{v4<1 go1}"),
        ("{{ .C }}", "{{v1.30.2-gke.1 v1.30.2 1 30} [v1 apps/v1] {v4<1 go1}}"),
        ("{{ print .C }}", "&{{v1.30.2-gke.1 v1.30.2 1 30} [v1 apps/v1] {v4<1 go1}}"),
        ("{{ print \"a\" .C.KubeVersion \"b\" 1 .C.HelmVersion }}", "a{v1.30.2-gke.1 v1.30.2 1 30}b1 {v4<1 go1}"),
        ("{{ printf \"%+v|%q|%d|%T\" .C.HelmVersion .C.HelmVersion .C.HelmVersion .C }}",
         "{Version:v4<1 GoVersion:go1}|{\"v4<1\" \"go1\"}|{%!d(string=v4<1) %!d(string=go1)}|*common.Capabilities"),
        ("{{ typeOf .C }} {{ typeOf .C.KubeVersion }} {{ kindOf .C }} {{ kindOf .C.HelmVersion }}",
         "*common.Capabilities common.KubeVersion ptr struct"),
        ("{{ typeIsLike \"common.Capabilities\" .C }} {{ kindIs \"struct\" .C.KubeVersion }}", "true true"),
        ("{{ toJson .C.KubeVersion }}", "{\"Version\":\"v1.30.2-gke.1\",\"Major\":\"1\",\"Minor\":\"30\"}"),
        ("{{ toJson .C.HelmVersion }} {{ toRawJson .C.HelmVersion }}",
         "{\"version\":\"v4\\u003c1\",\"go_version\":\"go1\"} {\"version\":\"v4<1\",\"go_version\":\"go1\"}"),
        ("{{ toPrettyJson .C.HelmVersion }}", "{\n  \"version\": \"v4\\u003c1\",\n  \"go_version\": \"go1\"\n}"),
        ("{{ toYaml .C.KubeVersion }}", "Major: \"1\"\nMinor: \"30\"\nVersion: v1.30.2-gke.1"),
        ("{{ if .C.KubeVersion }}t{{ end }} {{ empty .C.KubeVersion }} {{ .C.APIVersions.Has \"apps/v1\" }} {{ len .C.APIVersions }}",
         "t false true 2"),
    ]

    func testTemplatesPrintStructsAsGo() throws {
        for (template, expected) in Self.cases {
            let set = TemplateSet()
            set.structs = ["C": Self.caps]
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: .map(["C": .null])), expected, template)
        }
    }

    /// Helm's `.Capabilities.APIVersions`: a `common.VersionSet`, a named `[]string`.
    static let versions = GoStruct(typeName: "common.VersionSet", underlying: .list([.string("v1"), .string("apps/v1")]))

    static let versionSetCases: [(template: String, expected: String)] = [
        ("{{ .V }}|{{ print .V }}|{{ printf \"%v %T\" .V .V }}", "[v1 apps/v1]|[v1 apps/v1]|[v1 apps/v1] common.VersionSet"),
        ("{{ typeOf .V }} {{ kindOf .V }} {{ kindIs \"slice\" .V }} {{ len .V }} {{ index .V 1 }}", "common.VersionSet slice true 2 apps/v1"),
        ("{{ range $i, $v := .V }}{{ $i }}={{ $v }};{{ end }}", "0=v1;1=apps/v1;"),
        ("{{ .V | toJson }} {{ has \"apps/v1\" .V }} {{ .V.Has \"apps/v1\" }} {{ .V.Has \"x\" }}", "[\"v1\",\"apps/v1\"] true true false"),
        ("{{ if .V }}non-empty{{ end }} {{ first .V }} {{ slice .V 1 | toJson }}", "non-empty v1 [\"apps/v1\"]"),
        ("{{ .C }}", "{[v1 apps/v1]}"),
    ]

    func testNamedSliceTypesBehaveAsTheirValues() throws {
        let holder = GoStruct(typeName: "*common.Capabilities", isPointer: true, fields: [.init("APIVersions", content: .structure(Self.versions))])
        for (template, expected) in Self.versionSetCases {
            let set = TemplateSet()
            set.structs = ["V": Self.versions, "C": holder]
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: .map(["V": .null, "C": .null])), expected, template)
        }
        let set = TemplateSet()
        set.structs = ["V": Self.versions]
        try set.parse(name: "t", text: "{{ .V.Foo }}")
        XCTAssertThrowsError(try set.execute(name: "t", data: .map([:]))) { error in
            XCTAssertEqual("\(error)", "template: t:1:5: executing \"t\" at <.V.Foo>: can't evaluate field Foo in type common.VersionSet")
        }
    }

    /// `deepCopy` copies a struct as copystructure does: unexported fields zeroed.
    func testDeepCopyKeepsTheStructType() throws {
        let cases: [(String, String)] = [
            ("{{ deepCopy .C.KubeVersion | typeOf }} {{ deepCopy .C.KubeVersion }}", "common.KubeVersion {v1.30.2-gke.1  1 30}"),
            ("{{ deepCopy .C | typeOf }} {{ (deepCopy .C.KubeVersion).GitVersion }}", "*common.Capabilities v1.30.2-gke.1"),
            ("{{ deepCopy .C.HelmVersion | toJson }}", "{\"version\":\"v4\\u003c1\",\"go_version\":\"go1\"}"),
            ("{{ deepCopy (semver \"1.2.3\") }} {{ (mustDeepCopy (semver \"1.2.3\")).Major }}", "0.0.0 0"),
        ]
        for (template, expected) in cases {
            let set = TemplateSet()
            set.structs = ["C": Self.caps]
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: .map(["C": .null])), expected, template)
        }
    }

    static let errors: [(template: String, message: String)] = [
        ("{{ .C.HelmVersion.String }}",
         "template: t:1:5: executing \"t\" at <.C.HelmVersion.String>: can't evaluate field String in type version.BuildInfo"),
        ("{{ range .C.KubeVersion }}{{ end }}",
         "template: t:1:11: executing \"t\" at <.C.KubeVersion>: range can't iterate over {v1.30.2-gke.1 v1.30.2 1 30}"),
        // A struct where a function declares a typed parameter is Go's conversion error.
        // A method's argument is converted as Go converts it, and reported there.
        ("{{ .C.APIVersions.Has 1 }}", "template: t:1:22: executing \"t\" at <1>: expected string; found 1"),
        ("{{ keys .C.KubeVersion }}",
         "template: t:1:10: executing \"t\" at <.C.KubeVersion>: wrong type for value; expected map[string]interface {}; got common.KubeVersion"),
        ("{{ .C.KubeVersion.normalizedVersion }}",
         "template: t:1:5: executing \"t\" at <.C.KubeVersion.normalizedVersion>: normalizedVersion is an unexported field of struct type common.KubeVersion"),
    ]

    func testErrorsNameTheStructType() throws {
        for (template, message) in Self.errors {
            let set = TemplateSet()
            set.structs = ["C": Self.caps]
            try set.parse(name: "t", text: template)
            XCTAssertThrowsError(try set.execute(name: "t", data: .map([:])), template) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    /// A struct whose plain-data view is costly (Helm's `.Files`, a map of byte slices) is made plain only when a
    /// template needs it: a field a map lacks (`.component` of a `dict` holding the top-level data) looks for a
    /// method of that name without copying the map, and finds none.
    func testAMissingFieldDoesNotMakeTheDataPlain() throws {
        final class Counter: @unchecked Sendable { var count = 0 }
        let made = Counter()
        let files = GoStruct(typeName: "engine.files", deferredUnderlying: {
            made.count += 1
            return .map(["a.txt": .list([.int(97)])])
        })
        let set = TemplateSet()
        set.structs = ["Files": files]
        set.methods = ["AsMap": { receiver, _ in receiver }]
        try set.parse(name: "t", text: """
            {{ $d := dict "context" . "name" "x" }}{{ if $d.component }}c{{ end }}{{ $d.name }}|{{ $d.context.V.k }}
            """)
        XCTAssertEqual(try set.execute(name: "t", data: .map(["Files": .null, "V": .map(["k": .string("v")])])), "x|v")
        XCTAssertEqual(made.count, 0)
        // A method does see the data (and the files' view) as plain data.
        try set.parse(name: "m", text: "{{ $d := dict \"context\" . }}{{ $d.AsMap.context.V.k }}")
        XCTAssertEqual(try set.execute(name: "m", data: .map(["Files": .null, "V": .map(["k": .string("v")])])), "v")
        XCTAssertEqual(made.count, 1)
    }
}
