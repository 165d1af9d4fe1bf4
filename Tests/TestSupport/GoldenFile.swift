import Foundation
import XCTest

/// Whole outputs compared with files checked into the repository. `MESHRENDER_UPDATE_GOLDEN=1` rewrites the
/// files instead of comparing (review the diff before committing).
public enum GoldenFile {
    /// True when the run rewrites golden files.
    public static var updating: Bool { ProcessInfo.processInfo.environment["MESHRENDER_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the file at `url`, failing with the first differing line; rewrites it when updating.
    public static func assert(_ actual: String, matches url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let name = url.lastPathComponent
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(name) (run with MESHRENDER_UPDATE_GOLDEN=1)", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        XCTFail("""
            \(name) differs from its golden file at line \(first + 1):
              expected: \(first < e.count ? String(e[first]) : "<end>")
              actual:   \(first < a.count ? String(a[first]) : "<end>")
            """, file: file, line: line)
    }
}
