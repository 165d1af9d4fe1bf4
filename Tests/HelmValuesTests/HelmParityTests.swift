import Foundation
import HelmValues
import XCTest
import YAML

/// Our values against `helm template` on the same flags: same values (numbers compared as
/// floats, as JSON shows them), or an error in both; for the `--set` family and unreadable
/// files, the same message too. Skipped when helm is missing.
final class HelmParityTests: XCTestCase {
    typealias Scenario = ParityChecker.Scenario
    var checker: ParityChecker!

    override func setUpWithError() throws {
        checker = ParityChecker(runner: try HelmRunner.make())
    }

    override func tearDown() {
        checker?.runner.cleanUp()
    }

    func check(_ scenarios: [Scenario]) throws {
        try checker.check(scenarios)
    }

    // MARK: scenarios

    func testPortedStrvalsTables() throws {
        var scenarios: [Scenario] = []
        for c in StrvalsPortTests.parseSet { scenarios.append(Scenario(name: c.argument, flags: [.set(.set, c.argument)], file: c.file, line: c.line)) }
        for c in StrvalsPortTests.parseSetString { scenarios.append(Scenario(name: c.argument, flags: [.set(.string, c.argument)], file: c.file, line: c.line)) }
        for c in LiteralPortTests.parseLiteral { scenarios.append(Scenario(name: c.argument, flags: [.set(.literal, c.argument)], file: c.file, line: c.line)) }
        let deep = (1...32).map { "name\($0)" }.joined(separator: ".") + "=value"
        scenarios.append(Scenario(name: "nested levels", flags: [.set(.set, deep)]))
        scenarios.append(Scenario(name: "nested levels literal", flags: [.set(.literal, deep)]))
        // TestSetIndex, TestParseInto, TestParseIntoString, TestParseJSON, TestParseLiteralInto with files for `got`.
        let into: [(got: String, flags: [(SetParser.Kind, String)])] = [
            ("{list: [0, 1]}", [(.set, "list[2]=2")]),
            ("{list: [0, 1]}", [(.set, "list[1]=2")]),
            ("{list: [0, 1, 2, 3, 4, 5]}", [(.set, "list[3]=4")]),
            ("{list: [0, 1, 2, 3, 4, 5]}", [(.set, "list[-1]=4")]),
            ("{list: [0, 1, 2, 3, 4, 5]}", [(.set, "list[65537]=4")]),
            ("{outer: {inner1: overwrite, inner2: value2}}", [(.set, "outer.inner1=value1,outer.inner3=value3,outer.inner4=4")]),
            ("{}", [(.set, "listOuter[0][0].type=listValue"), (.set, "listOuter[0][0].status=alive")]),
            ("{}", [(.set, "listOuter[0][0].type=listValue"), (.set, "listOuter[1][0].status=alive")]),
            ("{listOuter: [[[{exited: old}]]]}", [(.set, "listOuter[0][1][0].type=listValue"), (.set, "listOuter[0][0][1].status=alive")]),
            ("{outer: {inner1: overwrite, inner2: value2}}", [(.string, "outer.inner1=1,outer.inner3=3")]),
            ("{outer: {inner1: overwrite, inner2: value2}}", [(.json, #"outer.inner1="1",outer.inner3=3,outer.inner4=true,outer.inner5="true""#)]),
            ("{outer: {inner1: {x: overwrite}, inner2: value2, inner3: [overwrite]}}",
             [(.json, #"outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5=[{"A":"1","B":2,"C":[1,2,3]}]"#)]),
            ("{outer: {inner1: {x: overwrite}, inner2: value2}}",
             [(.json, #"outer.inner1=,outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner3.cc[1]=null"#)]),
            ("{}", [(.json, #"outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5={"A":"1","B":2,"C":[1,2,3]}]"#)]),
            ("{outer: {inner1: overwrite, inner2: value2}}", [(.literal, "outer.inner1=value1,outer.inner3=value3,outer.inner4=4")]),
            ("{}", [(.literal, "listOuter[0][0].type=listValue"), (.literal, "listOuter[0][0].status=alive")]),
            ("{}", [(.literal, "listOuter[0][0].type=listValue"), (.literal, "listOuter[1][0].status=alive")]),
            ("{listOuter: [[[{exited: old}]]]}", [(.literal, "listOuter[0][1][0].type=listValue"), (.literal, "listOuter[0][0][1].status=alive")]),
        ]
        for c in into {
            scenarios.append(Scenario(name: c.flags.map(\.1).joined(separator: " "), files: [c.got],
                                      flags: [.file(0)] + c.flags.map { .set($0.0, $0.1) }))
        }
        try check(scenarios)
    }

    func testSetScenarios() throws {
        var scenarios: [Scenario] = []
        for c in SetScenarios.typed { scenarios.append(Scenario(name: c.argument, flags: [.set(.set, c.argument)], file: c.file, line: c.line)) }
        for c in SetScenarios.overFile {
            scenarios.append(Scenario(name: c.argument, files: [SetScenarios.fileValues], flags: [.file(0), .set(.set, c.argument)], file: c.file, line: c.line))
        }
        for c in SetScenarios.json { scenarios.append(Scenario(name: c.argument, flags: [.set(.json, c.argument)], file: c.file, line: c.line)) }
        try check(scenarios)
    }

    func testFilesAndFlagOrder() throws {
        let f0 = "a: {b: 1, c: [1, 2], d: {e: x}}\nkeep: 1\nnul: null\nbig: 12345678901234567890\nf: 1.5e3\n"
        let f1 = "a: {c: [3], d: {f: y}, g: null}\nlst: [1, {x: 1}]\nkeep: ~\n"
        let f2 = "a: {d: null}\nlst: [2]\nnew: {deep: {er: true}}\n"
        try check([
            Scenario(name: "three files", files: [f0, f1, f2], flags: [.file(0), .file(1), .file(2)]),
            Scenario(name: "scalar typing in files", files: [
                "a: 012\nb: 0o12\nc: 1_000\nd: +.5\ne: ~\nf: 2001-12-14\ng: 2001-12-14t21:59:43.10-05:00\nh: 0x1F\n"
                    + "i: 1e3\nj: 0b101\nk: -0\nl: 1.0\nm: 6.02e+23\nn1: .5\no: \"012\"\np: !!str 12\n"
                    + "q: 18446744073709551616\nr: 9223372036854775807\ns: -9223372036854775808\nt: 0777\nu: 1:20\n"
                    + "v: =\nw: <<\nx: Yes\nz: off\n",
            ], flags: [.file(0)]),
            Scenario(name: "three files reversed", files: [f0, f1, f2], flags: [.file(2), .file(1), .file(0)]),
            Scenario(name: "multi-document, empty and comment files",
                     files: ["a: 1\nb: {x: 1}\n---\nb: {w: 2}\nc: 3\n---\n---\nnull\n", "", "# nothing\n"],
                     flags: [.file(0), .file(1), .file(2)]),
            Scenario(name: "every kind, given in reverse", files: [f0], flags: [
                .set(.literal, "a.lit=1,2"), .set(.string, "a.s=5"), .set(.set, "a.n=5,a.b[2]=x"),
                .set(.json, #"a.j={"k":[1,{"z":null}]}"#), .file(0),
            ]),
            Scenario(name: "the same key by every kind", flags: [
                .set(.literal, "k=lit"), .set(.string, "k=str"), .set(.set, "k=1"), .set(.json, "k=2"),
            ]),
            Scenario(name: "the same key without literal", flags: [.set(.string, "k=str"), .set(.set, "k=1"), .set(.json, "k=2")]),
            Scenario(name: "same kind in order", flags: [.set(.set, "k=1"), .set(.set, "k=2,j=3"), .set(.set, "j=4")]),
            Scenario(name: "set-json object merges", files: ["a: {x: 1, y: 2}\n"],
                     flags: [.file(0), .set(.json, #"{"a":{"y":3}}"#)]),
            Scenario(name: "set-json key replaces", files: ["a: {x: 1, y: 2}\n"], flags: [.file(0), .set(.json, #"a={"y":3}"#)]),
            Scenario(name: "set replaces file list", files: ["a: [1, 2, 3]\n"], flags: [.file(0), .set(.set, "a={x}")]),
            Scenario(name: "set edits file list", files: ["a: [1, 2, 3]\n"], flags: [.file(0), .set(.set, "a[1]=x,a[4]=y")]),
            Scenario(name: "set null over file", files: ["a: {b: 1}\n"], flags: [.file(0), .set(.set, "a=null")]),
            Scenario(name: "stdin", files: ["a: {b: 1}\n"], flags: [.file(0), .stdin], stdin: "a: {c: 2}\nd: [x]\n"),
            Scenario(name: "set-file", files: ["line one\nline two\n"], flags: [.set(.file, "a=f0.yaml,b={f0.yaml}")]),
            Scenario(name: "set-file missing", flags: [.set(.file, "a=missing.txt")]),
            Scenario(name: "missing file", flags: [.path("missing.yaml")]),
            Scenario(name: "directory", flags: [.path(".")]),
            Scenario(name: "list file", files: ["- 1\n- 2\n"], flags: [.file(0)]),
            Scenario(name: "scalar file", files: ["hello\n"], flags: [.file(0)]),
            Scenario(name: "second document not a map", files: ["a: 1\n---\n12\n"], flags: [.file(0)]),
            Scenario(name: "infinite number", files: ["a: .inf\n"], flags: [.file(0)]),
            Scenario(name: "bad YAML", files: ["a: [1\n"], flags: [.file(0)]),
            Scenario(name: "null key", files: ["y: 1\n2: two\nnull: n\n"], flags: [.file(0)]),
            Scenario(name: "keys of other types", files: ["y: 1\n2: two\n1.5: f\n"], flags: [.file(0)]),
            Scenario(name: "set conflicts with file", files: ["a: 1.5\n"], flags: [.file(0), .set(.set, "a.b=1")]),
            Scenario(name: "string conflicts with file", files: ["a: [1]\n"], flags: [.file(0), .set(.string, "a.b=1")]),
        ])
    }

    func testCoalesceWithChartDefaults() throws {
        var scenarios = CoalesceTests.cases.map { c in
            Scenario(name: c.user, files: [c.user], flags: [.file(0)], defaults: CoalesceTests.chart)
        }
        scenarios += [
            Scenario(name: "set null deletes defaults", flags: [.set(.set, "b.x=null,a=null,s=null")], defaults: CoalesceTests.chart),
            Scenario(name: "set-json null", flags: [.set(.json, #"b={"z":null},l=null"#)], defaults: CoalesceTests.chart),
            Scenario(name: "set over defaults", flags: [.set(.set, "b.z.q=3,l[3]=x,m.k=null,m.j=1")], defaults: CoalesceTests.chart),
            Scenario(name: "no user values", flags: [], defaults: "top: null\nmap: {inner: null, list: [null]}\n"),
            Scenario(name: "nothing at all", flags: []),
            Scenario(name: "empty defaults", flags: [.set(.set, "a=1")], defaults: ""),
        ]
        try check(scenarios)
    }
}
