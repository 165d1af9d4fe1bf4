import TestSupport
import XCTest

@testable import MeshRender
@testable import YAML

/// The byte scanner that reads manifest heads must agree with the YAML parser on every document
/// it accepts, and must accept the documents templates usually render.
final class ManifestHeadScannerTests: XCTestCase {
    /// Documents in the scanner's subset: it must read them, and read what the parser reads.
    func testReadsTypicalTemplateOutput() throws {
        let docs: [(doc: String, kind: String, annotations: [String: String])] = [
            ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n", "Service", [:]),
            (
                """
                # Source comment
                apiVersion: batch/v1
                kind: "Job"
                metadata:
                  name: 'migrate'
                  annotations:
                    "helm.sh/hook": pre-install,post-upgrade   # runs first
                    helm.sh/hook-weight: '-5'
                    empty:
                    quoted: 'it''s'
                spec:
                  template:
                    spec:
                      containers:
                        - name: main
                          image: "registry/app:1.0"
                          args: [] # none
                          env:
                          - name: A
                            value: "1"
                          -
                            name: B
                      restartPolicy: Never
                """,
                "Job",
                ["helm.sh/hook": "pre-install,post-upgrade", "helm.sh/hook-weight": "-5", "empty": "", "quoted": "it's"]
            ),
            // The last of duplicate keys wins, as in the parser.
            ("kind: A\nmetadata:\n  annotations:\n    x: z\nkind: B\nmetadata: {}\n", "B", [:]),
            ("kind: ~\n", "", [:]),
            ("# only a comment\n", "", [:]),
            ("  kind: Indented\n  spec:\n  - a\n", "Indented", [:]),
            ("kind: Map\nspec:\n  url: http://x:80/a#b\n  flow: a,b]{c}\n  colon: a:b\n", "Map", [:]),
            // Block scalars outside the head: their lines, `#`, `:`, `---` and quotes among them, are content.
            (
                """
                apiVersion: v1
                kind: ConfigMap
                data:
                  script: |-

                    #!/bin/sh
                    echo "a: b" 'c' # not a comment
                      --- indented further
                  # a comment at the parent's indentation ends it
                  folded: >
                    one
                    two
                  keep: |+ # comment
                    kept

                metadata:
                  name: cm
                  annotations:
                    a: b
                spec:
                  rules:
                  - |
                    first
                  - >-
                   second
                  - plain
                """,
                "ConfigMap", ["a": "b"]
            ),
            ("kind: Empty\ndata: |\nnext: 1\n", "Empty", [:]),
            ("kind: Flow\nmetadata:\n  annotations:\n    {}\nspec:\n  resources:\n    [] # none\n", "Flow", [:]),
            ("kind: Quoted\nspec:\n  rule: '!has(self.a) || it''s\n\n    a: b # c\n  done' # end\n  next: 1\n", "Quoted", [:]),
            ("kind: Role\nrules:\n- apiGroups: [\"\", 'apps', v1.k8s.io] # core\n  verbs: [get,list]\n", "Role", [:]),
            ("kind: Continued\nx: a\n  - b\n  [c] ?d\n", "Continued", [:]),
            ("kind: Escaped\nx: \"a\\\"b \\x41 \\u00e9 \\\n  next line \\/ \\N\"  # c\nz: |2-\n     deeper\n    text\n", "Escaped", [:]),
            ("kind: Version\nmetadata:\n  annotations:\n    version: 0.93.1\n", "Version", ["version": "0.93.1"]),
            // Plain scalars continued on further lines, as CRD generators wrap descriptions.
            (
                """
                kind: CustomResourceDefinition
                spec:
                  description: CloudEventSource defines how a KEDA event will be sent to event
                    sink, with 'quotes', a:b and a#b
                       and a deeper line

                    after a blank line
                  items:
                  - one item
                    continued
                  - key: value
                      continued past the key
                metadata:
                  name: crd
                """,
                "CustomResourceDefinition", [:]
            ),
            ("kind: AtEnd\ndata: |-\n  last", "AtEnd", [:]),
        ]
        for c in docs {
            let scanned = try XCTUnwrap(DocumentHeadScanner.scan(c.doc[...]), "scanner gave up on:\n\(c.doc)")
            XCTAssertEqual(scanned, ManifestHead(kind: c.kind, annotations: c.annotations), c.doc)
            XCTAssertEqual(try ManifestHead.parseYAML(c.doc, source: "t"), scanned, c.doc)
        }
    }

