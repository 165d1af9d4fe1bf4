import XCTest
@testable import GoValues
@testable import YAML

/// The ASCII fast path of go-yaml's key order agrees with the general comparison.
final class KeyOrderASCIITests: XCTestCase {
    func testASCIIComparisonMatchesGeneral() {
        let alphabet = Array("aZ09_1-.0A/b2")
        var generator = SystemRandomNumberGenerator()
        var keys: [String] = ["", "a", "a1", "a01", "a10", "a2", "_a", "Aa", "a_", "0", "00", "1e3", "10"]
        for _ in 0..<400 {
            let length = Int.random(in: 0...6, using: &generator)
            keys.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for a in keys {
            for b in keys.prefix(120) {
                XCTAssertEqual(YAMLKeyOrder.lessASCII(a, b), YAMLKeyOrder.less(a, b), "\(a) vs \(b)")
            }
        }
        let m = Dictionary(keys.map { ($0, Value.null) }, uniquingKeysWith: { a, _ in a })
        var general = m.map { (scalars: Array($0.key.unicodeScalars), key: $0.key) }
        general.sort { YAMLKeyOrder.less($0.scalars, $1.scalars) }
        XCTAssertEqual(YAMLKeyOrder.sorted(m).map(\.key), general.map(\.key))
    }
}
