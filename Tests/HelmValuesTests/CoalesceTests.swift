import HelmValues
import XCTest
import YAML

/// Chart defaults under user values; the expectations are what Helm v4.1.4 renders.
final class CoalesceTests: XCTestCase {
    static let chart = "{a: 1, b: {x: 1, 'y': null, z: {q: 2}}, 'n': null, m: {k: v}, l: [1, 2], s: str}"

    /// User values, the values templates see, and the warnings Helm logs.
    static let cases: [(user: String, expect: String, warnings: [String], line: UInt)] = [
        ("{}", CoalesceTests.chart, [], #line),
        ("{a: null, b: {x: null, w: null, z: 5}, m: 3, s: {k: 1}, nn: null, 'n': null}",
         "{b: {'y': null, w: null, z: 5}, l: [1, 2], m: 3, nn: null, s: {k: 1}}",
         ["warning: skipped value for c.s: Not a table.",
          "warning: cannot overwrite table with non table for c.b.z (map[q:2])"], #line),
        ("{b: {z: {q: null}}}", "{a: 1, b: {x: 1, 'y': null, z: {}}, 'n': null, m: {k: v}, l: [1, 2], s: str}", [], #line),
        ("{b: {z: {q: null, r: null}}, l: null}",
         "{a: 1, b: {x: 1, 'y': null, z: {r: null}}, 'n': null, m: {k: v}, s: str}", [], #line),
        ("{b: {'y': null}}", CoalesceTests.chart, [], #line),
        ("{b: {'y': {deep: 1}}}", "{a: 1, b: {x: 1, 'y': {deep: 1}, z: {q: 2}}, 'n': null, m: {k: v}, l: [1, 2], s: str}", [], #line),
        ("{'n': {k: 1}, l: [3], m: {j: w}}",
         "{a: 1, b: {x: 1, 'y': null, z: {q: 2}}, 'n': {k: 1}, m: {k: v, j: w}, l: [3], s: str}", [], #line),
        ("{m: {k: {deeper: 1}}}", "{a: 1, b: {x: 1, 'y': null, z: {q: 2}}, 'n': null, m: {k: {deeper: 1}}, l: [1, 2], s: str}",
         ["warning: destination for c.m.k is a table. Ignoring non-table value (v)"], #line),
        ("{a: [1], m: null, x: {'y': null}}", "{a: [1], b: {x: 1, 'y': null, z: {q: 2}}, 'n': null, l: [1, 2], s: str, x: {'y': null}}", [], #line),
    ]

    func testTable() {
        for c in Self.cases {
            var warnings: [CoalesceWarning] = []
            let defaults = yamlNode(Self.chart), user = yamlNode(c.user)
            let got = Coalesce.coalesce(defaults: defaults, user: user, chartName: "c", warnings: &warnings)
            XCTAssertEqual(got.toValue(), yamlValue(c.expect), c.user, line: c.line)
            XCTAssertEqual(warnings.map(\.message).sorted(), c.warnings.sorted(), c.user, line: c.line)
            XCTAssertEqual(Coalesce.coalesce(defaults: defaults, user: user).toValue(), got.toValue(), line: c.line)
            XCTAssertEqual(defaults.toValue(), yamlValue(Self.chart), "defaults changed", line: c.line)
            XCTAssertEqual(user.toValue(), yamlValue(c.user), "user values changed", line: c.line)
        }
    }

    func testWarningPointsAtTheUserValue() {
        var warnings: [CoalesceWarning] = []
        _ = Coalesce.coalesce(
            defaults: yamlNode("{s: str}"), user: yamlNode("{s: {k: 1}}", file: "user.yaml"), chartName: "c", warnings: &warnings)
        XCTAssertEqual(warnings.first?.mark?.file, "user.yaml")
        XCTAssertEqual(warnings.first?.key, "c.s")
    }

    func testChartOnlyKeysKeepChartMarks() throws {
        let got = Coalesce.coalesce(defaults: yamlNode("{a: {b: 1, c: 2}}", file: "values.yaml"),
                                    user: yamlNode("{a: {c: 3}}", file: "user.yaml"))
        XCTAssertEqual(ValuesPath.lookup("a.b", in: got)?.mark?.file, "values.yaml")
        XCTAssertEqual(ValuesPath.lookup("a.c", in: got)?.mark?.file, "user.yaml")
    }
}
