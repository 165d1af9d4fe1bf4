import Foundation
import XCTest
import GoValues
import YAML

/// Byte-for-byte comparison with the real Helm binary (skipped when Helm is not installed).
final class HelmParityTests: XCTestCase {
    /// Golden cases plus random values, all rendered by Helm in one run.
    func testToYamlToJsonAndToPrettyJsonMatchHelm() throws {
        let probe = try HelmProbe.locate()
        // Values Go cannot encode cannot come from a values file; `testUnencodableValues` covers them.
        var cases = HelmYAMLGoldenTests.cases.filter { !$0.yaml.isEmpty }.map(\.value)
            + GoJSONGoldenTests.cases.filter { !$0.json.isEmpty }.map(\.value)
            + HelmYAMLGoldenTests.prettyCases.map(\.value)
        // MESHRENDER_PARITY_SEED explores other random cases; the default seed keeps runs repeatable.
        let seed = ProcessInfo.processInfo.environment["MESHRENDER_PARITY_SEED"].flatMap(UInt64.init) ?? 20_261_123
        var random = RandomValues(rng: SeededRandom(seed: seed))
        while cases.count < 1500 {
            let v = cases.count % 3 == 0 ? random.value(depth: -3) : random.value()
            if !HelmProbe.hasAmbiguousKeyOrder(v) { cases.append(v) }
        }
        let outputs = try probe.render(cases)
        var mismatches = 0, prettyMismatches = 0
        for (value, helm) in zip(cases, outputs) {
            // Values come from a file, so Helm holds every number as a float64.
            let yamlPretty = HelmYAML.toYamlPretty(value.withHelmNumbers())
            if yamlPretty != helm.toYamlPretty {
                prettyMismatches += 1
                if prettyMismatches <= 10 {
                    XCTFail("""
                        value \(GoJSON.encode(value))
                        toYamlPretty helm: \(helm.toYamlPretty.debugDescription)
                        toYamlPretty ours: \(yamlPretty.debugDescription)
                        """)
                }
            }
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
        XCTAssertEqual(prettyMismatches, 0, "toYamlPretty, of \(cases.count) cases")
        // Most cases must print something, or the comparison would prove little.
        let printed = outputs.filter { !$0.toYaml.isEmpty }.count
        XCTAssertGreaterThan(printed, cases.count * 9 / 10)
    }

    /// Values `sigs.k8s.io/yaml` refuses (Helm prints nothing), built inside the template.
    func testUnencodableValues() throws {
        let probe = try HelmProbe.locate()
        let cases: [(expression: String, value: Value)] = [
            (#"dict "a" (float64 "NaN") | toYaml"#, .map(["a": .float(.nan)])),
            (#"dict "a" (float64 "+Inf") | toJson"#, .map(["a": .float(.infinity)])),
            (#"list (float64 "-Inf") | toPrettyJson"#, .list([.float(-.infinity)])),
            (#"printf "a%c" 0x7f | toYaml"#, .string("a\u{7F}")),
            (#"printf "a%c" 0x7f | toJson"#, .string("a\u{7F}")),
            (#"printf "%c" 0x9f | toYaml"#, .string("\u{9F}")),
            (#"printf "%c" 0xfffe | toYaml"#, .string("\u{FFFE}")),
            (#"dict (repeat 1022 "k") 1 | toYaml | len | toString"#, .map([String(repeating: "k", count: 1022): .int(1)])),
            (#"dict (repeat 1023 "k") 1 | toYaml"#, .map([String(repeating: "k", count: 1023): .int(1)])),
            (#"dict (printf "%s<" (repeat 1017 "k")) 1 | toYaml | len | toString"#,
             .map([String(repeating: "k", count: 1017) + "<": .int(1)])),
            (#"dict (printf "%s<" (repeat 1018 "k")) 1 | toYaml"#, .map([String(repeating: "k", count: 1018) + "<": .int(1)])),
            (#"dict (printf "a%cb" 0x85) 1 | toYaml"#, .map(["a\u{85}b": .int(1)])),
            (#"printf "x%c--- y" 0x85 | toYaml"#, .string("x\u{85}--- y")),
            (#"printf "x%c---" 0x85 | toYaml"#, .string("x\u{85}---")),
            (#"printf "x%c...\t" 0x85 | toYaml"#, .string("x\u{85}...\t")),
            (#"printf "a %c%c  b" 0x85 0x85 | toYaml"#, .string("a \u{85}\u{85}  b")),
            (#"list (float64 "NaN") (float64 "-Inf") | toYamlPretty"#, .list([.float(.nan), .float(-.infinity)])),
            (#"printf "a%c" 0x7f | toYamlPretty"#, .string("a\u{7F}")),
        ]
        let helm = try probe.evaluate(cases.map(\.expression))
        for ((expression, value), h) in zip(cases, helm) {
            let ours: String
            if expression.contains("toYamlPretty") {
                ours = HelmYAML.toYamlPretty(value)
            } else if expression.contains("toJson") {
                ours = GoJSON.encode(value)
            } else if expression.contains("toPrettyJson") {
                ours = GoJSON.encodeIndented(value)
            } else if expression.hasSuffix("len | toString") {
                ours = String(HelmYAML.toYaml(value).utf8.count)
            } else {
                ours = HelmYAML.toYaml(value)
            }
            XCTAssertEqual(ours, h, expression)
        }
    }
}
