import XCTest

/// Every bad input gets one line on stderr naming file:line:column and the values path, exit status 2,
/// and nothing on stdout.
final class BadInputTests: XCTestCase {
    static let cases: [(file: String, line: String)] = [
        ("unknown-component", #"7:18: mesh.connectivity.lb-gateway[0]: unknown component "discover" (did you mean "discoverer"?)"#),
        ("unknown-source", #"7:5: mesh.connectivity.webb: unknown component or external "webb" (did you mean "web"?)"#),
        ("self-edge", #"5:9: mesh.connectivity.a[0]: self-edge: "a" cannot list itself"#),
        ("wrong-type", "1:7: mesh: must be a map, not a number"),
        ("list-for-map", "2:15: mesh.components: must be a map of component ids, not a list"),
        ("unknown-field", #"5:11: defaults.networkPolicy.custom.egress[0].too: unknown field "too" (did you mean "to"?)"#),
        ("port-range", "5:26: defaults.networkPolicy.custom.ingress[0].ports[0].port: port 70000 is out of range 1-65535"),
        ("end-port", "5:41: defaults.networkPolicy.custom.ingress[0].ports[0].endPort: endPort 7000 must not be less than port 8000"),
        ("protocol", #"5:40: defaults.networkPolicy.custom.egress[0].ports[0].protocol: unsupported protocol "ICMP": must be TCP, UDP or SCTP"#),
        ("cidr", #"5:33: defaults.networkPolicy.custom.egress[0].to[0].ipBlock.cidr: invalid CIDR "10.0.0.0/33""#),
        ("except", #"5:54: defaults.networkPolicy.custom.egress[0].to[0].ipBlock.except[0]: except "192.168.0.0/16" is not inside cidr "10.0.0.0/8""#),
        ("label-key", #"3:18: mesh.components.a.labels.-bad-: invalid label key "-bad-": name must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"#),
        ("dns-name", #"3:15: mesh.components.a.name: invalid name "Not_DNS": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"#),
        ("malformed", "2:1: yaml: did not find expected ',' or ']'"),
        ("duplicate-key", #"2:1: yaml: duplicate key "a" in mapping"#),
        ("tabs", "2:1: yaml: found character that cannot start any token (tabs cannot indent YAML)"),
    ]

    func testEachBadValuesFileGetsItsOneLineError() throws {
        for (name, expected) in Self.cases {
            let path = "Tests/CLITests/Fixtures/bad/\(name).yaml"
            let result = try CLI.run(["render", "-f", path, "-n", "x"])
            XCTAssertEqual(result.status, 2, name)
            XCTAssertEqual(result.stdout, "", name)
            XCTAssertEqual(result.stderr, "\(path):\(expected)\n", name)
        }
    }

    func testErrorsInEverySubcommandThatReadsValues() throws {
        let path = "Tests/CLITests/Fixtures/bad/unknown-component.yaml"
        for command in [["verify"], ["matrix"], ["diff", "--old-values", path, "--new-values", path]] {
            let args = command.first == "diff" ? command + ["-n", "x"] : command + ["-f", path, "-n", "x"]
            let result = try CLI.run(args)
            XCTAssertEqual(result.status, 2, "\(command)")
            XCTAssertEqual(result.stdout, "", "\(command)")
            XCTAssertTrue(result.stderr.hasPrefix("\(path):7:18: mesh.connectivity.lb-gateway[0]"), result.stderr)
        }
    }

    func testMissingValuesFile() throws {
        let result = try CLI.run(["render", "-f", "no/such/values.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "open no/such/values.yaml: no such file or directory\n")
    }

    func testBadSetArguments() throws {
        let cases: [([String], String)] = [
            (["--set", "a,,b"], "--set:1:1: key \"a\" has no value (cannot end with ,)\n"),
            (["--set", "name"], "--set:1:1: key \"name\" has no value\n"),
            (["--set-json", "a={x"], ""),
        ]
        for (args, expected) in cases {
            let result = try CLI.run(["render"] + args)
            XCTAssertEqual(result.status, 2, "\(args)")
            XCTAssertEqual(result.stdout, "", "\(args)")
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "one line: \(result.stderr)")
            if !expected.isEmpty { XCTAssertEqual(result.stderr, expected, "\(args)") }
        }
    }

    func testUsageErrorsExitTwo() throws {
        for args in [["render", "--bogus"], ["render", "-o", "xml"], ["nosuchcommand"], ["diff", "only-one.yaml"],
                     ["verify", "--explain", "a"]] {
            let result = try CLI.run(args)
            XCTAssertEqual(result.status, 2, "\(args)")
            XCTAssertEqual(result.stdout, "", "\(args)")
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "\(args): \(result.stderr)")
        }
    }

    func testStdinValues() throws {
        let result = try CLI.run(["render", "-f", "-", "-n", "x"], stdin: "mesh: 5\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "<stdin>:1:7: mesh: must be a map, not a number\n")
    }
}

/// Template errors reach the terminal as one line with the template's position and the message,
/// although Helm 4 words them over several lines; recursion is shortened.
final class TemplateErrorLineTests: XCTestCase {
    func testTemplateErrorsAreOneLineWithPositionAndMessage() throws {
        let parity = "Tests/MeshRenderTests/Fixtures/parity/"
        let cases: [(chart: String, starts: String, contains: String)] = [
            ("error-struct-range", "template: error-struct-range/templates/cm.yaml:2:34: executing ", "range can't iterate over {v1.35.0 v1.35.0 1 35}"),
            ("error-nil-pointer", "template: error-nil-pointer/templates/broken.yaml:3:18: ", "nil pointer evaluating interface {}.deeper"),
            ("error-wrong-arg-type", "template: error-wrong-arg-type/templates/broken.yaml:3:22: ", "wrong type for value; expected int; got float64"),
            ("error-fail", "execution error at (error-fail/templates/broken.yaml:2:4): ", "you must accept the license"),
            ("error-fail-multiline", "execution error at (failing/templates/validate.yaml:3:4): ",
             "): A cluster name is required! Please set: cluster: name: my-cluster-name"),
            ("error-include-recursion", "template: error-include-recursion/templates/broken.yaml:4:11: ",
             "[the same include 1000 more times]: error calling include: rendering template has a nested reference name: loop"),
        ]
        for c in cases {
            let r = try CLI.run(["render", parity + c.chart + "/chart"])
            XCTAssertEqual(r.status, 2, c.chart)
            XCTAssertEqual(r.stdout, "", c.chart)
            let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, 2, "\(c.chart): \(r.stderr.prefix(300))")
            XCTAssertTrue(r.stderr.hasPrefix(c.starts), "\(c.chart): \(r.stderr.prefix(300))")
            XCTAssertTrue(r.stderr.contains(c.contains), "\(c.chart): \(r.stderr.prefix(600))")
            XCTAssertLessThan(r.stderr.count, 1000, c.chart)
        }
    }
}
