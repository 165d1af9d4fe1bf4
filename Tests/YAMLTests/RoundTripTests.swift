import XCTest
@testable import GoValues
@testable import YAML

/// What the emitters write reads back as the same data.
final class RoundTripTests: XCTestCase {
    /// parse(marshal(v)) == v, up to Helm's number typing (an integral float prints as an
    /// integer) and the U+0085 folding of the JSON round trip.
    func testMarshalThenParseGivesTheValueBack() throws {
        var random = RandomValues(rng: SeededRandom(seed: 42))
        var checked = 0
        for _ in 0..<3000 {
            let v = random.value()
            guard let text = try? HelmYAML.marshalChecked(v) else { continue }
            let back = try YAMLParser().parse(text, file: "rt.yaml").toValue()
            XCTAssertEqual(back.withHelmNumbers(), try Self.afterJSONRoundTrip(v).withHelmNumbers(), text)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 2000)
    }

    /// parse(emit(node)) keeps values and key order.
    func testEmitThenParseKeepsOrderAndValues() throws {
        var random = RandomValues(rng: SeededRandom(seed: 43))
        for _ in 0..<1000 {
            let v = random.value()
            guard let source = try? HelmYAML.marshalChecked(v) else { continue }
            let node = try YAMLParser().parse(source, file: "a.yaml")
            let shuffled = Self.reversedKeys(node)
            let text = HelmYAML.emit(shuffled)
            let back = try YAMLParser().parse(text, file: "b.yaml")
            XCTAssertEqual(back.toValue().withHelmNumbers(), shuffled.toValue().withHelmNumbers(), text)
            XCTAssertEqual(Self.keyOrder(back), Self.keyOrder(shuffled), text)
        }
    }

    func testEmitWritesNonFiniteFloatsAsYAML() throws {
        let node = Node(.sequence([Node(.float(.nan)), Node(.float(.infinity)), Node(.float(-.infinity)), Node(.float(2))]))
        XCTAssertEqual(HelmYAML.emit(node), "- .nan\n- .inf\n- -.inf\n- 2\n")
    }

    func testEmitKeepsWrittenOrder() throws {
        let text = "z: 1\na:\n  \"y\": [b, a]\n  x: {}\nm: \"yes\"\n"
        XCTAssertEqual(HelmYAML.emit(try YAMLParser().parse(text, file: "o.yaml")), "z: 1\na:\n  \"y\":\n  - b\n  - a\n  x: {}\nm: \"yes\"\n")
        XCTAssertEqual(
            HelmYAML.emitStream(try YAMLParser().parseAll("a: 1\n---\n- x\n", file: "s.yaml")),
            "a: 1\n---\n- x\n")
    }

    static func afterJSONRoundTrip(_ v: Value) throws -> Value {
        switch v {
        case .string(let s): return .string(try HelmYAML.readBack(s))
        case .list(let items): return .list(try items.map(afterJSONRoundTrip))
        case .map(let m):
            var out: [String: Value] = [:]
            for k in m.keys.sorted(by: Value.goLess) { out[try HelmYAML.readBack(k)] = try afterJSONRoundTrip(m[k]!) }
            return .map(out)
        default: return v
        }
    }

    static func reversedKeys(_ node: Node) -> Node {
        var copy = node
        switch node.kind {
        case .mapping(let m):
            var r = Mapping()
            for (k, v) in m.entries.reversed() { r.entries[k] = reversedKeys(v) }
            copy.kind = .mapping(r)
        case .sequence(let items): copy.kind = .sequence(items.map(reversedKeys))
        default: break
        }
        return copy
    }

    static func keyOrder(_ node: Node) -> [String] {
        switch node.kind {
        case .mapping(let m): return m.entries.flatMap { [$0.key] + keyOrder($0.value) }
        case .sequence(let items): return items.flatMap(keyOrder)
        default: return []
        }
    }
}
