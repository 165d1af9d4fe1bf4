import XCTest

@testable import MeshRenderCLI

/// `helm template`'s command line read as Helm's flag library reads it.
final class TemplateArgumentsTests: XCTestCase {
    func testEverySpellingOfAValueFlag() throws {
        for words in [["-n", "prod"], ["-nprod"], ["-n=prod"], ["--namespace", "prod"], ["--namespace=prod"]] {
            let parsed = try TemplateArguments(parsing: ["web"] + words + ["chart"])
            XCTAssertEqual(parsed.positionals, ["web", "chart"], "\(words)")
            XCTAssertEqual(parsed.last("namespace"), "prod", "\(words)")
        }
        XCTAssertEqual(try TemplateArguments(parsing: ["-n="]).last("namespace"), "=")
    }

    func testBooleansGroupedAndExplicit() throws {
        let grouped = try TemplateArguments(parsing: ["-gs", "templates/a.yaml", "chart"])
        XCTAssertTrue(grouped.isSet("generate-name"))
        XCTAssertEqual(grouped.all("show-only"), ["templates/a.yaml"])
        XCTAssertEqual(grouped.positionals, ["chart"])
        let explicit = try TemplateArguments(parsing: ["--include-crds=false", "--skip-tests=T", "-g=0", "--is-upgrade", "--is-upgrade=f"])
        XCTAssertFalse(explicit.isSet("include-crds"))
        XCTAssertTrue(explicit.has("include-crds"))
        XCTAssertTrue(explicit.isSet("skip-tests"))
        XCTAssertFalse(explicit.isSet("generate-name"))
        XCTAssertFalse(explicit.isSet("is-upgrade"), "the last occurrence wins")
    }

    func testSliceFlagsSplitAtCommasArrayFlagsDoNot() throws {
        let parsed = try TemplateArguments(parsing: [
            "-f", "a.yaml,b.yaml", "--values", "\"c,d.yaml\",e.yaml", "-a", "x/v1,y/v1", "--set", "a=1,b=2", "--set-file", "k=f,g=h",
        ])
        XCTAssertEqual(parsed.all("values"), ["a.yaml", "b.yaml", "c,d.yaml", "e.yaml"])
        XCTAssertEqual(parsed.all("api-versions"), ["x/v1", "y/v1"])
        XCTAssertEqual(parsed.all("set"), ["a=1,b=2"])
        XCTAssertEqual(parsed.all("set-file"), ["k=f,g=h"])
    }

    func testDoubleDashEndsTheFlagsAndOptionalValues() throws {
        let parsed = try TemplateArguments(parsing: ["--dry-run", "web", "--", "-chart", "--include-crds"])
        XCTAssertEqual(parsed.last("dry-run"), "unset")
        XCTAssertEqual(parsed.positionals, ["web", "-chart", "--include-crds"])
        XCTAssertFalse(parsed.has("include-crds"))
        XCTAssertEqual(try TemplateArguments(parsing: ["--dry-run=client"]).last("dry-run"), "client")
        XCTAssertEqual(try TemplateArguments(parsing: ["-", "chart"]).positionals, ["-", "chart"])
    }

    func testTheChartAndValuesFilesAreReadAhead() {
        let cases: [([String], String?, [String])] = [
            (["template", "web", "./chart", "-f", "a.yaml,b.yaml", "--include-crds"], "./chart", ["a.yaml", "b.yaml"]),
            (["template", "--include-crds", "./chart", "--values=c.yaml"], "./chart", ["c.yaml"]),
            (["template", "-g", "-nprod", "./chart"], "./chart", []),
        ]
        for (arguments, chart, files) in cases {
            let inputs = RenderInputsHint.templateInputs(in: arguments)
            XCTAssertEqual(inputs?.chart, chart, "\(arguments)")
            XCTAssertEqual(inputs?.valuesFiles, files, "\(arguments)")
        }
        XCTAssertNil(RenderInputsHint.templateInputs(in: ["template", "--help", "chart"]))
        XCTAssertNil(RenderInputsHint.templateInputs(in: ["template"]))
        XCTAssertNil(RenderInputsHint.templateInputs(in: ["template", "a", "b", "c"]))
        XCTAssertNil(RenderInputsHint.templateInputs(in: ["template", "chart", "--bogus"]))
    }
}
