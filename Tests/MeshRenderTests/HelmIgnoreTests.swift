import XCTest

@testable import Charts
@testable import MeshRender

/// `.helmignore` rules as Helm evaluates them (cases checked against helm 4.1.4), and Go's
/// `filepath.Match` under them.
final class HelmIgnoreTests: XCTestCase {
    func testRulesDecideInOrderAsHelmDoes() throws {
        let rules = try HelmIgnore(parsing: "# comment\n\n*.bak\n/secret.txt\ntemplates/skip*.yaml\nfiles/conf/\n")
        let cases: [(String, Bool, Bool)] = [
            ("a.bak", false, true), ("charts/s/keep.bak", false, true),  // a base-name rule reaches every directory
            ("secret.txt", false, true), ("files/secret.txt", false, false),  // anchored at the top
            ("templates/skip-me.yaml", false, true), ("templates/sub/skip-me.yaml", false, false),
            ("files/conf", true, true), ("files/conf", false, false),  // directories only
            ("templates/.hidden.yaml", false, true), ("templates/sub/.hidden.yaml", false, false),  // Helm's default rule
            ("Chart.yaml", false, false), (".git/HEAD", false, false),
        ]
        for (path, isDirectory, ignored) in cases {
            XCTAssertEqual(rules.ignores(path, isDirectory: isDirectory), ignored, path)
        }
        // Helm reads a negated rule as "ignore whatever it does not match".
        let negated = try HelmIgnore(parsing: "!files/conf/keep.txt\n")
        XCTAssertFalse(negated.ignores("files/conf/keep.txt", isDirectory: false))
        XCTAssertTrue(negated.ignores("Chart.yaml", isDirectory: false))
    }

    func testUnsupportedOrMalformedRulesAreErrors() {
        XCTAssertThrowsError(try HelmIgnore(parsing: "templates/**/x\n")) { error in
            XCTAssertEqual(String(describing: error), "double-star (**) syntax is not supported")
        }
        XCTAssertThrowsError(try HelmIgnore(parsing: "[a-\n"))
    }

    func testGoPathMatch() {
        let cases: [(String, String, Bool?)] = [
            ("*.yaml", "a.yaml", true), ("*.yaml", "dir/a.yaml", false), ("a?c", "abc", true), ("a?c", "a/c", false),
            ("[a-c]x", "bx", true), ("[^a-c]x", "bx", false), ("[^a-c]x", "dx", true), ("\\*", "*", true),
            ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false), ("", "", true), ("[", "a", nil), ("a\\", "a", nil),
            ("[]a]", "]", nil), ("[a-]", "a", nil),
        ]
        for (pattern, name, expected) in cases {
            XCTAssertEqual(GoPathMatch.matches(pattern, name), expected, "\(pattern) ~ \(name)")
        }
    }
}
