import Foundation
import XCTest
@testable import GoValues
@testable import YAML

/// Mutated documents must never crash the parser or the emitters, and every error must point
/// inside the input.
final class ParserFuzzTests: XCTestCase {
    static let seeds: [String] = [
        """
        mesh:
          enabled: true
          components: &c
            agent: {port: 8081, replicas: 3, labels: {app: agent}}
            discoverer:
              port: 8082
              tags: [a, "b", 'c', 012, 0x1F, 1.5e3, ~, yes]
          copy: *c
          merged:
            <<: *c
            extra: |
              line one
              line two
            folded: >-
              a
              b
        list:
        - name: x
          value: !!str 12
        - - nested
          - [1, [2, [3]]]
        ? complex key
        : v
        """,
        "a: &a [x, y]\nb: &b [*a, *a]\nc: [*b, *b, *b]\n---\nsecond: doc\n...\n",
        "{\"json\": [1, 2.5, \"s\", null, true, {\"k\": []}]}\n",
        "- é\n- 日本: \"\\u00e9\\t\\U0001F600\"\n- 'it''s'\n- \"multi\n  line\"\n",
    ]

    static let insertions: [[UInt8]] = [
        Array(":".utf8), Array("- ".utf8), Array(" ".utf8), Array("\n".utf8), Array("\t".utf8), Array("[".utf8),
        Array("]".utf8), Array("{".utf8), Array("}".utf8), Array("&a ".utf8), Array("*a".utf8), Array("*c".utf8),
        Array("!!int ".utf8), Array("!x ".utf8), Array("|".utf8), Array(">".utf8), Array("\"".utf8), Array("'".utf8),
        Array("#".utf8), Array("%YAML 1.1\n".utf8), Array("---\n".utf8), Array("<<: ".utf8), Array("? ".utf8),
        [0xFF], [0xC3], [0x00], [0x01], [0xEF, 0xBB, 0xBF], Array("\u{85}".utf8), Array("\r\n".utf8),
    ]

    func testMutatedDocumentsNeverCrash() {
        // MESHRENDER_FUZZ_SEED / MESHRENDER_FUZZ_ITERATIONS explore further; defaults keep runs repeatable.
        let environment = ProcessInfo.processInfo.environment
        var rng = SeededRandom(seed: environment["MESHRENDER_FUZZ_SEED"].flatMap(UInt64.init) ?? 0xFEED)
        let iterations = environment["MESHRENDER_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 4000
        let parser = YAMLParser(limits: .init(maxBytes: 1 << 20, maxDepth: 64, maxExpandedNodes: 200_000))
        var parsed = 0, failed = 0
        for iteration in 0..<iterations {
            var bytes = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                Self.mutate(&bytes, using: &rng)
            }
            do {
                let docs = try parser.parseAll(bytes: bytes, file: "fuzz.yaml")
                parsed += 1
                for doc in docs {
                    _ = HelmYAML.emit(doc)
                    _ = HelmYAML.marshal(doc.toValue())
                    _ = GoJSON.encode(doc.toValue())
                }
            } catch {
                failed += 1
                Self.assertMarkInside(error, bytes)
            }
        }
        XCTAssertGreaterThan(parsed, 100)
        XCTAssertGreaterThan(failed, 100)
    }

    static func mutate(_ bytes: inout [UInt8], using rng: inout SeededRandom) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0...5, using: &rng) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1 << Int.random(in: 0...7, using: &rng))
        case 1:
            bytes.insert(contentsOf: insertions[Int.random(in: 0..<insertions.count, using: &rng)], at: position)
        case 2:
            bytes.removeSubrange(position..<bytes.count)
        case 3 where !bytes.isEmpty:
            // Duplicate a slice: repeats structure, deepens nesting.
            let end = min(bytes.count, position + Int.random(in: 1...40, using: &rng))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        case 4:
            let depth = Int.random(in: 1...100, using: &rng)
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: depth), at: position)
        default:
            if !bytes.isEmpty { bytes.remove(at: position) }
        }
    }

    static func assertMarkInside(_ error: Error, _ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        guard let e = error as? YAMLError else {
            return XCTFail("unexpected error type \(error)", file: file, line: line)
        }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let longest = lines.map { $0.count }.max() ?? 0
        XCTAssertEqual(e.mark.file, "fuzz.yaml", file: file, line: line)
        XCTAssertGreaterThanOrEqual(e.mark.line, 1, file: file, line: line)
        XCTAssertGreaterThanOrEqual(e.mark.column, 1, file: file, line: line)
        // libyaml counts \r, U+0085, U+2028/9 as breaks too, so lines are at most that many.
        XCTAssertLessThanOrEqual(e.mark.line, bytes.count + 1, file: file, line: line)
        XCTAssertLessThanOrEqual(e.mark.column, longest + 2, "\(e)", file: file, line: line)
        XCTAssertFalse(e.message.isEmpty, file: file, line: line)
    }

    func testHostileInputsFailCleanly() {
        let parser = YAMLParser()
        let cases: [String] = [
            String(repeating: "[", count: 200_000),
            String(repeating: "{a: ", count: 100_000),
            String(repeating: "- ", count: 100_000) + "x",
            "a: &a [" + String(repeating: "*a, ", count: 10) + "]",
        ]
        for text in cases {
            XCTAssertThrowsError(try parser.parse(text, file: "h.yaml"))
        }
        var laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            laughs += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        XCTAssertThrowsError(try parser.parse(laughs, file: "lol.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("lol.yaml:"), "\(error)")
            XCTAssertTrue("\(error)".contains("aliases expand to more than 10000000 nodes"), "\(error)")
        }
    }
}
