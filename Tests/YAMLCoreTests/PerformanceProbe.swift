import Foundation
import XCTest
import YAMLCore

/// A timing probe, not a test: run with `MESHRENDER_PERF=1 swift test -c release --filter PerformanceProbe`
/// to print how long parsing and emitting a ~10 MB values file takes. Nothing is asserted
/// about time.
final class PerformanceProbe: XCTestCase {
    func testParseAndEmitLargeValuesFile() throws {
        guard ProcessInfo.processInfo.environment["MESHRENDER_PERF"] != nil else {
            throw XCTSkip("set MESHRENDER_PERF=1 to measure")
        }
        let text = Self.largeValuesFile(targetBytes: 10 << 20)
        let bytes = Array(text.utf8)
        func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            let result = try body()
            print(String(format: "perf: %@ %.3f s", label, Date().timeIntervalSince(start)))
            return result
        }
        print("perf: input \(bytes.count) bytes")
        let node = try time("parse") { try YAMLParser().parse(bytes: bytes, file: "big.yaml") }
        let value = time("toValue") { node.withHelmNumbers().toValue() }
        let yaml = time("marshal (toYaml)") { HelmYAML.marshal(value) }
        let ordered = time("emit (ordered)") { HelmYAML.emit(node) }
        let json = time("toJson") { GoJSON.encode(value) }
        let back = try time("json decode") { try GoJSON.decode(json) }
        print("perf: yaml \(yaml.utf8.count) bytes, ordered \(ordered.utf8.count) bytes, json \(json.utf8.count) bytes")
        XCTAssertEqual(back, value)
    }

    /// Components with ports, labels, long strings, lists: shaped like mesh values.
    static func largeValuesFile(targetBytes: Int) -> String {
        var out = "components:\n"
        var i = 0
        while out.utf8.count < targetBytes {
            out += """
              component-\(i):
                enabled: \(i % 2 == 0 ? "true" : "false")
                replicas: \(i % 7)
                image: "registry.example.com/team/component-\(i):v1.\(i % 100).0"
                ports:
                - name: grpc
                  port: \(8000 + i % 1000)
                - name: metrics
                  port: 6061
                labels: {app: component-\(i), tier: "backend", version: "1.0"}
                ratio: \(Double(i) / 7)
                description: >-
                  Component number \(i) of the generated mesh, with a description long enough to be
                  folded by the emitter when it is written back out as YAML text.
                peers: [component-\(i + 1), component-\(i + 2), "yes", "012"]

            """
            i += 1
        }
        return out
    }
}
