import XCTest
import YAML
@testable import TemplateEngine
import HelmFunctions

/// Parsing many files at once (``TemplateSet/parse(files:)``, on every core past a size) gives the
/// set that parsing them one by one gives, and the error of the first failing file in order.
final class ParseFilesTests: XCTestCase {
    /// Enough files and text that the parse runs on several threads.
    private func files(failingAt failing: Set<Int> = []) -> [(name: String, text: String)] {
        let padding = String(repeating: "x", count: TemplateSet.bytesPerParseWorker / 8)
        return (0..<24).map { i in
            let body = failing.contains(i) ? "{{ if }}" : "{{ define \"shared\" }}from \(i){{ end }}{{ define \"own\(i)\" }}\(i){{ end }}"
            return ("t\(i)", padding + body + "{{ template \"shared\" }}")
        }
    }

    func testLaterDefinitionWinsAsInSequence() throws {
        let together = TemplateSet(), oneByOne = TemplateSet()
        try together.parse(files: files())
        for file in files() { try oneByOne.parse(name: file.name, text: file.text) }
        XCTAssertEqual(together.templateNames, oneByOne.templateNames)
        XCTAssertEqual(try together.execute(name: "t0", data: .null).suffix(7), "from 23")
        XCTAssertEqual(try together.execute(name: "own5", data: .null), "5")
    }

    func testFirstFailingFileInOrderIsReported() {
        XCTAssertThrowsError(try TemplateSet().parse(files: files(failingAt: [17, 3, 20]))) { error in
            XCTAssertTrue("\(error)".hasPrefix("template: t3:1: "), "\(error)")
        }
    }

    /// `range` over a map sorts its keys once and keeps them until the map changes.
    func testRangeSeesKeysAddedSinceTheLastRange() throws {
        let set = TemplateSet()
        try set.parse(name: "r", text: """
            {{- $d := dict "b" 1 "é" 2 "Z" 3 }}{{ range $k, $_ := $d }}{{ $k }}{{ end }}|\
            {{- range $k, $_ := $d }}{{ $k }}{{ end }}|\
            {{- $_ := set $d "a" 4 }}{{ range $k, $_ := $d }}{{ $k }}{{ end }}|\
            {{- $_ := unset $d "b" }}{{ range $k, $_ := $d }}{{ $k }}{{ end }}
            """)
        XCTAssertEqual(try set.execute(name: "r", data: .null), "Zbé|Zbé|Zabé|Zaé")
    }
}
