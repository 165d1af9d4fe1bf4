import GoValues
import HelmValues
import XCTest

/// `--set-file` keeps a file's bytes as Go does: a byte that is not UTF-8 reaches templates as that
/// byte (its stand-in), not as U+FFFD.
final class SetFileBytesTests: XCTestCase {
    func testBytesThatAreNotUTF8AreKept() throws {
        let bytes: [UInt8] = [0x62, 0xFF, 0xC3, 0xA9, 0x0A]
        let result = applySet("v=blob", kind: .file, readFile: { path in
            XCTAssertEqual(path, "blob")
            return bytes
        })
        guard case .success(.map(let m)) = result, case .string(let text)? = m["v"] else {
            return XCTFail("\(result)")
        }
        XCTAssertEqual(ByteString.bytes(text), bytes)
    }
}