    /// Documents outside the subset, valid or not: the scanner must leave them to the parser.
    func testLeavesOtherDocumentsToTheParser() {
        let docs = [
            "kind: &a A\n", "kind: *a\n", "kind: !!str A\n", "kind: |\n  A\n", "metadata:\n  annotations:\n    a: |\n      x\n",
            "data: |0\n  x\n", "data: |22\n  x\n", "data: |-+\n  x\n", "data: |x\n", "data: |#c\n",
            "data: |\n    a\n  b\n", "data: |\n      \n    a\n", "data: |\n  a\n\tb\n", "data: >\n  a\r\n",
            "kind: A\n  B\n", "x: a # c\n  b\n", "x: a\n  b: c\n", "x: a\n  #c\n  d\n", "x: a\n  b #c\n",
            "metadata:\n  name: a\n    b\n", "x: 'a\n---\nb'\n", "x: 'a\n", "x: 'a\n  b' c\n", "kind: 'A\n  B'\n",
            "x: \"a\\qb\"\n", "x: \"a\n  \\uD800\"\n", "kind: \"A\\x41\"\n", "x: \"a\\x4\"\n", "x: \"open\n",
            "x:\n  {}\n  y: 1\n", "metadata:\n  []\n", "kind:\n  {}\n", "metadata:\n  annotations:\n    v: 0.93\n",
            "x: [a, ]\n", "x: [a: b]\n", "x: [\"a\\\"\"]\n", "x: [a] y\n", "kind: [A]\n", "x: [{}]\n",
            "kind: A\nspec: {a: 1}\n", "kind: A\n\tspec: 1\n", "kind: A\r\n", "kind: \"a\\tb\"\n",
            "kind: 5\n", "kind: yes\n", "metadata: x\n", "metadata:\n- a\n", "metadata:\n  annotations:\n    a: 1\n",
            "- kind: A\n", "just text\n", "kind: A\nkey: a: b\n", "kind: A\n--- \n", "%YAML 1.1\nkind: A\n", "? kind\n: A\n",
            "kind: A\n<<: {}\n", "kind: A\nx: - a\n", "kind: \"open\n", "kind: A\n  b: 1\n",
            "a:\n  - x\n  b: 1\n", "kind: A\u{85}\n", "\u{FEFF}kind: A\n",
        ]
        for doc in docs {
            XCTAssertNil(DocumentHeadScanner.scan(doc[...]), doc.debugDescription)
        }
    }

    /// Generated and mutated documents: whenever the scanner answers, the parser must accept
    /// the document and read the same head.
    func testAgreesWithTheParserOnGeneratedDocuments() {
        var rng = SplitMix64(seed: 0x5EED_1234)
        var accepted = 0, total = 0, acceptedBlocks = 0, acceptedContinued = 0, acceptedQuoted = 0
        for _ in 0..<40000 {
            var doc = generateDocument(&rng)
            if rng.next() % 2 == 0 { doc = mutate(doc, &rng) }
            total += 1
            guard let scanned = DocumentHeadScanner.scan(doc[...]) else { continue }
            accepted += 1
            if doc.contains(": |") || doc.contains(": >") || doc.contains("- |") || doc.contains("- >") { acceptedBlocks += 1 }
            if doc.contains("words") { acceptedContinued += 1 }
            if doc.contains("'first words\n") || doc.contains("\"first words\n") { acceptedQuoted += 1 }
            do {
                let parsed = try ManifestHead.parseYAML(doc, source: "t")
                XCTAssertEqual(scanned, parsed, "disagreement on:\n\(doc)")
            } catch {
                XCTFail("scanner accepted a document the parser rejects (\(error)):\n\(doc)")
            }
        }
        // The check means something only if the scanner answers for a good share of documents.
        XCTAssertGreaterThan(accepted, total / 15, "accepted \(accepted) of \(total)")
        XCTAssertGreaterThan(acceptedQuoted, total / 1000, "accepted \(acceptedQuoted) documents with multi-line quoted scalars")
        XCTAssertGreaterThan(acceptedContinued, total / 250, "accepted \(acceptedContinued) documents with continued plain scalars")
        XCTAssertGreaterThan(acceptedBlocks, total / 250, "accepted \(acceptedBlocks) documents with block scalars")
    }

