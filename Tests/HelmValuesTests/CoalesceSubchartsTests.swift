import HelmValues
import XCTest
import Diagnostics
import YAML

/// Values of a chart with subcharts, as Helm coalesces them (cases checked against helm 4.1.4).
final class CoalesceSubchartsTests: XCTestCase {
    private func chart(_ defaults: String, _ subcharts: [ChartDefaults] = []) -> ChartDefaults {
        ChartDefaults(name: "top", defaults: yamlNode(defaults), subcharts: subcharts)
    }

    private func sub(_ name: String, _ defaults: String, _ subcharts: [ChartDefaults] = []) -> ChartDefaults {
        ChartDefaults(name: name, defaults: yamlNode(defaults), subcharts: subcharts)
    }

    func testSubchartDefaultsGoUnderTheirNameWithTheParentsGlobals() throws {
        let tree = chart(
            "{global: {env: prod, labels: {team: a, tier: top}}, web: {replicas: 3}}",
            [sub("web", "{replicas: 1, image: nginx, global: {env: dev, own: web, labels: {tier: web, web: yes}}}",
                 [sub("side", "{level: warn, global: {labels: {side: 'true'}}}")]),
             sub("db", "{size: 10}")])
        let values = try Coalesce.coalesce(chart: tree, user: yamlNode("{global: {env: staging}, db: {size: 20}}")).toValue()
        XCTAssertEqual(values, yamlValue("""
            {global: {env: staging, labels: {team: a, tier: top}},
             web: {replicas: 3, image: nginx,
                   global: {env: staging, own: web, labels: {team: a, tier: top, web: yes}},
                   side: {level: warn, global: {env: staging, own: web, labels: {team: a, tier: top, web: yes, side: 'true'}}}},
             db: {size: 20, global: {env: staging, labels: {team: a, tier: top}}}}
            """))
    }

    func testUserNullsUnderASubchartReachTheSubchartsDefaults() throws {
        let tree = chart("{s: {fromParent: 1}}", [sub("s", "{image: nginx, nested: {a: 0, b: null, c: 2}, keep: null}")])
        let values = try Coalesce.coalesce(
            chart: tree, user: yamlNode("{s: {image: null, fromParent: null, nested: {c: null, b: 3}}}")).toValue()
        // image and nested.c are the subchart's defaults the user deleted; fromParent is kept as the
        // null the user wrote, because the subchart has no default there; keep is the subchart's null.
        XCTAssertEqual(values, yamlValue("{s: {fromParent: null, nested: {a: 0, b: 3}, keep: null, global: {}}}"))
    }

    func testAValueThatIsNotAMapUnderASubchartsNameIsAnError() {
        let tree = chart("{}", [sub("web", "{replicas: 1}")])
        let cases: [(String, String)] = [
            ("{web: 5}", "type mismatch on web: %!t(int64=5)"),
            ("{web: [1]}", "type mismatch on web: %!t([]interface {}=[1])"),
            ("{web: true}", "type mismatch on web: true"),
            ("{web: x}", "type mismatch on web: %!t(string=x)"),
        ]
        for (user, message) in cases {
            XCTAssertThrowsError(try Coalesce.coalesce(chart: tree, user: yamlNode(user, file: "u.yaml"))) { error in
                guard let error = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.message, message, user)
                XCTAssertEqual(error.mark?.file, "u.yaml", user)
            }
        }
    }

    func testAChartWithoutSubchartsCoalescesAsBefore() throws {
        let defaults = "{a: 1, b: {c: 2, d: 3}, n: null}"
        let user = yamlNode("{b: {c: null}, n: 5}")
        XCTAssertEqual(
            try Coalesce.coalesce(chart: chart(defaults), user: user).toValue(),
            Coalesce.coalesce(defaults: yamlNode(defaults), user: user).toValue())
    }
}
