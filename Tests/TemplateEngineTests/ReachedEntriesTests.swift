import XCTest
import GoValues
@testable import TemplateEngine
import HelmFunctions

/// `ReachedEntries` against a plain dictionary: the same answers through inserts, replacements
/// and removals, below and above the size where it starts indexing.
final class ReachedEntriesTests: XCTestCase {
    func testMatchesDictionary() {
        for size in [0, 1, 5, 16, 17, 40] {
            var entries = ReachedEntries()
            var expected: [String: Int] = [:]
            func check(_ step: String) {
                XCTAssertEqual(entries.isEmpty, expected.isEmpty, "\(size) \(step)")
                XCTAssertEqual(entries.pairs.count, expected.count, "\(size) \(step)")
                for (key, value) in expected {
                    guard case .value(.int(let n))? = entries[key] else {
                        return XCTFail("\(size) \(step): \(key) missing")
                    }
                    XCTAssertEqual(Int(n), value, "\(size) \(step) \(key)")
                }
                XCTAssertNil(entries["absent"], "\(size) \(step)")
            }
            for i in 0..<size {
                entries["k\(i)"] = .value(.int(Int64(i)))
                expected["k\(i)"] = i
            }
            check("filled")
            for i in stride(from: 0, to: size, by: 3) {
                entries["k\(i)"] = .value(.int(Int64(i * 10)))
                expected["k\(i)"] = i * 10
            }
            check("replaced")
            for i in stride(from: 1, to: size, by: 2) {
                entries.removeValue(forKey: "k\(i)")
                expected["k\(i)"] = nil
            }
            entries.removeValue(forKey: "absent")
            check("removed")
            entries["k1"] = .value(.int(-1))
            expected["k1"] = -1
            entries["k0"] = nil
            expected["k0"] = nil
            check("reinserted")
        }
    }

    /// Maps reached through templates keep their identity whatever the number of reached entries.
    func testManyReachedEntriesKeepIdentity() throws {
        var inner: [String: Value] = [:]
        for i in 0..<30 { inner["m\(i)"] = .map(["v": .int(Int64(i))]) }
        let set = TemplateSet()
        let text = """
            {{ range $k, $v := .Outer }}{{ $_ := set $v "seen" true }}{{ end }}\
            {{ range $k, $v := .Outer }}{{ if $v.seen }}+{{ end }}{{ end }}\
            {{ $_ := unset .Outer "m3" }}{{ len .Outer }} {{ .Outer.m29.v }} {{ .Outer.m3 }}
            """
        try set.parse(name: "t", text: text)
        let out = try set.execute(name: "t", data: .map(["Outer": .map(inner)]))
        XCTAssertEqual(out, String(repeating: "+", count: 30) + "29 29 ")
    }
}