    // MARK: - Generator

    private let keys = ["kind", "apiVersion", "metadata", "annotations", "name", "spec", "helm.sh/hook", "a", "b c", "\"q\"", "'s'", "null", "yes", "7", "~", "1.5", ".inf", "2001-12-14", "0x10", "1e999", "-3", "_x", "a.b/c"]
    private let scalars = [
        "Deployment", "v1", "\"quoted\"", "'single'", "'it''s'", "~", "null", "yes", "On", "12", "-1", "a:b", "x #c",
        "[]", "{}", "[a]", "{a: 1}", "a,b", "&x y", "*x", "!!str z", "|", ">", "\"a\\\"b\"", "é", "?x", ":x", "- a",
        "a: b", "pre-install", "'unclosed", "\"", "#c", "", ".inf", "-.Inf", ".nan", "1e999", "0x1F", "0o17", "0b101",
        "2001-12-14", "2001-12-14T21:59:43.10-05:00", "1_000", "+12", "012", "1:20", "<<",
    ]

    private func generateDocument(_ rng: inout SplitMix64) -> String {
        var lines: [String] = []
        var indents: [Int] = [0]
        for _ in 0..<Int(rng.next() % 12 + 1) {
            let roll = rng.next() % 10
            var indent = indents.last!
            if roll < 2, indents.count > 1 {
                indents.removeLast()
                indent = indents.last!
            }
            let pad = String(repeating: " ", count: indent)
            // Mostly the shapes templates render, sometimes anything in the pools.
            let key = rng.next() % 4 == 0 ? keys[Int(rng.next() % UInt64(keys.count))] : keys[Int(rng.next() % 7)]
            var value = rng.next() % 4 == 0 ? scalars[Int(rng.next() % UInt64(scalars.count))] : scalars[Int(rng.next() % 5)]
            if rng.next() % 10 == 0 {
                value = ["[\"\", apps]", "[v1, 'v2']", "[a,b]", "[a, ]", "[\"a\\\"\"]", "[a b]", "[-1]", "[a: b]", "[[a]]", "[a] x"][Int(rng.next() % 10)]
            }
            switch roll {
            case 2, 3:
                lines.append("\(pad)\(key):")
                indents.append(indent + Int(rng.next() % 3 + 1))
            case 4:
                lines.append("\(pad)- \(key): \(value)")
                indents.append(indent + 2)
            case 5:
                lines.append("\(pad)- \(value)")
            case 6 where rng.next() % 2 == 0:
                // An empty flow collection on the line after its key, or something else there.
                lines.append("\(pad)\(key):")
                let next = ["{}", "[]", "{ }", "{} # c", "{}x", "{a}", "[] ]"][Int(rng.next() % 7)]
                lines.append(String(repeating: " ", count: indent + Int(rng.next() % 3)) + next)
            case 6:
                lines.append("\(pad)# comment \(value)")
            case 7 where rng.next() % 2 == 0:
                // A plain scalar, then lines indented around its key's indentation, which may continue it.
                // Plain or single-quoted: the quote closes on a later line, or never.
                let first = ["'first words", "\"first words", "\"first \\t words", "first words", "first words"][Int(rng.next() % 5)]
                lines.append(rng.next() % 3 == 0 ? "\(pad)- \(first)" : "\(pad)\(rng.next() % 4 == 0 ? key : "spec"): \(first)")
                for _ in 0..<Int(rng.next() % 4) {
                    let shift = rng.next() % 4 == 0 ? Int(rng.next() % 5) - 2 : Int(rng.next() % 3) + 1
                    let pool = [
                        "more words", "a: b", "# c", "- item", "x #y", "'q", "", "w:", "a:b", "[x]", "end'", "it''s", "q' # c",
                        "q' x", "---", "...", "end\"", "a\\\"b\" # c", "\\x41\\u00e9\\U0001F600\"", "\\q\"", "\\uD800\"", "cont \\",
                        "\\' \\/ \\N\"", "\\x4\"",
                    ]
                    let pick = rng.next() % 2 == 0 ? (first.hasPrefix("'") ? 10 : first.hasPrefix("\"") ? 16 : 0) : Int(rng.next() % UInt64(pool.count))
                    let text = pool[pick]
                    lines.append(String(repeating: " ", count: max(0, indent + shift)) + text)
                }
                // A quoted scalar mostly closes.
                if first.hasPrefix("'") && rng.next() % 4 != 0 { lines.append("\(pad)  end'") }
                if first.hasPrefix("\"") && rng.next() % 4 != 0 { lines.append("\(pad)  end\"") }
            case 7:
                // A block scalar: header, then lines indented around the content's indentation, blank or not.
                let headers = ["|", "|-", "|+", ">", ">-", ">+", "| # c", "|2", "|-1", "|x", "|#c", ">  "]
                let header = headers[Int(rng.next() % UInt64(rng.next() % 3 == 0 ? headers.count : 6))]
                lines.append(rng.next() % 3 == 0 ? "\(pad)- \(header)" : "\(pad)\(key): \(header)")
                let content = indent + Int(rng.next() % 3)
                for _ in 0..<Int(rng.next() % 4) {
                    let shift = rng.next() % 4 == 0 ? Int(rng.next() % 5) - 2 : Int(rng.next() % 2)
                    let text = ["text", "a: b", "# not a comment", "- item", "---", "'q", "", "key:"][Int(rng.next() % 8)]
                    lines.append(String(repeating: " ", count: max(0, content + shift)) + text)
                }
            default:
                lines.append("\(pad)\(key): \(value)")
            }
        }
        return lines.joined(separator: "\n") + (rng.next() % 2 == 0 ? "\n" : "")
    }

