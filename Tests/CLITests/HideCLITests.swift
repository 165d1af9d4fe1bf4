import Foundation
import XCTest

/// `matrix --hide` leaves endpoints out of every view but json, the intended matrix's table, markdown and csv included.
final class HideCLITests: XCTestCase {
    private func matrix(_ args: [String]) throws -> String {
        let result = try CLI.run(["matrix", "-f", "values/vald.yaml", "-n", "vald"] + args)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testIntendedCSVDropsTheHiddenRowsAndColumnsOnly() throws {
        let full = try matrix(["-o", "csv"]).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let hidden = try matrix(["-o", "csv", "--hide", "kube-system", "--hide", "agent"])
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertTrue(full[0].contains("kube-system") && full[0].contains("agent"), "\(full[0])")
        let dropped = Set(full[0].indices.filter { full[0][$0] == "kube-system" || full[0][$0] == "agent" })
        let expected = full.filter { $0.first != "agent" }.map { row in row.indices.filter { !dropped.contains($0) }.map { row[$0] } }
        XCTAssertEqual(hidden, expected)
    }

    func testTableAndMarkdownHideToo() throws {
        for format in ["table", "markdown"] {
            let full = try matrix(["-o", format])
            XCTAssertTrue(full.contains("kube-system"), format)
            let hidden = try matrix(["-o", format, "--hide", "kube-system", "--hide", "representatives"])
            XCTAssertFalse(hidden.contains("kube-system"), hidden)
            XCTAssertTrue(hidden.contains("lb-gateway"), hidden)
            let agentless = try matrix(["-o", format, "--hide", "agent"])
            XCTAssertFalse(agentless.contains("agent "), agentless)
            XCTAssertTrue(agentless.contains("lb-gateway"), agentless)
        }
    }

    func testJSONKeepsEveryEndpoint() throws {
        XCTAssertEqual(try matrix(["-o", "json", "--hide", "kube-system", "--hide", "agent"]), try matrix(["-o", "json"]))
    }
}
