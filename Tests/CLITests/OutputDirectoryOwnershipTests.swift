import Foundation
import XCTest

/// `render --output-dir`: the directory holds exactly the last render's files, an earlier render's are replaced at
/// once, and a directory holding files meshrender did not write is refused unless `--force`.
final class OutputDirectoryOwnershipTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("mr-own-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    private func listing(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testAReusedDirectoryHoldsOnlyTheLastRender() throws {
        let out = work.appendingPathComponent("out")
        let vald = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", out.path])
        XCTAssertEqual(vald.status, 0, vald.stderr)
        XCTAssertEqual(try listing(out).count, 6)
        let marker = try String(contentsOf: out.appendingPathComponent(".meshrender-output"), encoding: .utf8)
        XCTAssertTrue(marker.hasSuffix("networkpolicy-vald-lb-gateway-allow.yaml\nnetworkpolicy-vald-manager-index-allow.yaml\n"), marker)
        // Another mesh into the same directory: Vald's policies are gone (kubectl apply -f out/ would apply them).
        let nginx = try CLI.run(["render", "-f", "values/nginx.yaml", "-n", "web", "--output-dir", out.path])
        XCTAssertEqual(nginx.status, 0, nginx.stderr)
        let expected = try CLI.run(["render", "-f", "values/nginx.yaml", "-n", "web", "--output-dir", work.appendingPathComponent("fresh").path])
        XCTAssertEqual(expected.status, 0)
        XCTAssertEqual(try listing(out), try listing(work.appendingPathComponent("fresh")))
        XCTAssertFalse(try listing(out).contains { $0.contains("vald") })
        // Nothing is left beside the directory.
        XCTAssertEqual(try listing(work), ["fresh", "out"])
    }

    func testADirectoryWithOtherFilesIsRefusedUnlessForced() throws {
        let out = work.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("keep\n".utf8).write(to: out.appendingPathComponent("sub/notes.txt"))
        let refused = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", out.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(
            refused.stderr,
            "\(out.path): holds files meshrender did not write (sub/notes.txt); give a new or empty directory, or --force to replace it whole\n")
        XCTAssertEqual(try listing(out), ["sub"])
        // A file an earlier render listed does not make a directory foreign; one it did not list does.
        let owned = work.appendingPathComponent("owned")
        XCTAssertEqual(try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", owned.path]).status, 0)
        try Data("x\n".utf8).write(to: owned.appendingPathComponent("extra.yaml"))
        XCTAssertEqual(try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", owned.path]).status, 2)
        XCTAssertTrue(try listing(owned).contains("extra.yaml"))

        let forced = try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", out.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertFalse(try listing(out).contains("sub"))
        XCTAssertEqual(try listing(out).count, 6)
    }

    func testForceNeverReplacesTheWorkingOrHomeDirectory() throws {
        let project = work.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data("keep\n".utf8).write(to: project.appendingPathComponent("src/main.go"))
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("values"), to: project.appendingPathComponent("values"))
        for target in [".", project.path, work.path] {
            let refused = try CLI.run(
                ["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", target, "--force"], directory: project)
            XCTAssertEqual(refused.status, 2, target)
            XCTAssertEqual(refused.stdout, "")
            XCTAssertEqual(refused.stderr, "\(target): --force never replaces the working directory or one above it whole; give a directory of its own\n")
        }
        let home = try CLI.run(
            ["render", "-f", project.appendingPathComponent("values/vald.yaml").path, "-n", "vald", "--output-dir", project.path, "--force"],
            environment: ["HOME": project.path], directory: work)
        XCTAssertEqual(home.status, 2)
        XCTAssertTrue(home.stderr.contains("never replaces the home directory whole"), home.stderr)
        XCTAssertEqual(try String(contentsOf: project.appendingPathComponent("src/main.go"), encoding: .utf8), "keep\n")
    }

    func testAnEmptyDirectoryIsTaken() throws {
        let out = work.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        XCTAssertEqual(try CLI.run(["render", "-f", "values/vald.yaml", "-n", "vald", "--output-dir", out.path]).status, 0)
        XCTAssertEqual(try listing(out).count, 6)
    }

    func testTemplateKeepsHelmsBehaviour() throws {
        // `template --output-dir` writes into the directory as helm does: other files stay, no list is written.
        let out = work.appendingPathComponent("helm")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let result = try CLI.run(["template", "web", TemplateCLITests.chart, "--output-dir", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try listing(out).contains("notes.txt"))
        XCTAssertFalse(try listing(out).contains(".meshrender-output"))
    }
}
