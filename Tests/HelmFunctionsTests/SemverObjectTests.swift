import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// `semver` returns Masterminds' `*semver.Version`: its methods read as fields, and it prints and
/// serialises as its normalised `String()`. Expectations are Helm v4.1.4's output.
final class SemverObjectTests: XCTestCase {
    static let cases: [(template: String, expected: String)] = [
        (#"{{ semver "1.2.3-rc.1+meta" }}"#, "1.2.3-rc.1+meta"),
        (#"{{ semver "v1.2" }}|{{ semver "1" | toString }}|{{ semver "v2" | quote }}"#, "1.2.0|1.0.0|\"2.0.0\""),
        (#"{{ typeOf (semver "1.2.3") }} {{ kindOf (semver "1.2.3") }} {{ semver "v1.2.3" | toJson }}"#, "*semver.Version ptr \"1.2.3\""),
        (#"{{ (semver "v1.30.2-gke.1").Minor }} {{ (semver "1.2.3-rc.1+b").Prerelease }} {{ (semver "v1.2.3").Original }}"#, "30 rc.1 v1.2.3"),
        (#"{{ with semver "4.5.6" }}{{ .Major }}.{{ .Minor }}{{ end }} {{ dict "v" (semver "3.2.1") | toJson }}"#, "4.5 {\"v\":\"3.2.1\"}"),
        (#"{{ printf "%v|%s|%T" (semver "1.2.3-a") (semver "1") (semver "1") }}"#, "1.2.3-a|1.0.0|*semver.Version"),
    ]

    func testSemverIsAVersionObject() throws {
        for (template, expected) in Self.cases {
            let set = TemplateSet()
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: .map([:])), expected, template)
        }
        let set = TemplateSet()
        try set.parse(name: "t", text: #"{{ semver "x" }}"#)
        XCTAssertThrowsError(try set.execute(name: "t", data: .map([:]))) { error in
            XCTAssertTrue("\(error)".hasSuffix("error calling semver: invalid semantic version"), "\(error)")
        }
    }
}
