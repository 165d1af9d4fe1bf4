import TemplateEngine
import HelmFunctions
import XCTest
import YAML

/// `%#v` (Go syntax) of structs: the type, then `Field:value` pairs with values in Go syntax;
/// `&` for a pointer. Expectations: Helm v4.1.4 printing `.Capabilities` the same way.
final class GoSyntaxPrintTests: XCTestCase {
    static let kube = GoStruct(
        typeName: "common.KubeVersion",
        fields: [
            .init("Version", .string("v1.35.0")), .init("normalizedVersion", .string("v1.35.0")),
            .init("Major", .string("1")), .init("Minor", .string("35")),
        ],
        stringer: "v1.35.0")
    static let build = GoStruct(
        typeName: "version.BuildInfo",
        fields: [.init("Version", .string("v4.1.4"), jsonKey: "version"), .init("GoVersion", .string("go1.25.9"), jsonKey: "go_version")])
    static let caps = GoStruct(
        typeName: "*common.Capabilities", isPointer: true,
        fields: [.init("KubeVersion", content: .structure(kube)), .init("HelmVersion", content: .structure(build))])

    static let cases: [(template: String, expected: String)] = [
        ("{{ printf \"%#v\" .C.KubeVersion }}",
         "common.KubeVersion{Version:\"v1.35.0\", normalizedVersion:\"v1.35.0\", Major:\"1\", Minor:\"35\"}"),
        ("{{ printf \"%#v\" .C }}",
         "&common.Capabilities{KubeVersion:common.KubeVersion{Version:\"v1.35.0\", normalizedVersion:\"v1.35.0\", Major:\"1\", Minor:\"35\"}, "
            + "HelmVersion:version.BuildInfo{Version:\"v4.1.4\", GoVersion:\"go1.25.9\"}}"),
        ("{{ printf \"%+v|%v\" .C.KubeVersion .C.KubeVersion }}",
         "{Version:v1.35.0 normalizedVersion:v1.35.0 Major:1 Minor:35}|{v1.35.0 v1.35.0 1 35}"),
    ]

    func testStructsInGoSyntax() throws {
        for (template, expected) in Self.cases {
            let set = TemplateSet()
            set.structs = ["C": Self.caps]
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: .map(["C": .null])), expected, template)
        }
    }
}
