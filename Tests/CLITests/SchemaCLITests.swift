import XCTest

/// `values.schema.json` and release names on the command line: one line on stderr (starting with
/// where the offending value was written), exit status 2, nothing on stdout.
final class SchemaCLITests: XCTestCase {
    static let parity = "Tests/MeshRenderTests/Fixtures/parity"

    func testSchemaViolationIsOneLineAtTheValue() throws {
        let chart = "\(Self.parity)/schema-null-vs-string/chart"
        let result = try CLI.run(["render", chart])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        // The first violation is about the whole values map: it starts at 1:1.
        XCTAssertTrue(
            result.stderr.hasSuffix(
                "\(chart)/values.yaml:1:1: values don't meet the specifications of the schema(s) in the following chart(s): app: - at '': missing property 'name' - at '/policy': got null, want string\n"),
            result.stderr)
    }

    func testSetValuesAreCheckedToo() throws {
        let chart = "\(Self.parity)/schema-keywords-array/chart"
        let result = try CLI.run(["render", chart, "--set", "tags={x}", "--set", "server.port=7"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasSuffix("app: - at '/server/port': multipleOf: got 7, want 2\n"), result.stderr)
    }

    func testSkipSchemaValidationRenders() throws {
        let result = try CLI.run(["render", "\(Self.parity)/schema-null-vs-string/chart", "--skip-schema-validation"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("kind: ConfigMap"))
    }

    func testBadSchemaNamesTheSchemaFile() throws {
        let chart = "\(Self.parity)/schema-invalid-json/chart"
        let result = try CLI.run(["render", chart])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(chart)/values.schema.json:3:1: "), result.stderr)
    }

    func testReleaseNameIsHelms() throws {
        for name in ["Bad Name", "web_1", "web-", "a..b", String(repeating: "a", count: 54)] {
            let result = try CLI.run(["render", "\(Self.parity)/release-name-dots/chart", "--release", name])
            XCTAssertEqual(result.status, 2, name)
            XCTAssertTrue(result.stderr.hasPrefix("release name check failed: release name "), result.stderr)
        }
        let ok = try CLI.run(["render", "\(Self.parity)/release-name-dots/chart", "--release", String(repeating: "a", count: 53)])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }
}
