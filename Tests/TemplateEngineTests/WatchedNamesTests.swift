import GoValues
import TemplateEngine
import XCTest

/// The parser notes the use of watched names (what the render asks before building `.Files`): as a field of dot,
/// of a variable or of a chain, as a string literal, or through a function that executes template text.
final class WatchedNamesTests: XCTestCase {
    private func uses(_ texts: [String], watching names: [String] = ["Files"], library: FunctionLibrary? = nil) throws -> Bool {
        var plain = FunctionLibrary()
        plain.register("get", { _ in .null })
        plain.register("run", engine: .executesText)
        let set = TemplateSet(library: library ?? plain)
        set.watchedNames = names
        for (index, text) in texts.enumerated() { try set.parse(name: "t\(index)", text: text) }
        return set.usesWatchedNames
    }

    func testFieldsVariablesChainsAndLiteralsAreUses() throws {
        XCTAssertTrue(try uses(["{{ .Files.Get \"a\" }}"]))
        XCTAssertTrue(try uses(["{{ $.Files }}"]))
        XCTAssertTrue(try uses(["{{ $x := $ }}{{ $x.a.Files }}"]))
        XCTAssertTrue(try uses(["{{ (.a).Files }}"]))
        XCTAssertTrue(try uses(["{{ get $ \"Files\" }}"]))
        XCTAssertTrue(try uses(["{{ define \"d\" }}{{ .Files }}{{ end }}"]))
        XCTAssertTrue(try uses(["{{ .a }}", "{{ .Files }}"]), "any parsed text counts")
    }

    func testTextExecutionCountsAsEveryName() throws {
        XCTAssertTrue(try uses(["{{ run .Values.t . }}"]))
        XCTAssertFalse(try uses(["{{ run .Values.t . }}"], watching: []), "nothing watched, nothing noted")
    }

    func testOtherMentionsAreNotUses() throws {
        XCTAssertFalse(try uses(["Files: {{ .a.b }}"]), "text outside actions")
        XCTAssertFalse(try uses(["{{/* .Files */}}{{ .FilesList }}"]), "comments and other names")
        XCTAssertFalse(try uses(["{{ get $ \"Files.Get\" }}"]))
        XCTAssertFalse(try uses(["{{ .Files }}"], watching: ["Capabilities"]))
    }
}
