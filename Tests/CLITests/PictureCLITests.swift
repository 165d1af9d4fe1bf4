import Foundation
import XCTest

/// The pictures: `matrix -o svg|dot|mermaid` and `diff -o svg`, as text (goldens) and as images (each SVG converts
/// to a PNG with a real renderer, rsvg-convert).
final class PictureCLITests: XCTestCase {
    private func run(_ args: [String]) throws -> String {
        let result = try CLI.run(args)
        XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
        return result.stdout
    }

    private var valdDiff: [String] {
        ["diff", "--old-values", "values/vald.yaml", "--new-values", "values/vald.yaml", "--new-values", DiffCLITests.overlay, "-n", "vald"]
    }

    /// A mesh of `n` components in a ring (each calls the next on TCP 8080), with a named external and an ipBlock.
    static func ring(_ n: Int) -> String {
        var out = "mesh:\n  components:\n"
        for i in 0..<n { out += "    svc-\(i): {ports: [{port: 8080}]}\n" }
        out += "  external:\n    partners: {namespace: partners}\n    payments: {ipBlock: {cidr: 203.0.113.0/24}, ports: [{port: 443}]}\n"
        out += "  connectivity:\n"
        for i in 0..<n { out += "    svc-\(i): [svc-\((i + 1) % n)\(i == 0 ? ", payments" : "")]\n" }
        out += "    partners: [svc-0]\n"
        return out
    }

    func testGoldenPictureTexts() throws {
        try CLI.assertGolden(try run(["matrix", "-f", "values/vald.yaml", "-n", "vald", "-o", "svg"]), "pictures/vald-matrix.svg")
        try CLI.assertGolden(try run(["matrix", "-f", "values/vald.yaml", "-n", "vald", "-o", "dot"]), "pictures/vald-graph.dot")
        try CLI.assertGolden(try run(["matrix", "-f", "values/vald.yaml", "-n", "vald", "-o", "mermaid"]), "pictures/vald-graph.mermaid")
        try CLI.assertGolden(try run(valdDiff + ["-o", "svg"]), "pictures/vald-diff.svg")
    }

    func testMatrixPictureShowsEveryEndpointWithTitlePortsAndGlyphs() throws {
        let svg = try run(["matrix", "-f", "values/vald.yaml", "-f", "values/vald-observability.yaml", "-n", "vald", "-o", "svg"])
        XCTAssertTrue(svg.contains(">release-name in namespace vald: intended connectivity</text>"), svg)
        XCTAssertTrue(svg.contains(">values values/vald.yaml, values/vald-observability.yaml</text>"), svg)
        // The outside world with the external it stands for, the custom-rule peers, kube-system.
        for label in ["0.0.0.0/0 (clients)", "kube-system", "agent"] { XCTAssertTrue(svg.contains(">\(label)</text>"), label) }
        XCTAssertTrue(svg.contains(">✓ 8081</text>"), "ports are in the cell")
        XCTAssertTrue(svg.contains(">✕</text>"), "denied cells carry a glyph")
        XCTAssertFalse(svg.contains("#9fd8a8") || svg.contains("#f3d3d5"), "no red/green pair")
        // --hide drops an endpoint from the picture.
        let hidden = try run(["matrix", "-f", "values/vald.yaml", "-n", "vald", "-o", "dot", "--hide", "kube-system"])
        XCTAssertFalse(hidden.contains("\"kube-system\""), hidden)
        XCTAssertTrue(hidden.contains("\"lb-gateway\" -> \"agent\";"), hidden)
    }

    func testGraphsGroupByNamespaceWithReadableIDs() throws {
        let values = Self.ring(5)
        let dot = try CLI.run(["matrix", "-f", "-", "-n", "shop", "-o", "dot"], stdin: values).stdout
        XCTAssertTrue(dot.contains("subgraph \"cluster_shop\" {"), dot)
        XCTAssertTrue(dot.contains("subgraph \"cluster_partners\" {"), dot)
        XCTAssertTrue(dot.contains("\"203.0.113.0/24\" [fillcolor=\"#F6E3EE\", color=\"#9C3D73\", shape=ellipse"), dot)
        XCTAssertTrue(dot.contains("\"svc-0\" -> \"203.0.113.0/24\" [label=\"TCP 443\"];"), dot)
        XCTAssertEqual(Set(dot.components(separatedBy: "fontname=").dropFirst().map { $0.prefix(11) }), ["\"Helvetica\""])
        let mermaid = try CLI.run(["matrix", "-f", "-", "-n", "shop", "-o", "mermaid"], stdin: values).stdout
        XCTAssertTrue(mermaid.contains("    subgraph ns_shop[\"namespace shop\"]\n"), mermaid)
        XCTAssertTrue(mermaid.contains("svc_0 -->|\"TCP 8080\"| svc_1"), mermaid)
        XCTAssertTrue(mermaid.contains("ip_203_0_113_0_24([\"203.0.113.0/24\"])"), mermaid)
        XCTAssertFalse(mermaid.contains("n0["), mermaid)
    }

    func testEveryPictureConvertsToPNG() throws {
        guard let rsvg = ReportFormatCLITests.tool("rsvg-convert") else {
            throw XCTSkip("rsvg-convert not found: install Debian's librsvg2-bin (apt-get install librsvg2-bin)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ring60 = dir.appendingPathComponent("ring60.yaml")
        try Data(Self.ring(58).utf8).write(to: ring60)
        let pictures: [(String, [String], ClosedRange<Int>)] = [
            ("vald", ["matrix", "-f", "values/vald.yaml", "-n", "vald", "-o", "svg"], 300...1200),
            ("ring60", ["matrix", "-f", ring60.path, "-n", "shop", "-o", "svg"], 1500...3500),
            ("effective", ["matrix", "--manifests", "Tests/CLITests/Fixtures/lint/shop.yaml", "-o", "svg"], 300...4000),
            ("diff", valdDiff + ["-o", "svg"], 300...1200),
        ]
        for (name, args, widths) in pictures {
            let svg = dir.appendingPathComponent("\(name).svg"), png = dir.appendingPathComponent("\(name).png")
            try Data(try run(args).utf8).write(to: svg)
            let converted = try CLI.run(["-o", png.path, svg.path], executable: rsvg)
            XCTAssertEqual(converted.status, 0, "\(name): \(converted.stderr)")
            let bytes = try Data(contentsOf: png)
            XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], name)
            // IHDR: width and height, big-endian, at bytes 16 and 20.
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            XCTAssertTrue(widths.contains(width), "\(name): \(width) px wide")
            XCTAssertGreaterThan(height, 150, name)
        }
        // 60 endpoints: every component, the partners namespace and the payments block are drawn.
        let ring = try run(["matrix", "-f", ring60.path, "-n", "shop", "-o", "svg"])
        XCTAssertTrue(ring.contains(">svc-57</text>") && ring.contains(">partners</text>") && ring.contains(">203.0.113.0/24</text>"))
    }
}