    private func mutate(_ doc: String, _ rng: inout SplitMix64) -> String {
        var bytes = Array(doc.utf8)
        let pieces: [[UInt8]] = [[0x20], [0x0A], [0x3A], [0x23], [0x2D, 0x20], [0x27], [0x22], [0x09], [0x7B], [0x5D], [0x26], [0x7C], [0x3E]]
        for _ in 0..<Int(rng.next() % 3 + 1) {
            let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
            switch rng.next() % 3 {
            case 0 where !bytes.isEmpty && at < bytes.count: bytes.remove(at: at)
            default: bytes.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))], at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The scanner's eight-bytes-at-once tests against byte-by-byte ones: every byte value at every
/// position of a word of ordinary text.
final class Bytes8Tests: XCTestCase {
    func testWordTestsAgreeWithByteTests() {
        for position in 0..<8 {
            for value in 0...255 {
                var word = Array("abcd efg".utf8)
                word[position] = UInt8(value)
                word.withUnsafeBufferPointer { b in
                    XCTAssertEqual(Bytes8.allPrintableASCII(b, at: 0), word.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(value) at \(position)")
                    if word.contains(UInt8(ascii: ":")) || word.contains(UInt8(ascii: "#")) {
                        XCTAssertTrue(Bytes8.containsColonOrHash(b, at: 0), "\(value) at \(position)")
                    }
                }
            }
        }
        for length in 0..<20 {
            for spaces in 0...length {
                let text = Array((String(repeating: " ", count: spaces) + String(repeating: "x", count: length - spaces)).utf8)
                text.withUnsafeBufferPointer { XCTAssertEqual(Bytes8.leadingSpaces($0, from: 0), spaces) }
            }
        }
        // No false alarm on ordinary text, so the fast path is taken.
        Array("metadata".utf8).withUnsafeBufferPointer { XCTAssertFalse(Bytes8.containsColonOrHash($0, at: 0)) }
    }
}
