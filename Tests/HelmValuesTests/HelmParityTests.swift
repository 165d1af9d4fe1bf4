import Foundation
import HelmValues
import XCTest
import YAMLCore

/// Our values against `helm template` on the same flags: same values (numbers compared as
/// floats, as JSON shows them), or an error in both; for the `--set` family and unreadable
/// files, the same message too. Skipped when helm is missing.
final class HelmParityTests: XCTestCase {
    enum Flag {
        /// `-f` of the scenario's file at this index.
        case file(Int)
        /// `-f` of a path that is not a readable file (relative to the work directory).
        case path(String)
        /// `-f -`
        case stdin
        case set(SetParser.Kind, String)
    }

    struct Scenario {
        var name: String
        var files: [String] = []
        var flags: [Flag]
        var defaults: String? = nil
        var stdin: String? = nil
        var file: StaticString = #filePath
        var line: UInt = #line
    }

    var runner: HelmRunner!

    override func setUpWithError() throws {
        runner = try HelmRunner.make()
    }

    override func tearDown() {
        runner?.cleanUp()
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

    // MARK: running

    func check(_ scenarios: [Scenario]) throws {
        var errors = 0, messages = 0
        for scenario in scenarios {
            let outcome = try check(scenario)
            if outcome != .values { errors += 1 }
            if outcome == .sameMessage { messages += 1 }
        }
        print("helm parity: \(scenarios.count) scenarios, \(errors) errors in both, \(messages) with the same message")
    }

    enum Agreement { case values, error, sameMessage }

    @discardableResult
    func check(_ scenario: Scenario) throws -> Agreement {
        let file = scenario.file
        var arguments: [String] = []
        var options = ValuesOptions()
        for (i, content) in scenario.files.enumerated() {
            try content.write(to: runner.directory.appendingPathComponent("f\(i).yaml"), atomically: true, encoding: .utf8)
        }
        for flag in scenario.flags {
            switch flag {
            case .file(let i):
                arguments += ["-f", "f\(i).yaml"]
                options.valueFiles.append("f\(i).yaml")
            case .path(let path):
                arguments += ["-f", path]
                options.valueFiles.append(path)
            case .stdin:
                arguments += ["-f", "-"]
                options.valueFiles.append("-")
            case .set(let kind, let argument):
                arguments += [kind.flag, argument]
                switch kind {
                case .json: options.jsonValues.append(argument)
                case .set: options.setValues.append(argument)
                case .string: options.stringValues.append(argument)
                case .file: options.fileValues.append(argument)
                case .literal: options.literalValues.append(argument)
                }
            }
        }
        let helm = try runner.template(arguments: arguments, defaults: scenario.defaults, stdin: scenario.stdin)
        let ours = Result { () throws(InputError) -> Value in try self.ours(options, scenario) }
        let label = "\(scenario.name) [\(arguments.joined(separator: " "))]"
        switch (helm, ours) {
        case (.values(let expected), .success(let got)):
            XCTAssertEqual(floatNumbers(got), expected, label, file: file, line: scenario.line)
        case (.error(let message), .failure(let error)):
            if let expected = Self.comparableMessage(error, for: scenario) {
                XCTAssertEqual(expected, message, label, file: file, line: scenario.line)
                return .sameMessage
            }
            return .error
        case (.values(let expected), .failure(let error)):
            XCTFail("\(label): helm gives \(expected), we fail: \(error)", file: file, line: scenario.line)
        case (.error(let message), .success(let got)):
            XCTFail("\(label): helm fails (\(message)), we give \(got)", file: file, line: scenario.line)
        }
        return .values
    }

    func ours(_ options: ValuesOptions, _ scenario: Scenario) throws(InputError) -> Value {
        let directory = runner.directory.path + "/"
        let user = try options.merged(
            readFile: { path in
                do {
                    return try ValuesOptions.readFileFromDisk(path.hasPrefix("/") ? path : directory + path)
                } catch let error as InputError {
                    // Report the path as given, as helm does.
                    throw InputError(error.message.replacingOccurrences(of: directory, with: ""), at: error.mark)
                }
            },
            readStdin: { Array((scenario.stdin ?? "").utf8) })
        let defaults = try scenario.defaults.map { text throws(InputError) in
            try ValuesFile.load(Array(text.utf8), file: "values.yaml")
        } ?? Node(.mapping(Mapping()))
        return Coalesce.coalesce(defaults: defaults, user: user).toValue()
    }

    /// Helm's error line for our error, where we promise the same text: the `--set` family
    /// (except `--set-json`, where Helm only echoes the argument) and unreadable files.
    static func comparableMessage(_ error: InputError, for scenario: Scenario) -> String? {
        if let file = error.mark?.file, let kind = SetParser.Kind.allCases.first(where: { $0.flag == file }) {
            return kind == .json ? nil : "failed parsing \(kind.flag) data: \(error.message)"
        }
        if error.mark == nil, error.message.hasPrefix("open ") || error.message.hasPrefix("read ") {
            return error.message
        }
        return nil
    }
}
