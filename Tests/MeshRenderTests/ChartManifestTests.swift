import XCTest
import YAML

@testable import Charts
@testable import MeshRender

/// Helm's manifest handling after rendering, case by case (behaviour observed with helm 4.1.4).
final class ChartManifestTests: XCTestCase {
    func testSplitFollowsHelmsSeparatorRule() {
        let cases: [(input: String, docs: [String])] = [
            ("a: 1\n---\nb: 2\n", ["a: 1", "b: 2"]),
            ("---\na: 1", ["a: 1"]),
            ("a: 1\n---\n", ["a: 1"]),
            ("  \n\na: 1\n\n\n---   \n\nb: 2\n\n", ["a: 1", "b: 2"]),
            // The separator's trailing whitespace swallows the newline a second `---` would need.
            ("a: 1\n---\n---\nb: 2", ["a: 1", "---\nb: 2"]),
            // `---` glued to text still separates.
            ("kind: A\n---kind: B", ["kind: A", "kind: B"]),
            // Not at a line start: no separator.
            ("a: x---y", ["a: x---y"]),
            ("", []),
            ("\n\n", []),
            ("a: 1\n...\n", ["a: 1\n..."]),
        ]
        for c in cases {
            XCTAssertEqual(ChartManifestSorter.split(c.input).map(String.init), c.docs, c.input.debugDescription)
        }
    }

    /// The split finds separators from newlines (`memchr`); this reference walks every whitespace run
    /// instead. Both must cut random texts rich in separator fragments at the same places.
    func testSplitAgreesWithAWhitespaceRunScan() {
        func reference(_ text: String) -> [String] {
            let b = Array(GoText.trimSpace(text[...]).utf8)
            let n = b.count
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
            func isDashes(_ at: Int) -> Bool { at + 3 <= n && b[at] == 0x2D && b[at + 1] == 0x2D && b[at + 2] == 0x2D }
            var pieces: [Range<Int>] = []
            var start = 0, i = 0
            if isDashes(0) {
                i = 3
                while i < n && isSpace(b[i]) { i += 1 }
                start = i
            }
            while i < n {
                guard isSpace(b[i]) else { i += 1; continue }
                var j = i
                while j < n && isSpace(b[j]) { j += 1 }
                if b[j - 1] == 0x0A && isDashes(j) {
                    if i > start { pieces.append(start..<i) }
                    var k = j + 3
                    while k < n && isSpace(b[k]) { k += 1 }
                    start = k
                    i = k
                } else {
                    i = j
                }
            }
            if n > start { pieces.append(start..<n) }
            return pieces.map { GoText.trimSpace(String(decoding: b[$0], as: UTF8.self)[...]).description }
        }
        let fragments = ["---", "--", "-", "\n", " ", "\t", "\r", "a: 1", "kind: X", "\n---\n", "\n---", "x---y", "é"]
        var state: UInt64 = 0x2026_1123
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<20_000 {
            let text = (0..<random(14)).map { _ in fragments[random(fragments.count)] }.joined()
            XCTAssertEqual(ChartManifestSorter.split(text).map(String.init), reference(text), text.debugDescription)
        }
    }

    func testKnownHeadsAreTrustedOnlyWhenEveryDocumentStartsWithTheirPrefix() throws {
        let policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n"
        let files: [(name: String, text: String)] = [
            ("c/templates/np.yaml", "---\n" + policy + "---\n" + policy), ("c/templates/_h.tpl", "ignored"),
        ]
        let known = try XCTUnwrap(ChartManifestSorter.sortKnown(files, .builtinPolicies))
        XCTAssertEqual(known, try ChartManifestSorter.sort(files).manifests)
        XCTAssertEqual(known.map(\.kind), ["NetworkPolicy", "NetworkPolicy"])
        // One document of another shape: the heads must be read.
        let mixed = files + [("c/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\n")]
        XCTAssertNil(ChartManifestSorter.sortKnown(mixed, .builtinPolicies))
        let reordered = "kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\n"
        XCTAssertNil(ChartManifestSorter.sortKnown([("c/templates/np.yaml", reordered)], .builtinPolicies))
    }

