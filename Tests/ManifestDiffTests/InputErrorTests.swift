import Foundation
import XCTest
import Diagnostics

@testable import ManifestDiff
import TestSupport
import YAML

/// Bad input: one clear line with the position.
final class InputErrorTests: XCTestCase {
    func testErrorsOnParse() {
        let table: [(String, String, String)] = [
            ("not YAML", "a: [1, 2\nb: c\n", "x.yaml:2:2: yaml: did not find expected ',' or ']'"),
            ("plain text", "hello world\n", "x.yaml:1:1: expected a Kubernetes resource (a map with apiVersion, kind and metadata.name), found a string"),
            ("no kind", "apiVersion: v1\nmetadata: {name: a}\n", "x.yaml:1:1: missing \"kind\": not a Kubernetes resource"),
            ("no name", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n", "x.yaml:3:11: metadata.: missing \"name\": not a Kubernetes resource"),
            ("name not a string", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [a]}\n", "x.yaml:3:18: metadata.name: \"name\" must be a non-empty string, found a list"),
            ("duplicate key", "apiVersion: v1\napiVersion: v2\n", "x.yaml:2:1: yaml: duplicate key \"apiVersion\" in mapping"),
        ]
        for (name, text, message) in table {
            XCTAssertThrowsError(try ManifestSource.parse(bytes: Array(text.utf8), file: "x.yaml"), name) { error in
                XCTAssertEqual("\(error)", message, name)
            }
        }
    }

    func testDuplicateResourceNamesBothLocations() throws {
        let docs = try Fixtures.parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: b}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a, namespace: vald}
            """, file: "dup.yaml")
        XCTAssertThrowsError(try ManifestDiffer.diff(old: [], new: docs)) { error in
            XCTAssertEqual("\(error)", "dup.yaml:9:1: duplicate resource ConfigMap vald/a in the new release (first defined at dup.yaml:1:1)")
        }
    }

    func testUnreadablePaths() {
        XCTAssertThrowsError(try ManifestSource.load(path: "/nonexistent/manifests.yaml")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/manifests.yaml: no such file or directory")
        }
    }

    func testInvalidIgnorePath() {
        XCTAssertThrowsError(try ManifestDiffer.diff(old: [], new: [], options: DiffOptions(ignorePaths: ["spec..x"]))) { error in
            XCTAssertTrue("\(error)".hasPrefix("spec..x: invalid field path"), "\(error)")
        }
    }

    func testStandardInputIsInjectable() throws {
        let docs = try ManifestSource.load(path: "-", namespace: "ns") { () throws(InputError) -> [UInt8] in
            Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-stdin}\n".utf8)
        }
        XCTAssertEqual(docs.map(\.id), [ResourceID(group: "", kind: "ConfigMap", namespace: "ns", name: "from-stdin")])
        XCTAssertEqual(docs.first?.mark?.file, "-")
        XCTAssertThrowsError(try ManifestSource.load(path: "-") { () throws(InputError) -> [UInt8] in Array("{".utf8) }) { error in
            XCTAssertTrue("\(error)".hasPrefix("<stdin>:"), "\(error)")
        }
    }

    func testDirectoryIsReadRecursivelyInSortedOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("manifestdiff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n")
        try write("a.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a2}\n")
        try write("sub/c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
        try write("notes.txt", "not a manifest")
        let docs = try ManifestSource.load(path: dir.path, namespace: "vald")
        XCTAssertEqual(docs.map(\.id.name), ["a", "a2", "b", "c"])
        XCTAssertEqual(docs.last?.mark?.file, dir.path + "/sub/c.yaml")
    }
}

final class LoadPairTests: XCTestCase {
    func testPairEqualsLoadingEachSide() throws {
        let pair = try ManifestSource.loadPair(
            old: Fixtures.path("vald-policies.yaml"), new: Fixtures.path("vald-policies-overlay.yaml"), namespace: "vald")
        XCTAssertEqual(pair.old.map(\.id), try Fixtures.load("vald-policies.yaml").map(\.id))
        XCTAssertEqual(pair.new.map(\.id), try Fixtures.load("vald-policies-overlay.yaml").map(\.id))
        XCTAssertEqual(pair.old.first?.mark?.file, Fixtures.path("vald-policies.yaml"))
    }

    /// The loaded documents keep no text of a regular file: each tree is parsed from the file again when asked for,
    /// as the whole file's parse gives it (a text both sides hold has the old file's tree, at its own position), for
    /// texts both sides hold and for those one side holds alone; policies' objects were read while loading.
    func testTreesAreReadAgainFromTheFiles() throws {
        let scratch = try ScratchDirectory("pair-texts")
        let policy = { (name: String, port: Int) in
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: \(name)\nspec:\n  podSelector: {}\n"
                + "  ingress:\n    - ports: [{port: \(port)}]\n"
        }
        let config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: v}\n"
        let oldText = "---\n" + policy("a", 80) + "---\n" + config + "---\n" + policy("b", 81)
        let newText = "---\n" + policy("a", 80) + "---\n" + config + "---\n" + policy("b", 82)
        let oldPath = try scratch.write("old.yaml", oldText), newPath = try scratch.write("new.yaml", newText)
        let pair = try ManifestSource.loadPair(old: oldPath, new: newPath, namespace: "ns")
        for (documents, path, text) in [(pair.old, oldPath, oldText), (pair.new, newPath, newText)] {
            let whole = try YAMLParser().parseAll(bytes: Array(text.utf8), file: path)
            XCTAssertEqual(documents.count, 3)
            for (document, tree) in zip(documents, whole) {
                XCTAssertEqual(document.node.toValue(), tree.toValue())
                XCTAssertEqual(document.mark, tree.mark)
            }
            // Objects are read while loading for the kinds connectivity reads only.
            XCTAssertEqual(documents.map { $0.objects?.policies.count }, [1, nil, 1])
        }
        XCTAssertEqual(pair.new[2].objects?.policies.first?.ingress?.first?.ports?.first?.port, .number(82))
    }

    func testStandardInputOnOneSide() throws {
        let pair = try ManifestSource.loadPair(old: "-", new: Fixtures.path("app-new.yaml"), namespace: "ns") { () throws(InputError) -> [UInt8] in
            Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: piped}\n".utf8)
        }
        XCTAssertEqual(pair.old.map(\.id.name), ["piped"])
        XCTAssertEqual(pair.new.count, 3)
    }

    func testErrorsOfTheOldSideComeFirst() {
        XCTAssertThrowsError(try ManifestSource.loadPair(old: "/nonexistent/a", new: "/nonexistent/b")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/a: no such file or directory")
        }
        XCTAssertThrowsError(try ManifestSource.loadPair(old: "-", new: "-") { () throws(InputError) -> [UInt8] in [] }) { error in
            XCTAssertEqual("\(error)", "-: only one side can be read from standard input")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pair-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: dir) }
        try? "a: [\n".write(to: dir, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ManifestSource.loadPair(old: Fixtures.path("app-old.yaml"), new: dir.path)) { error in
            XCTAssertTrue("\(error)".hasPrefix(dir.path + ":2:1: yaml:"), "\(error)")
        }
    }
}
