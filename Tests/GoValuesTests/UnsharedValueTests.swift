import XCTest

@testable import GoValues

/// A value copied for another thread is equal to the original, and shares none of its storage.
final class UnsharedValueTests: XCTestCase {
    func testCopyIsEqualAndHoldsStorageOfItsOwn() {
        let long = String(repeating: "connectivity-", count: 8)
        let original = Value.map([
            long: .list([.string(long), .string("short"), .int(3), .null, .map(["k": .float(1.5), "b": .bool(true)])]),
            "empty": .map([:]), "nil": .nilList, "bytes": .string("caf\u{e9}-\(long)"),
        ])
        let copy = original.unshared
        XCTAssertEqual(copy, original)
        guard case .map(let a) = original, case .map(let b) = copy, case .list(let la)? = a[long], case .list(let lb)? = b[long],
            case .string(let sa) = la[0], case .string(let sb) = lb[0]
        else { return XCTFail("shape changed") }
        la.withUnsafeBufferPointer { x in lb.withUnsafeBufferPointer { y in XCTAssertNotEqual(x.baseAddress, y.baseAddress) } }
        var (ca, cb) = (sa, sb)
        ca.withUTF8 { x in cb.withUTF8 { y in XCTAssertNotEqual(x.baseAddress, y.baseAddress) } }
        let key = b.keys.first { $0 == long }!
        var (ka, kb) = (a.keys.first { $0 == long }!, key)
        ka.withUTF8 { x in kb.withUTF8 { y in XCTAssertNotEqual(x.baseAddress, y.baseAddress) } }
    }
}

/// Strings compare by their bytes whatever their representation (inline or in storage, of any capacity).
final class StringBytesEqualityTests: XCTestCase {
    func testRepresentationsDoNotChangeTheAnswer() {
        var reserved = ""
        reserved.reserveCapacity(64)
        reserved += "abc"  // three bytes, held in storage
        var shrunk = String(repeating: "y", count: 30)
        shrunk.removeLast(20)  // ten bytes, held in storage
        let pairs: [(String, String, Bool)] = [
            ("abc", reserved, true), (reserved, "abc", true), ("abd", reserved, false),
            (String(repeating: "y", count: 10), shrunk, true), (String(repeating: "y", count: 9) + "z", shrunk, false),
            ("caf\u{e9}", "cafe\u{301}", false), ("", "", true), ("", reserved, false),
            (String(repeating: "x", count: 40), String(repeating: "x", count: 40), true),
            (String(repeating: "x", count: 40), String(repeating: "x", count: 39) + "y", false),
        ]
        for (a, b, same) in pairs {
            XCTAssertEqual(ByteString.equal(a, b), same, "\(a) / \(b)")
            XCTAssertEqual(ByteString.sameUTF8(a, b), same, "\(a) / \(b)")
            XCTAssertEqual(Value.string(a) == Value.string(b), same, "\(a) / \(b)")
        }
    }
}
