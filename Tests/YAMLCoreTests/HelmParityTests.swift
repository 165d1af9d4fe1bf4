import XCTest
import YAMLCore

/// Byte-for-byte comparison with the real Helm binary (skipped when Helm is not installed).
final class HelmParityTests: XCTestCase {
    /// Golden cases plus random values, all rendered by Helm in one run.
    func testToYamlToJsonAndToPrettyJsonMatchHelm() throws {
        let probe = try HelmProbe.locate()
        var cases = HelmYAMLGoldenTests.cases.map(\.value) + GoJSONGoldenTests.cases.map(\.value)
        var random = RandomValues(rng: SeededRandom(seed: 20_261_123))
        while cases.count < 600 {
            let v = random.value()
            if !HelmProbe.hasAmbiguousKeyOrder(v) { cases.append(v) }
        }
        let outputs = try probe.render(cases)
        var mismatches = 0
        for (value, helm) in zip(cases, outputs) {
            let yaml = HelmYAML.toYaml(value)
            let json = GoJSON.encode(value)
            let pretty = GoJSON.encodeIndented(value)
            if yaml != helm.toYaml || json != helm.toJson || pretty != helm.toPrettyJson {
                mismatches += 1
                if mismatches <= 15 {
                    XCTFail("""
                        value \(GoJSON.encode(value))
                        toYaml helm: \(helm.toYaml.debugDescription)
                        toYaml ours: \(yaml.debugDescription)
                        toJson helm: \(helm.toJson.debugDescription)
                        toJson ours: \(json.debugDescription)
                        pretty equal: \(pretty == helm.toPrettyJson)
                        """)
                }
            }
        }
        XCTAssertEqual(mismatches, 0, "of \(cases.count) cases")
    }
}