    func testInstallOrderThenUnknownKindsAlphabetically() {
        func doc(_ kind: String, _ n: Int) -> RenderedManifest {
            RenderedManifest(source: "c/templates/\(n).yaml", text: "kind: \(kind)", kind: kind, isHook: false)
        }
        let input = [doc("Deployment", 0), doc("Zebra", 1), doc("", 2), doc("Namespace", 3), doc("Aardvark", 4),
                     doc("Deployment", 5), doc("Service", 6), doc("Zebra", 7)]
        let sorted = ChartManifestSorter.sortedByKind(input).map(\.source)
        XCTAssertEqual(sorted, [3, 6, 0, 5, 2, 4, 1, 7].map { "c/templates/\($0).yaml" })
    }

    func testHooksAreSetApartAndUnknownHooksDropped() throws {
        let files: [(name: String, text: String)] = [
            ("c/templates/b.yaml", "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install\n"),
            ("c/templates/a.yaml", "kind: Service\n---\nkind: ConfigMap\nmetadata:\n  annotations:\n    helm.sh/hook: nonsense\n"),
            ("c/templates/_p.yaml", "kind: Secret\n"),
        ]
        let (manifests, hooks) = try ChartManifestSorter.sort(files)
        XCTAssertEqual(manifests.map(\.kind), ["Service"])
        XCTAssertEqual(hooks.map(\.kind), ["Job"])
        XCTAssertEqual(hooks.first?.source, "c/templates/b.yaml")
    }

    /// Heads read file by file as a render hands the files over (on another core) sort exactly as heads read at the
    /// end, errors included: the first failing document in path order is the one reported.
    func testHeadsReadAsFilesComeSortAsHeadsReadAtTheEnd() throws {
        let files: [(name: String, text: String)] = [
            ("c/templates/z.yaml", "kind: Deployment\n---\nkind: Service\nmetadata:\n  annotations:\n    helm.sh/hook: test\n"),
            ("c/templates/_helpers.tpl", "not: [yaml\n"),
            ("c/templates/a.yaml", "---\nkind: ConfigMap\n---\n\n---\nkind: Namespace\nspec:\n  x: 'two\n    lines'\n"),
            ("c/templates/m.yaml", ""),
        ] + (0..<300).map { ("c/templates/gen/\($0).yaml", "kind: Secret\nmetadata:\n  name: s\($0)\n") }
        let reader = ChartManifestSorter.HeadReader()
        for file in files { reader.add(file) }
        let streamed = try ChartManifestSorter.sort(files, read: reader.finish())
        let atTheEnd = try ChartManifestSorter.sort(files)
        XCTAssertEqual(streamed.manifests.map(\.text), atTheEnd.manifests.map(\.text))
        XCTAssertEqual(streamed.manifests.map(\.kind), atTheEnd.manifests.map(\.kind))
        XCTAssertEqual(streamed.hooks.map(\.text), atTheEnd.hooks.map(\.text))
        XCTAssertEqual(streamed.manifests.count, 303)

        let broken = files + [("c/templates/y.yaml", "kind: [\n"), ("c/templates/b.yaml", "kind: 5\n")]
        let failing = ChartManifestSorter.HeadReader()
        for file in broken { failing.add(file) }
        let read = failing.finish()
        func failure(_ body: () throws -> Any) -> String? {
            do {
                _ = try body()
                return nil
            } catch {
                return String(describing: error)
            }
        }
        let streamedError = failure { try ChartManifestSorter.sort(broken, read: read) }
        XCTAssertEqual(streamedError, failure { try ChartManifestSorter.sort(broken) })
        XCTAssertTrue(streamedError?.contains("c/templates/b.yaml") == true, "\(streamedError ?? "no error")")
    }

    func testManifestHeadErrorsReadAsHelms() {
        let cases: [(doc: String, message: String)] = [
            ("just text", "YAML parse error on c/t.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type util.SimpleHead"),
            ("kind: 5", "YAML parse error on c/t.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field SimpleHead.kind of type string"),
        ]
        for c in cases {
            XCTAssertThrowsError(try ManifestHead.parse(c.doc[...], source: "c/t.yaml"), c.doc) { error in
                XCTAssertEqual((error as? ChartRenderError)?.message, c.message)
                XCTAssertEqual((error as? ChartRenderError)?.kind, .manifest)
            }
        }
    }

