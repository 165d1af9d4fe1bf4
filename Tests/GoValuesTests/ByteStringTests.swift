import GoValues
import XCTest

/// Bytes that are not UTF-8 survive the trip through a template string: every byte alone, every pair,
/// valid text unchanged, and the stand-in code points themselves kept apart from stand-ins.
final class ByteStringTests: XCTestCase {
    func testEveryByteAndPairRoundTrips() {
        for a in 0...255 {
            XCTAssertEqual(ByteString.bytes(ByteString.string([UInt8(a)])), [UInt8(a)], "\(a)")
            for b in stride(from: 0, through: 255, by: 7) {
                let pair = [UInt8(a), UInt8(b)]
                XCTAssertEqual(ByteString.bytes(ByteString.string(pair)), pair, "\(pair)")
            }
        }
    }

    func testValidTextIsItself() {
        let text = "café ☃ 😀 plain"
        XCTAssertEqual(ByteString.string(Array(text.utf8)), text)
        XCTAssertEqual(ByteString.bytes(text), Array(text.utf8))
    }

    func testStandInCodePointsInTheInputRoundTrip() {
        let bytes: [UInt8] = [0x61, 0xF4, 0x8F, 0xBC, 0x80, 0xFF, 0xF4, 0x8F, 0xBF, 0xBF, 0x62]  // a U+10FF00 \xff U+10FFFF b
        XCTAssertEqual(ByteString.bytes(ByteString.string(bytes)), bytes)
    }

    func testTruncatedSequencesAreBytes() {
        let bytes: [UInt8] = [0xE2, 0x98, 0x41, 0xF0, 0x9F, 0x98]
        let text = ByteString.string(bytes)
        XCTAssertEqual(text.unicodeScalars.count, 6)
        XCTAssertEqual(ByteString.bytes(text), bytes)
    }

    /// Go's view of a string with bytes: its length and bytes, its runes (U+FFFD per byte), its order.
    func testGoSemanticsHelpers() {
        let text = ByteString.string([0x61, 0xFF, 0xC3, 0xA9])  // a \xff é
        XCTAssertTrue(ByteString.mayHoldBytes(text))
        XCTAssertFalse(ByteString.mayHoldBytes("plain é"))
        XCTAssertEqual(ByteString.count(text), 4)
        XCTAssertEqual(ByteString.byte(at: 1, of: text), 0xFF)
        XCTAssertEqual(ByteString.byte(at: 1, of: "é"), 0xA9)
        XCTAssertEqual(ByteString.runes(text), "a\u{FFFD}é")
        XCTAssertEqual(ByteString.runes("plain"), "plain")
        // Stand-ins joined from two strings that spell a character read as that character.
        let joined = ByteString.string([0xC3]) + ByteString.string([0xA9])
        XCTAssertEqual(ByteString.normalized(joined), "é")
        XCTAssertTrue(ByteString.equal(joined, "é"))
        XCTAssertFalse(ByteString.equal(ByteString.string([0xFF]), ByteString.string([0xFE])))
        // Byte order: \xff sorts after U+00FF (C3 BF) and after U+FFFF (EF BF BF), before nothing.
        XCTAssertTrue(Value.goLess("\u{FF}", ByteString.string([0xFF])))
        XCTAssertTrue(Value.goLess("\u{FFFF}", ByteString.string([0xFF])))
        XCTAssertTrue(Value.goLess(ByteString.string([0xC3]), "é"))
        XCTAssertFalse(Value.goLess(ByteString.string([0xFF]), "\u{10FFFF}"))
    }
}
