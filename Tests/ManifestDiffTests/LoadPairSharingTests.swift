import Foundation
import TestSupport
import XCTest
import Diagnostics
import YAML

@testable import ManifestDiff

/// `loadPair` parses a text both releases hold once; what it returns equals loading each side alone.
final class LoadPairSharingTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        scratch = try ScratchDirectory("share")
    }

    override func tearDown() {
        scratch = nil
    }

    func write(_ name: String, _ text: String) throws -> String {
        try scratch.write(name, text)
    }

    func marks(_ node: Node) -> [String] { nodeMarks(node) }

    func assertSameAsSeparateLoads(_ oldPath: String, _ newPath: String, shared expected: Int? = nil, line: UInt = #line) throws {
        let pair = try ManifestSource.loadPair(old: oldPath, new: newPath, namespace: "ns")
        let old = try ManifestSource.load(path: oldPath, namespace: "ns")
        let new = try ManifestSource.load(path: newPath, namespace: "ns")
        for (side, (got, want)) in [(pair.old, old), (pair.new, new)].enumerated() {
            XCTAssertEqual(got.map(\.id), want.map(\.id), line: line)
            XCTAssertEqual(got.map { $0.mark.map { "\($0)" } ?? "-" }, want.map { $0.mark.map { "\($0)" } ?? "-" }, line: line)
            for (g, w) in zip(got, want) {
                XCTAssertEqual(g.node.toValue(), w.node.toValue(), line: line)
                // A shared tree keeps the old file's inner marks; everything else is marked exactly as alone.
                if side == 0 || g.sharedText == nil {
                    XCTAssertEqual(marks(g.node), marks(w.node), "\(g.id)", line: line)
                }
            }
        }
        if let expected {
            XCTAssertEqual(pair.new.filter { $0.sharedText != nil }.count, expected, line: line)
        }
        // The diff is the same either way.
        let viaPair = DiffWriter.json.render(try ManifestDiffer.diff(old: pair.old, new: pair.new))
        XCTAssertEqual(viaPair, DiffWriter.json.render(try ManifestDiffer.diff(old: old, new: new)), line: line)
    }

    func testFixturePairs() throws {
        // One of five policies is unchanged: its text is parsed once, the other four on each side.
        try assertSameAsSeparateLoads(Fixtures.path("vald-policies.yaml"), Fixtures.path("vald-policies-overlay.yaml"), shared: 1)
        try assertSameAsSeparateLoads(Fixtures.path("vald-policies.yaml"), Fixtures.path("vald-policies.yaml"), shared: 5)
        try assertSameAsSeparateLoads(Fixtures.path("vald-policies.yaml"), Fixtures.path("vald-policies-reformatted.yaml"), shared: 0)
        try assertSameAsSeparateLoads(Fixtures.path("app-old.yaml"), Fixtures.path("app-new.yaml"))
    }

    func testMovedAndReorderedDocumentsKeepTheirOwnPositions() throws {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: v\n"
        let c = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
        let d = "apiVersion: v1\nkind: Secret\nmetadata: {name: d}\n"
        let old = try write("old.yaml", "# header\n---\n" + a + "---\n" + b + "---\n" + c + "---\n" + d)
        let new = try write("new.yaml", "---\n" + c + "---\n# moved\n\n" + b + "---\n" + a.replacingOccurrences(of: "name: a", with: "name: a2") + "---\n" + d)
        try assertSameAsSeparateLoads(old, new, shared: 2)
        let pair = try ManifestSource.loadPair(old: old, new: new)
        XCTAssertEqual(pair.new.map { "\($0.id.name)@\($0.mark.map { "\($0)" } ?? "")" },
                       ["c@\(new):2:1", "b@\(new):8:1", "a2@\(new):15:1", "d@\(new):19:1"])
    }

    func testDuplicateOfASharedTextIsReportedAtNewPositions() throws {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
        let old = try write("old.yaml", "---\n" + a + "---\n" + b)
        let new = try write("new.yaml", "---\n" + a + "---\n" + b + "---\n" + a)
        let pair = try ManifestSource.loadPair(old: old, new: new)
        XCTAssertThrowsError(try ManifestDiffer.diff(old: pair.old, new: pair.new)) { error in
            XCTAssertEqual("\(error)", "\(new):10:1: duplicate resource ConfigMap a in the new release (first defined at \(new):2:1)")
        }
    }

    func testStreamsTheCutCannotHandleAreParsedWhole() throws {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        // Directives, end markers, and line breaks libyaml counts but a cut at LF would not (a lone CR, NEL, LS, PS).
        let breaks = ["\r", "\u{85}", "\u{2028}", "\u{2029}"].map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {k: \"x\($0)y\"}\n" }
        for text in ["%YAML 1.1\n---\n" + a, a + "...\n---\n" + a.replacingOccurrences(of: "name: a", with: "name: z"), "--- \n" + a, a]
            + breaks.map({ "---\n" + $0 + "---\n" + a })
        {
            let old = try write("old.yaml", text)
            let new = try write("new.yaml", text + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n")
            try assertSameAsSeparateLoads(old, new)
        }
    }

    func testEmptyDocumentsAndBlockScalarsAlign() throws {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  script: |\n    echo ---\n    ---x\n"
        let old = try write("old.yaml", "---\n---\n" + a + "---\n# only a comment\n---\n")
        let new = try write("new.yaml", "# lead\n---\n" + a + "---\n")
        try assertSameAsSeparateLoads(old, new, shared: 1)
    }

    func testGeneratedMesh() throws {
        let mesh = MeshManifests(components: 200, degree: 3)
        let old = try write("old.yaml", mesh.render())
        let new = try write("new.yaml", mesh.perturbed(fraction: 0.02).render())
        try assertSameAsSeparateLoads(old, new)
        let pair = try ManifestSource.loadPair(old: old, new: new)
        XCTAssertGreaterThan(pair.new.filter { $0.sharedText != nil }.count, 150)
    }

    /// Errors are reported as loading each side alone reports them, wherever the document sits and whether or
    /// not both sides hold its text.
    func testErrorsAreThoseOfLoadingEachSideAlone() throws {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
        let badYAML = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [c}\n"
        let duplicateKey = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata:\n  k: 1\n  k: 2\n"
        let yesKey = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: e}\ndata:\n  yes: 1\n  \"true\": 2\n"
        let notAResource = "- just a list\n"
        let nested = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\ndata:\n  x: {~: {a: 1, a: 2}}\n"
        // (old text, new text, the side whose error is expected)
        let cases: [(String, String, String)] = [
            // An error in a text only the new side holds, after shared ones: the new file's line.
            ("---\n" + a + "---\n" + b, "---\n" + a + "---\n" + b + "---\n" + badYAML, "new"),
            // The same broken text on both sides: the old side's error.
            ("---\n" + a + "---\n" + duplicateKey, "---\n" + a + "---\n" + duplicateKey, "old"),
            ("---\n" + yesKey + "---\n" + a, "---\n" + yesKey + "---\n" + a, "old"),
            ("---\n" + a + "---\n" + nested, "---\n" + a + "---\n" + nested, "old"),
            ("---\n" + a + "---\n" + notAResource, "---\n" + a + "---\n" + notAResource, "old"),
            // A document that is not a resource before a YAML error: the YAML error, as for the whole file.
            ("---\n" + a, "---\n" + notAResource + "---\n" + a + "---\n" + badYAML, "new"),
            ("---\n" + notAResource + "---\n" + a + "---\n" + duplicateKey, "---\n" + a, "old"),
        ]
        for (i, (oldText, newText, side)) in cases.enumerated() {
            let old = try write("old-\(i).yaml", oldText)
            let new = try write("new-\(i).yaml", newText)
            var expected = ""
            do {
                _ = try ManifestSource.load(path: side == "old" ? old : new)
                XCTFail("case \(i): loading the \(side) side alone succeeds")
            } catch {
                expected = "\(error)"
            }
            XCTAssertThrowsError(try ManifestSource.loadPair(old: old, new: new), "case \(i)") { error in
                XCTAssertEqual("\(error)", expected, "case \(i)")
            }
        }
    }

    /// Documents known unchanged are read only as far as the diff needs; their full tree, read later, is
    /// the one parsing the file gives.
    func testSharedDocumentsBuildTheirFullTreeOnDemand() throws {
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              labels: {app.kubernetes.io/component: p}
            spec:
              podSelector: {matchLabels: {app: p}}
              policyTypes: [Ingress, Egress]
              egress:
              - to: [{podSelector: {matchLabels: {app: q}}}]
                ports: [{port: 80}]

            """
        let text = "# lead\n---\n" + policy + "---\n" + policy.replacingOccurrences(of: "name: p", with: "name: p2")
        let old = try write("old.yaml", text)
        let new = try write("new.yaml", text)
        let pair = try ManifestSource.loadPair(old: old, new: new)
        let alone = try ManifestSource.load(path: old)
        XCTAssertEqual(pair.old.count, 2)
        for (document, reference) in zip(pair.old, alone) {
            XCTAssertNotNil(document.sharedText)
            // Only the subject is built at first: no rules yet.
            XCTAssertNil(document.subject["spec"]?["egress"]?.sequence?.first)
            XCTAssertEqual(marks(document.node), marks(reference.node))
            XCTAssertEqual(document.node.toValue(), reference.node.toValue())
        }
    }

    /// The parser's bound on expanded nodes holds for a whole file, however it is cut into jobs.
    func testNodeLimitCountsTheWholeFile() throws {
        let doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: NAME}\ndata: {a: &x [1, 2, 3], b: *x, c: *x}\n"
        let text = (0..<4).map { "---\n" + doc.replacingOccurrences(of: "NAME", with: "m\($0)") }.joined()
        // Only what aliases expand to counts: 2 aliases of 4 nodes per document.
        let strict = YAMLParser(limits: .init(maxExpandedNodes: 20))
        let one = try strict.parseStream(bytes: Array(doc.utf8), file: "f.yaml")
        XCTAssertLessThan(one.expandedNodes[0], 20)
        XCTAssertGreaterThan(one.expandedNodes[0] * 4, 20)
        var expected = ""
        XCTAssertThrowsError(try strict.parseStream(bytes: Array(text.utf8), file: "old.yaml")) { expected = "\(($0 as? YAMLError)?.inputError ?? InputError("", at: nil))" }
        XCTAssertTrue(expected.contains("aliases expand to more than 20 nodes"), expected)
        // Every other document differs in the new release: four jobs of one document each on the old side.
        let newText = text.replacingOccurrences(of: "name: m1}", with: "name: m1, x: y}")
            .replacingOccurrences(of: "name: m3}", with: "name: m3, x: y}")
        let plan = PairPlan(old: [("old.yaml", Array(text.utf8))], new: [("new.yaml", Array(newText.utf8))], parser: strict)
        XCTAssertEqual(plan.jobs.filter { $0.side == .old }.map { $0.segments?.count }, [1, 1, 1, 1])
        XCTAssertThrowsError(try plan.documents(plan.parse(), namespace: "")) { error in
            XCTAssertEqual("\(error)", expected)
        }
    }

    /// The size bound holds for a whole file too.
    func testSizeLimitCountsTheWholeFile() throws {
        let doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: NAME}\n"
        let text = (0..<4).map { "---\n" + doc.replacingOccurrences(of: "NAME", with: "m\($0)") }.joined()
        let strict = YAMLParser(limits: .init(maxBytes: text.utf8.count - 1))
        // Every other document differs in the new release: each job on the old side is one small document.
        let newText = text.replacingOccurrences(of: "name: m1}", with: "name: m1, x: y}")
            .replacingOccurrences(of: "name: m3}", with: "name: m3, x: y}")
        let plan = PairPlan(old: [("old.yaml", Array(text.utf8))], new: [("new.yaml", Array(newText.utf8))], parser: strict)
        XCTAssertThrowsError(try plan.documents(plan.parse(), namespace: "")) { error in
            XCTAssertEqual("\(error)", "old.yaml:1:1: yaml: input larger than \(text.utf8.count - 1) bytes")
        }
    }
}
