import HelmValues
import XCTest
import YAML

/// One row of a `--set` table: an argument and either the values it yields or its error.
struct SetCase {
    var argument: String
    /// Expected values as YAML; nil when the argument is an error.
    var expect: String?
    /// Expected `InputError.description` for error cases.
    var error: String?
    var file: StaticString
    var line: UInt

    init(_ argument: String, _ expect: String, file: StaticString = #filePath, line: UInt = #line) {
        self.argument = argument
        self.expect = expect
        self.file = file
        self.line = line
    }

    init(_ argument: String, error: String, file: StaticString = #filePath, line: UInt = #line) {
        self.argument = argument
        self.error = error
        self.file = file
        self.line = line
    }
}

func checkSetCases(_ cases: [SetCase], kind: SetParser.Kind, initial: String = "{}") {
    for c in cases {
        switch applySet(c.argument, kind: kind, initial: initial) {
        case .success(let got):
            if let expect = c.expect {
                XCTAssertEqual(got, yamlValue(expect), c.argument, file: c.file, line: c.line)
            } else {
                XCTFail("\(c.argument): expected error \(c.error ?? ""), got \(got)", file: c.file, line: c.line)
            }
        case .failure(let error):
            if let expected = c.error {
                XCTAssertEqual(error.description, expected, c.argument, file: c.file, line: c.line)
            } else {
                XCTFail("\(c.argument): unexpected error \(error)", file: c.file, line: c.line)
            }
        }
    }
}

