import Foundation
import XCTest

/// The library's example (`Examples/RenderAndVerify`, built with the tests as the `render-and-verify` executable):
/// it runs, renders the policies and verifies them, and the DocC article shows its code as it is.
final class LibraryExampleTests: XCTestCase {
    static var example: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("render-and-verify") }

    func testExampleRendersAndVerifies() throws {
        let result = try CLI.run([], executable: Self.example)
        XCTAssertEqual(result.status, 0, result.stderr)
        // The same policies as the command line renders from the same values.
        let values = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/RenderAndVerify/main.swift"), encoding: .utf8)
        let yaml = try XCTUnwrap(values.components(separatedBy: "\"\"\"").dropFirst().first)
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(4) }.joined(separator: "\n")
        let cli = try CLI.run(["render", "-f", "-", "-n", "shop"], stdin: yaml)
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(cli.stdout), "the example's policies differ from meshrender render's")
        XCTAssertEqual(cli.stdout.components(separatedBy: "kind: NetworkPolicy").count - 1, 3)
        XCTAssertTrue(result.stdout.hasSuffix(
            "# components: api, db, web; edges: 2\n# verified: effective connectivity equals the intended one (56 flows)\n"), result.stdout)
    }

    func testTheArticleShowsTheExampleAsItIs() throws {
        let source = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/RenderAndVerify/main.swift"), encoding: .utf8)
        let article = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Sources/MeshRender/MeshRender.docc/RenderAndVerify.md"), encoding: .utf8)
        let code = String(source[try XCTUnwrap(source.range(of: "import MeshRender")).lowerBound...])
        XCTAssertTrue(article.contains("```swift\n" + code + "```"), "RenderAndVerify.md must show Examples/RenderAndVerify/main.swift")
    }
}
