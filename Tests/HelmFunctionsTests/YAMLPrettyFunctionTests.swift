import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// Helm's `toYamlPretty` as a template function (the emitter itself is tested in YAMLTests);
/// expectations are Helm v4.1.4's.
final class YAMLPrettyFunctionTests: XCTestCase {
    func testTable() {
        assertFunctionCases([
            ("toYamlPretty", [.map(["l": .list([.list([.int(1), .int(2)]), .map(["k": .list([])])]), "i": .int(3), "f": .float(3)])],
             .ok("string:f: 3\ni: 3\nl:\n  - - 1\n    - 2\n  - k: []")),
            ("toYamlPretty", [.map(["num": .float(1_000_000), "s": .string("yes")])], .ok("string:num: 1e+06\ns: \"yes\"")),
            ("toYamlPretty", [.string("str")], .ok("string:str")),
            ("toYamlPretty", [.null], .ok("string:null")),
            ("toYamlPretty", [], .argument("wrong number of args for toYamlPretty: want 1 got 0")),
        ])
    }
}
