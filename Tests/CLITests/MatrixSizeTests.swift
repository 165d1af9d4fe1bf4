import XCTest

/// `matrix` draws a table, markdown or picture only up to its bound (a 10,000-component matrix once built 100 million
/// cells and died at 2.8 GB), with one line past it; `--max-matrix-components` sets the bound. csv and json are written
/// a row at a time and have none.
final class MatrixSizeTests: XCTestCase {
    func testLargeMatricesAreRefusedClearly() throws {
        let values = FileManager.default.temporaryDirectory.appendingPathComponent("mr-matrix-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: values) }
        try Data(InterruptTests.mesh(600).utf8).write(to: values)
        let picture = try CLI.run(["matrix", "-f", values.path, "--format", "svg"])
        XCTAssertEqual(picture.status, 2)
        XCTAssertEqual(picture.stdout, "")
        XCTAssertEqual(picture.stderr, "matrix: 600 components make 360000 cells, more than a svg matrix of 500 components "
            + "(--max-matrix-components N raises the bound; csv and json stream any size)\n")
        let table = try CLI.run(["matrix", "-f", values.path, "--format", "table", "--max-matrix-components", "100"])
        XCTAssertEqual(table.status, 2)
        XCTAssertEqual(table.stdout, "")
        XCTAssertTrue(table.stderr.hasPrefix("matrix: 600 components make 360000 cells, more than a table matrix of 100 components"))
        let raised = try CLI.run(["matrix", "-f", values.path, "--format", "table", "--max-matrix-components", "600"])
        XCTAssertEqual(raised.status, 0, raised.stderr)
    }

    func testCSVAndJSONStreamPastTheBound() throws {
        let values = FileManager.default.temporaryDirectory.appendingPathComponent("mr-matrix-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: values) }
        try Data(InterruptTests.mesh(600).utf8).write(to: values)
        let csv = try CLI.run(["matrix", "-f", values.path, "--format", "csv", "--max-matrix-components", "100"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 601)
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count >= 602 })
        let json = try CLI.run(["matrix", "-f", values.path, "--format", "json", "--max-matrix-components", "100"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = parsed?["rows"] as? [[String: Any]]
        XCTAssertEqual(rows?.count, 600)
        XCTAssertEqual((rows?.first?["cells"] as? [Any])?.count, (parsed?["columns"] as? [Any])?.count)
        // The csv of the streamed matrix says what the json says, cell for cell.
        let verdicts = rows?.map { row in (row["cells"] as? [[String: Any]] ?? []).map { $0["verdict"] as? String ?? "" } }
        let csvVerdicts = lines.dropFirst().map { line in
            CSVLine.fields(String(line)).dropFirst().map { $0 == "N/A" ? "n/a" : $0 == "denied" ? "denied" : "allowed" }
        }
        XCTAssertEqual(verdicts, csvVerdicts)
    }
}

/// Splits one RFC 4180 line (quoted fields may hold commas).
enum CSVLine {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        for char in line {
            if char == "\"" { quoted.toggle() } else if char == "," && !quoted { fields.append(field); field = "" } else { field.append(char) }
        }
        return fields + [field]
    }
}
