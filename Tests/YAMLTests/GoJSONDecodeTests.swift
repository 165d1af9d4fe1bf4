import TestSupport
import XCTest
import GoValues
import YAML

final class GoJSONDecodeTests: XCTestCase {
    /// Inputs for `fromJson` with what Helm v4.1.4 returns (as `toJson` of the result).
    static let fromJsonCases: [(input: String, helm: String)] = [
        (#"{"b": [1, 2.5, -0, 1e400], "a": {"x": null}}"#, #"{"Error":"json: cannot unmarshal number 1e400 into Go value of type float64","a":{"x":null},"b":[1,2.5,-0,null]}"#),
        (#"{"b": [1, 2.5, 1e21, 0.0000001], "a": {"x": null, "y": true}}"#, #"{"a":{"x":null,"y":true},"b":[1,2.5,1e+21,1e-7]}"#),
        (#"{"a": 1, "a": 2}"#, #"{"a":2}"#),
        (#"{"s": "\u003c\ud83d\ude00\u00e9\n\/"}"#, #"{"s":"\u003c😀é\n/"}"#),
        (#"{"s": "\ud800x"}"#, #"{"s":"�x"}"#),
        ("", #"{"Error":"unexpected end of JSON input"}"#),
        ("null", "null"),
        ("[1]", #"{"Error":"json: cannot unmarshal array into Go value of type map[string]interface {}"}"#),
        (#""x""#, #"{"Error":"json: cannot unmarshal string into Go value of type map[string]interface {}"}"#),
        ("{", #"{"Error":"unexpected end of JSON input"}"#),
        ("{a}", #"{"Error":"invalid character 'a' looking for beginning of object key string"}"#),
        (#"{"a" 1}"#, #"{"Error":"invalid character '1' after object key"}"#),
        (#"{"a": 1 "b"}"#, #"{"Error":"invalid character '\"' after object key:value pair"}"#),
        (#"{"a": [1 2]}"#, #"{"Error":"invalid character '2' after array element"}"#),
        (#"{"a": [1,]}"#, #"{"Error":"invalid character ']' looking for beginning of value"}"#),
        (#"{"a": tru}"#, #"{"Error":"invalid character '}' in literal true (expecting 'e')"}"#),
        (#"{"a": nul}"#, #"{"Error":"invalid character '}' in literal null (expecting 'l')"}"#),
        (#"{"a": -x}"#, #"{"Error":"invalid character 'x' in numeric literal"}"#),
        (#"{"a": 1.x}"#, #"{"Error":"invalid character 'x' after decimal point in numeric literal"}"#),
        (#"{"a": 1ex}"#, #"{"Error":"invalid character 'x' in exponent of numeric literal"}"#),
        (#"{"a": 01}"#, #"{"Error":"invalid character '1' after object key:value pair"}"#),
        (#"{"a": "\x"}"#, #"{"Error":"invalid character 'x' in string escape code"}"#),
        (#"{"a": "\u12G4"}"#, #"{"Error":"invalid character 'G' in \\u hexadecimal character escape"}"#),
        ("{\"a\": \"x\ty\"}", #"{"Error":"invalid character '\\t' in string literal"}"#),
        (#"{} x"#, #"{"Error":"invalid character 'x' after top-level value"}"#),
        (#"{"a": 'x'}"#, #"{"Error":"invalid character '\\'' looking for beginning of value"}"#),
        (#"{"a": 1e400, "b": }"#, #"{"Error":"invalid character '}' looking for beginning of value"}"#),
    ]

    /// `validate` (the check without building the value) throws exactly what `decode` throws, on the table's inputs and
    /// on random mutations of a document.
    func testValidateThrowsWhatDecodeThrows() {
        func outcome(_ body: () throws(GoJSON.DecodeError) -> Void) -> String {
            do throws(GoJSON.DecodeError) {
                try body()
                return "ok"
            } catch {
                return "\(error.message) @\(error.line):\(error.column)"
            }
        }
        var inputs = Self.fromJsonCases.map(\.input) + ["1e309", "-1e400", "[" + String(repeating: "9", count: 320) + "]", "123456789012345678901234567890"]
        let base = Array(#"{"a": [1, -2.5e3, "x\n\u00e9", true, null, {"b": false}], "c": {}, "d": []}"#.utf8)
        var rng = SplitMix64(seed: 0xC0FFEE)
        let pieces: [[UInt8]] = [[0x22], [0x5C], [0x2C], [0x3A], [0x7B], [0x7D], [0x5B], [0x5D], [0x30], [0x65], [0x2D], [0x20], [0x09], [0x75]]
        for _ in 0..<5000 {
            var bytes = base
            for _ in 0..<Int(rng.next() % 3 + 1) {
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                if rng.next() % 2 == 0, at < bytes.count { bytes.remove(at: at) } else {
                    bytes.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))], at: at)
                }
            }
            inputs.append(String(decoding: bytes, as: UTF8.self))
        }
        var valid = 0
        for input in inputs {
            let decoded = outcome { () throws(GoJSON.DecodeError) in _ = try GoJSON.decode(input) }
            XCTAssertEqual(outcome { () throws(GoJSON.DecodeError) in try GoJSON.validate(Array(input.utf8)) }, decoded, input)
            if decoded == "ok" { valid += 1 }
        }
        XCTAssertGreaterThan(valid, 300, "valid inputs among the mutations")
    }

    func testFromJsonTable() {
        for (input, helm) in Self.fromJsonCases {
            XCTAssertEqual(GoJSON.encode(GoJSON.helmFromJson(input)), helm, input)
        }
    }

    func testFromJsonMatchesHelm() throws {
        let probe = try HelmProbe.locate()
        let inputs = Self.fromJsonCases.map(\.input)
        let helm = try probe.apply("fromJson | toJson", to: inputs)
        for (input, h) in zip(inputs, helm) {
            XCTAssertEqual(GoJSON.encode(GoJSON.helmFromJson(input)), h, input)
        }
        let arrays = ["[1, \"a\", {\"b\": []}]", "{}", "null", "[", "[1] [2]", "[1e999, 2]"]
        let helmArrays = try probe.apply("fromJsonArray | toJson", to: arrays)
        for (input, h) in zip(arrays, helmArrays) {
            XCTAssertEqual(GoJSON.encode(GoJSON.helmFromJsonArray(input)), h, input)
        }
    }

    func testNumbersAreFloats() throws {
        XCTAssertEqual(try GoJSON.decode("[1, -0, 2.5e3]"), .list([.float(1), .float(-0.0), .float(2500)]))
    }

    func testErrorPositions() {
        XCTAssertThrowsError(try GoJSON.decode("{\n  \"a\": x\n}")) { error in
            guard let e = error as? GoJSON.DecodeError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.line, 2)
            XCTAssertEqual(e.column, 8)
            XCTAssertEqual("\(e)", "2:8: invalid character 'x' looking for beginning of value")
            XCTAssertEqual("\(e.inputError(file: "v.json"))", "v.json:2:8: invalid character 'x' looking for beginning of value")
        }
    }

    func testDeepNestingIsBoundedNotRecursive() {
        let deep = String(repeating: "[", count: 200_000)
        XCTAssertThrowsError(try GoJSON.decode(deep)) { error in
            XCTAssertEqual((error as? GoJSON.DecodeError)?.message, "invalid character '[' exceeded max depth")
        }
        let ok = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        XCTAssertNoThrow(try GoJSON.decode(ok))
    }

    func testRoundTripThroughEncoder() throws {
        var random = RandomValues(rng: SeededRandom(seed: 7))
        for _ in 0..<500 {
            let v = Self.jsonNumbers(random.value())
            XCTAssertEqual(try GoJSON.decode(GoJSON.encode(v)), v)
            XCTAssertEqual(try GoJSON.decode(GoJSON.encodeIndented(v)), v)
        }
    }

    /// What Go's decoder gives back for `v`: every number a float64.
    static func jsonNumbers(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .float(Double(i))
        case .list(let items): return .list(items.map(jsonNumbers))
        case .map(let m): return .map(m.mapValues(jsonNumbers))
        default: return v
        }
    }
}
