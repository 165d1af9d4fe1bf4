import XCTest

@testable import YAML

/// Large inputs are read by libyaml on a second thread while they are composed; the nodes, marks,
/// document costs and errors must be exactly those of the sequential parse.
final class PipelinedParseTests: XCTestCase {
    /// A node as text: kind, value, mark, and its children (keys with their marks), in order.
    func dump(_ node: Node, into out: inout [String]) {
        let mark = node.mark.map { "\($0)" } ?? "-"
        switch node.kind {
        case .null: out.append("null@\(mark)")
        case .bool(let b): out.append("bool \(b)@\(mark)")
        case .int(let i): out.append("int \(i)@\(mark)")
        case .float(let f): out.append("float \(f)@\(mark)")
        case .string(let s): out.append("string \(s.debugDescription)@\(mark)")
        case .sequence(let items):
            out.append("sequence \(items.count)@\(mark)")
            for item in items { dump(item, into: &out) }
        case .mapping(let m):
            out.append("mapping \(m.count)@\(mark)")
            for (key, value) in m.entries {
                out.append("key \(key.debugDescription)@\(m.keyMarks[key].map { "\($0)" } ?? "-")")
                dump(value, into: &out)
            }
        }
    }

    /// Both ways of parsing `text`: each gives the dumped documents and costs, or the error's text.
    func bothWays(_ text: String, limits: YAMLParser.Limits = .default) -> (sequential: String, pipelined: String) {
        func parse(pipelined: Bool) -> String {
            var parser = YAMLParser(limits: limits)
            parser.pipelines = pipelined
            do {
                let stream = try parser.parseStream(bytes: Array(text.utf8), file: "big.yaml")
                var out: [String] = ["costs \(stream.expandedNodes)"]
                for document in stream.documents { dump(document, into: &out) }
                return out.joined(separator: "\n")
            } catch {
                return "error: \(error) | \(error.context ?? "-") | \(error.hint ?? "-")"
            }
        }
        return (parse(pipelined: false), parse(pipelined: true))
    }

    /// A values file of `apps` entries in the shapes charts use (block and flow collections, quoted
    /// and block scalars, anchors and merge keys), large enough to be pipelined.
    func appsFile(count: Int) -> String {
        var text = "defaults: &defaults {replicas: 1, image: 'registry/app:1.0', debug: no}\napps:\n"
        for i in 0..<count {
            text += """
              - name: app-\(i)
                <<: *defaults
                replicas: \(i % 5)
                ratio: \(Double(i) / 7)
                labels: {tier: "web", shard: '\(i % 3)', on: yes}
                ports: [\(8000 + i), "\(9000 + i)"]
                script: |
                  echo \(i)
                  exit 0
                note: >-
                  folded
                  text \(i)
                empty: ~

            """
        }
        return text
    }

    func testLargeInputsParseTheSameOnTwoThreads() {
        let text = appsFile(count: 600)
        XCTAssertGreaterThan(text.utf8.count, EventStream.pipelineThreshold * 2)
        let (sequential, pipelined) = bothWays(text)
        XCTAssertFalse(sequential.hasPrefix("error"), sequential)
        XCTAssertEqual(sequential, pipelined)
        // Several documents, the last one empty.
        let stream = bothWays(text + "---\n" + text + "---\n")
        XCTAssertEqual(stream.sequential, stream.pipelined)
    }

    func testErrorsAreTheSameOnTwoThreads() {
        let text = appsFile(count: 400)
        let cases: [(String, String)] = [
            ("a libyaml error at the end", text + "  - name: [unclosed\n"),
            ("a libyaml error at the start, the rest never read", "a: b: c\n" + text),
            ("a duplicate key early, libyaml still running ahead", "x: 1\nx: 2\n" + text),
            ("a duplicate key at the end", text + "apps: again\n"),
            ("an undefined alias", text + "late: *nowhere\n"),
            ("a tab indenting", text + "\tbad: tab\n"),
        ]
        for (name, input) in cases {
            let (sequential, pipelined) = bothWays(input)
            XCTAssertTrue(sequential.hasPrefix("error"), "\(name): \(sequential.prefix(200))")
            XCTAssertEqual(sequential, pipelined, name)
        }
        // Limits: expansion and depth.
        // (Only what aliases expand to counts: 50 aliases of a 101-node list.)
        let limited = YAMLParser.Limits(maxBytes: 1 << 20, maxDepth: 6, maxExpandedNodes: 5_000)
        let aliases = "z0: &z0 [" + Array(repeating: "1", count: 100).joined(separator: ", ") + "]\nz1: ["
            + Array(repeating: "*z0", count: 50).joined(separator: ", ") + "]\n"
        let (sequential, pipelined) = bothWays(text + aliases, limits: limited)
        XCTAssertTrue(sequential.hasPrefix("error"), String(sequential.prefix(200)))
        XCTAssertEqual(sequential, pipelined)
        let deep = String(repeating: "[", count: 40_000) + String(repeating: "]", count: 40_000)
        let nested = bothWays(deep, limits: YAMLParser.Limits(maxBytes: 1 << 20, maxDepth: 512, maxExpandedNodes: 10_000_000))
        XCTAssertTrue(nested.sequential.hasPrefix("error"), String(nested.sequential.prefix(200)))
        XCTAssertEqual(nested.sequential, nested.pipelined)
    }

    func testManyParsesInARowEachStopTheirReader() {
        // An early error leaves libyaml's thread waiting to hand over a batch: the end of the parse
        // must release it (a leak would exhaust threads or hang here).
        let text = "x: 1\nx: 2\n" + appsFile(count: 300)
        for _ in 0..<200 {
            var parser = YAMLParser()
            parser.pipelines = true
            XCTAssertThrowsError(try parser.parseStream(bytes: Array(text.utf8), file: "big.yaml"))
        }
    }
}