    func testOutputTextTrimsManifestsAndAppendsHooks() {
        let rendered = RenderedManifests(documents: [
            RenderedManifest(source: "c/templates/a.yaml", text: "kind: Service", kind: "Service", isHook: false),
            RenderedManifest(source: "c/templates/h.yaml", text: "kind: Pod", kind: "Pod", isHook: true),
        ])
        XCTAssertEqual(
            rendered.text,
            "---\n# Source: c/templates/a.yaml\nkind: Service\n---\n# Source: c/templates/h.yaml\nkind: Pod\n")
        XCTAssertEqual(RenderedManifests(documents: []).text, "\n")
    }

    func testShowOnlyMatchesTemplatePathsWithGlobs() throws {
        let rendered = RenderedManifests(documents: [
            RenderedManifest(source: "c/templates/a.yaml", text: "kind: A", kind: "A", isHook: false),
            RenderedManifest(source: "c/templates/sub/b.yaml", text: "kind: B", kind: "B", isHook: false),
        ])
        XCTAssertEqual(try rendered.showOnly(["templates/sub/*"]), "---\n# Source: c/templates/sub/b.yaml\nkind: B\n")
        XCTAssertEqual(try rendered.showOnly(["templates/*.yaml"]), "---\n# Source: c/templates/a.yaml\nkind: A\n")
        XCTAssertThrowsError(try rendered.showOnly(["templates/none.yaml"])) { error in
            XCTAssertEqual((error as? ChartRenderError)?.message, "could not find template templates/none.yaml in chart")
        }
    }

    func testGlobIsGosFilepathMatch() {
        let cases: [(pattern: String, name: String, match: Bool)] = [
            ("templates/*.yaml", "templates/a.yaml", true),
            ("templates/*.yaml", "templates/sub/a.yaml", false),
            ("templates/?.yaml", "templates/a.yaml", true),
            ("templates/[ab].yaml", "templates/b.yaml", true),
            ("templates/[^ab].yaml", "templates/b.yaml", false),
            ("templates/[a-c]*", "templates/config.yaml", true),
            ("templates/\\*.yaml", "templates/*.yaml", true),
            ("templates/a.yaml", "templates/a.yml", false),
        ]
        for c in cases {
            XCTAssertEqual(GoPathMatch.match(c.pattern, c.name), c.match, "\(c.pattern) vs \(c.name)")
        }
    }

    func testParseOrderIsDeepestFirstThenNameDescending() {
        let names = ["c/templates/_a.tpl", "c/templates/z.yaml", "c/templates/x/deep.yaml", "c/templates/b.yaml"]
        XCTAssertEqual(
            ChartRenderer.parseOrder(names),
            ["c/templates/x/deep.yaml", "c/templates/z.yaml", "c/templates/b.yaml", "c/templates/_a.tpl"])
    }

    func testLoaderExposesChartFieldsAsHelmDoes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("templates/sub"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: demo\nversion: 1.0.0\nkeywords: [a]\n".write(
            to: dir.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try "x: 1\n".write(to: dir.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        try "a".write(to: dir.appendingPathComponent("templates/b.yaml"), atomically: true, encoding: .utf8)
        try "b".write(to: dir.appendingPathComponent("templates/sub/a.tpl"), atomically: true, encoding: .utf8)
        let chart = try ChartLoader.load(directory: dir.path)
        XCTAssertEqual(chart.name, "demo")
        XCTAssertEqual(chart.templates.map(\.name), ["demo/templates/b.yaml", "demo/templates/sub/a.tpl"])
        guard case .map(let meta) = chart.metadata else { return XCTFail("metadata is not a map") }
        XCTAssertEqual(meta["Name"], .string("demo"))
        XCTAssertEqual(meta["AppVersion"], .string(""))
        XCTAssertEqual(meta["Keywords"], .list([.string("a")]))
        XCTAssertEqual(meta["Maintainers"], .list([]))
        XCTAssertEqual(meta["IsRoot"], .bool(true))
        XCTAssertEqual(chart.defaultValues["x"]?.toValue(), .float(1))
        XCTAssertThrowsError(try ChartLoader.load(directory: dir.appendingPathComponent("missing").path))
    }
}
