import Foundation
import HelmValues
import XCTest
import Diagnostics
import GoValues
import YAML

final class ValuesOptionsTests: XCTestCase {
    let files: [String: String] = [
        "a.yaml": "k: from-a\nm: {x: 1, l: [1, 2]}\n",
        "b.yaml": "k: from-b\nm: {l: [3]}\n",
        "list.yaml": "- 1\n",
    ]

    func read(_ path: String) throws -> [UInt8] {
        guard let text = files[path] else { throw InputError("open \(path): no such file or directory", at: nil) }
        return Array(text.utf8)
    }

    func merged(_ options: ValuesOptions, stdin: String = "") -> Result<Value, InputError> {
        Result { () throws(InputError) in
            try options.merged(readFile: read, readStdin: { Array(stdin.utf8) }).toValue()
        }
    }

    func testKindsApplyInHelmsOrder() throws {
        let cases: [(options: ValuesOptions, expect: String, line: UInt)] = [
            (ValuesOptions(valueFiles: ["a.yaml", "b.yaml"]), "{k: from-b, m: {x: 1.0, l: [3.0]}}", #line),
            (ValuesOptions(valueFiles: ["b.yaml", "a.yaml"]), "{k: from-a, m: {x: 1.0, l: [1.0, 2.0]}}", #line),
            (ValuesOptions(valueFiles: ["a.yaml"], jsonValues: ["k=1"]), "{k: 1.0, m: {x: 1.0, l: [1.0, 2.0]}}", #line),
            (ValuesOptions(valueFiles: ["a.yaml"], jsonValues: ["k=1"], setValues: ["k=2"]), "{k: 2, m: {x: 1.0, l: [1.0, 2.0]}}", #line),
            (ValuesOptions(jsonValues: ["k=1"], setValues: ["k=2"], stringValues: ["k=3"]), "{k: '3'}", #line),
            (ValuesOptions(setValues: ["k=2"], stringValues: ["k=3"], fileValues: ["k=a.yaml"]), "{k: \"k: from-a\\nm: {x: 1, l: [1, 2]}\\n\"}", #line),
            (ValuesOptions(stringValues: ["k=3"], fileValues: ["k=a.yaml"], literalValues: ["k=4,5"]), "{k: '4,5'}", #line),
            (ValuesOptions(setValues: ["k=1", "k=2,j=3"]), "{k: 2, j: 3}", #line),
            (ValuesOptions(valueFiles: ["a.yaml"], setValues: ["m.l[1]=x"]), "{k: from-a, m: {x: 1.0, l: [1.0, x]}}", #line),
            (ValuesOptions(), "{}", #line),
        ]
        for c in cases {
            XCTAssertEqual(try merged(c.options).get(), yamlValue(c.expect), line: c.line)
        }
    }

    /// Files already parsed are merged in their place without being read; `-` is always stdin.
    func testLoadedFilesAreNotReadAgain() throws {
        let loaded: [String: Node] = [
            "b.yaml": try ValuesFile.load(Array("k: loaded-b\n".utf8), file: "b.yaml"),
            "-": try ValuesFile.load(Array("k: not-stdin\n".utf8), file: "-"),
            "gone.yaml": try ValuesFile.load(Array("g: 1\n".utf8), file: "gone.yaml"),
        ]
        var reads: [String] = []
        let node = try ValuesOptions(valueFiles: ["a.yaml", "b.yaml", "gone.yaml", "-"]).merged(
            readFile: { path in reads.append(path); return try self.read(path) },
            readStdin: { Array("s: stdin\n".utf8) }, loaded: loaded)
        XCTAssertEqual(reads, ["a.yaml"])
        XCTAssertEqual(node.toValue(), yamlValue("{k: loaded-b, m: {x: 1.0, l: [1.0, 2.0]}, g: 1.0, s: stdin}"))
        XCTAssertEqual(node.mapping?["k"]?.mark, Mark(file: "b.yaml", line: 1, column: 4))
    }

    func testStdin() throws {
        XCTAssertEqual(try merged(ValuesOptions(valueFiles: ["a.yaml", " - "]), stdin: "k: stdin\n").get(),
                       yamlValue("{k: stdin, m: {x: 1.0, l: [1.0, 2.0]}}"))
        var node = try ValuesOptions(valueFiles: ["-"]).merged(readFile: read, readStdin: { Array("a: 1\n".utf8) })
        XCTAssertEqual(node.mapping?["a"]?.mark, Mark(file: "-", line: 1, column: 4))
        node = try ValuesOptions(fileValues: ["x=-"]).merged(readFile: read, readStdin: { Array("raw".utf8) })
        XCTAssertEqual(node.toValue(), yamlValue("{x: raw}"))
    }

    func testErrors() {
        let cases: [(options: ValuesOptions, error: String, line: UInt)] = [
            (ValuesOptions(valueFiles: ["missing.yaml"]), "open missing.yaml: no such file or directory", #line),
            (ValuesOptions(valueFiles: ["list.yaml"]), "list.yaml:1:1: values must be a map at the top level, but this document is a list", #line),
            (ValuesOptions(valueFiles: ["a.yaml"], setValues: ["m.x.y=1"]),
             "--set:1:3: unable to parse key: interface conversion: interface {} is float64, not map[string]interface {}", #line),
            (ValuesOptions(stringValues: ["a"]), #"--set-string:1:1: key "a" has no value"#, #line),
            (ValuesOptions(fileValues: ["a=nope"]), "--set-file:1:3: open nope: no such file or directory", #line),
            (ValuesOptions(jsonValues: ["a={"]), "--set-json:1:4: unexpected end of JSON input", #line),
            (ValuesOptions(setValues: ["a=1", "b.c=2,d"]), #"--set:2:7: key "d" has no value"#, #line),
            (ValuesOptions(jsonValues: ["a=1", "b=2", #" {"x": tru}"#]), "--set-json:3:11: invalid JSON object: invalid character '}' in literal true (expecting 'e')", #line),
            (ValuesOptions(literalValues: ["a[x]=1"]), #"--set-literal:1:3: error parsing index: strconv.Atoi: parsing "x": invalid syntax"#, #line),
        ]
        for c in cases {
            guard case .failure(let error) = merged(c.options) else { XCTFail("accepted", line: c.line); continue }
            XCTAssertEqual(error.description, c.error, line: c.line)
        }
    }

    func testMarksNameTheArgument() throws {
        let node = try ValuesOptions(setValues: ["a=1", "b=2"], stringValues: ["c=3"]).merged(readFile: read, readStdin: { [] })
        let m = try XCTUnwrap(node.mapping)
        XCTAssertEqual(m["a"]?.mark, Mark(file: "--set", line: 1, column: 3))
        XCTAssertEqual(m["b"]?.mark, Mark(file: "--set", line: 2, column: 3))
        XCTAssertEqual(m.keyMarks["c"], Mark(file: "--set-string", line: 1, column: 1))
    }

    func testForeignReaderErrorsNameThePath() {
        struct Broken: Error, CustomStringConvertible { var description: String { "disk on fire" } }
        let options = ValuesOptions(valueFiles: ["x.yaml"])
        XCTAssertThrowsError(try options.merged(readFile: { _ in throw Broken() }, readStdin: { [] })) { error in
            XCTAssertEqual("\(error)", #"cannot read values file "x.yaml": disk on fire"#)
        }
    }

    func testReadFileFromDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helmvalues-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("v.yaml")
        let big = String(repeating: "x", count: 200_000)
        try "a: \(big)\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ValuesOptions.readFileFromDisk(file.path).count, 200_004)
        XCTAssertThrowsError(try ValuesOptions.readFileFromDisk(dir.path + "/nope.yaml")) { error in
            XCTAssertEqual("\(error)", "open \(dir.path)/nope.yaml: no such file or directory")
        }
        XCTAssertThrowsError(try ValuesOptions.readFileFromDisk(dir.path)) { error in
            XCTAssertEqual("\(error)", "read \(dir.path): is a directory")
        }
    }

    func testLookup() {
        let node = yamlNode("{a: {b: [x, {c: 1}]}, 'd.e': 2}")
        XCTAssertEqual(ValuesPath.lookup("a.b[1].c", in: node)?.toValue(), .int(1))
        XCTAssertEqual(ValuesPath.lookup("a.b[0]", in: node)?.toValue(), .string("x"))
        XCTAssertEqual(ValuesPath.lookup("", in: node)?.toValue(), node.toValue())
        XCTAssertNil(ValuesPath.lookup("a.b[2]", in: node))
        XCTAssertNil(ValuesPath.lookup("a.z", in: node))
        XCTAssertNil(ValuesPath.lookup("a.b.c", in: node))
        XCTAssertNil(ValuesPath.lookup("a[0]", in: node))
        XCTAssertNil(ValuesPath.lookup("a.b[x]", in: node))
    }
}
