import TemplateEngine
import HelmFunctions
import XCTest

@testable import Charts
@testable import MeshRender

/// `.Files` and its glob syntax (cases checked against helm 4.1.4).
final class FilesObjectTests: XCTestCase {
    func testGlobSyntax() {
        let cases: [(String, String, Bool)] = [
            ("config/*", "config/a.txt", true), ("config/*", "config/sub/a.txt", false),
            ("config/**", "config/sub/a.txt", true), ("**.txt", "a/b/c.txt", true),
            ("{notes,config/*}.{txt,json}", "notes.txt", true), ("{notes,config/*}.{txt,json}", "config/s.json", true),
            ("{notes,config/*}.{txt,json}", "config/s.yaml", false), ("file?.txt", "file1.txt", true),
            ("file?.txt", "file/.txt", false), ("[a-c]*", "b.txt", true), ("[!a-c]*", "b.txt", false), ("\\*", "*", true),
        ]
        for (pattern, path, expected) in cases {
            XCTAssertEqual(FilesGlob(pattern)?.matches(path), expected, "\(pattern) ~ \(path)")
        }
        XCTAssertNil(FilesGlob("[abc"))
        XCTAssertNil(FilesGlob("{a,b"))
    }

    func testMethodsThroughATemplate() throws {
        let files: [String: [UInt8]] = [
            "conf/a.properties": Array("a=1\n".utf8), "conf/b.json": Array("{}".utf8), "notes.txt": Array("x\ny\n".utf8),
        ]
        let set = TemplateSet()
        set.structs = ["Files": FilesObject.make(files.mapValues(ChartFile.bytes))]
        try set.parse(name: "t", text: """
            {{ .Files.Get "notes.txt" | quote }} {{ .Files.Get "none" | quote }} {{ .Files.Lines "notes.txt" }} \
            {{ .Files.GetBytes "conf/b.json" }} {{ len (.Files.Glob "conf/*") }} {{ typeOf .Files }} \
            {{ (.Files.Glob "conf/*").AsConfig | quote }} {{ (.Files.Glob "*.txt").AsSecrets }}
            """)
        XCTAssertEqual(
            try set.execute(name: "t", data: .map([:])),
            #""x\ny\n" "" [x y] [123 125] 2 engine.files "a.properties: |\n  a=1\nb.json: '{}'" notes.txt: eAp5Cg=="#)
        XCTAssertThrowsError(try { try set.parse(name: "u", text: "{{ .Files.Get 1 }}"); return try set.execute(name: "u", data: .map([:])) }()) { error in
            XCTAssertTrue("\(error)".hasSuffix("expected string; found 1"), "\(error)")
        }
    }
}
