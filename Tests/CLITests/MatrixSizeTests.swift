import XCTest

/// `matrix` refuses meshes past its bound with one line (a 10,000-component matrix once built 100
/// million cells and died at 2.8 GB); `--max-matrix-components` sets the bound.
final class MatrixSizeTests: XCTestCase {
    func testLargeMatricesAreRefusedClearly() throws {
        let values = FileManager.default.temporaryDirectory.appendingPathComponent("mr-matrix-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: values) }
        try Data(InterruptTests.mesh(600).utf8).write(to: values)
        let picture = try CLI.run(["matrix", "-f", values.path, "--format", "svg"])
        XCTAssertEqual(picture.status, 2)
        XCTAssertEqual(picture.stdout, "")
        XCTAssertEqual(picture.stderr, "matrix: 600 components make 360000 cells, more than a svg matrix of 500 components "
            + "(--max-matrix-components N raises the bound; verify and explain answer for any size)\n")
        let csv = try CLI.run(["matrix", "-f", values.path, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let bounded = try CLI.run(["matrix", "-f", values.path, "--format", "csv", "--max-matrix-components", "100"])
        XCTAssertEqual(bounded.status, 2)
        XCTAssertTrue(bounded.stderr.hasPrefix("matrix: 600 components make 360000 cells, more than a csv matrix of 100 components"))
    }
}
