import Foundation
import XCTest

/// Every input the fuzz targets (`fuzz/run`) found a crash with, kept as it was found: each must end in output
/// (exit 0) or one error line (exit 2), never a crash.
final class FuzzRegressionTests: XCTestCase {
    func testFoundInputsEndCleanly() throws {
        let directory = "Tests/CLITests/Fixtures/fuzz"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let result = try CLI.run(["render", "-f", "\(directory)/\(name)", "-n", "fuzz"])
            XCTAssertTrue([0, 2].contains(result.status), "\(name): exit \(result.status)\n\(result.stderr)")
            if result.status == 2 {
                XCTAssertEqual(result.stdout, "", name)
                XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(name): \(result.stderr)")
            }
        }
    }
}
