import XCTest
import YAML

@testable import ManifestDiff

/// Ignored labels and paths, Secret masking.
final class OptionsTests: XCTestCase {
    func deployment() throws -> (old: [Document], new: [Document]) {
        (try Fixtures.load("app-old.yaml"), try Fixtures.load("app-new.yaml"))
    }

    func fieldPaths(_ report: DiffReport, _ name: String) -> [String] {
        report.resources.first { $0.id.name == name }?.fields.map(\.path.description) ?? []
    }

    func testIgnoreLabelsDropsChartAndVersionLabels() throws {
        let (old, new) = try deployment()
        let all = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertEqual(fieldPaths(all, "vald-agent"), [
            "metadata.labels[\"app.kubernetes.io/version\"]", "metadata.labels[\"helm.sh/chart\"]", "spec.replicas",
            "spec.template.metadata.labels[\"app.kubernetes.io/version\"]", "spec.template.spec.containers[0].env[1]",
            "spec.template.spec.containers[0].image",
        ])
        let ignored = try ManifestDiffer.diff(
            old: old, new: new, options: DiffOptions(ignoreLabels: ["helm.sh/chart", "app.kubernetes.io/version"]))
        XCTAssertEqual(fieldPaths(ignored, "vald-agent"), [
            "spec.replicas", "spec.template.spec.containers[0].env[1]", "spec.template.spec.containers[0].image",
        ])
    }

    func testResourceWhoseOnlyChangeIsIgnoredIsUnchanged() throws {
        let old = try Fixtures.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {helm.sh/chart: x-1}}\n")
        let new = try Fixtures.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {helm.sh/chart: x-2}}\n")
        XCTAssertFalse(try ManifestDiffer.diff(old: old, new: new, options: DiffOptions(ignoreLabels: ["helm.sh/chart"])).hasDifferences)
        XCTAssertFalse(try ManifestDiffer.diff(old: old, new: new, options: DiffOptions(ignorePaths: ["metadata.labels"])).hasDifferences)
        XCTAssertTrue(try ManifestDiffer.diff(old: old, new: new).hasDifferences)
    }

    func testIgnorePathsWithIndexAndPrefix() throws {
        let (old, new) = try deployment()
        let report = try ManifestDiffer.diff(
            old: old, new: new,
            options: DiffOptions(ignorePaths: ["metadata", "spec.template.metadata", "spec.template.spec.containers[0]"]))
        XCTAssertEqual(fieldPaths(report, "vald-agent"), ["spec.replicas"])
        // The unified view no longer shows pruned key paths either.
        XCTAssertFalse(DiffWriter.unified.render(report).contains("helm.sh/chart"))
    }

    func testSecretsAreMaskedUnlessRevealed() throws {
        let (old, new) = try deployment()
        let masked = try ManifestDiffer.diff(old: old, new: new)
        let secret = masked.resources.first { $0.id.kind == "Secret" }
        XCTAssertEqual(secret?.fields, [
            FieldChange(path: FieldPath([.key("data"), .key("token")]), change: .modified,
                        from: .string("(masked old value, 12 bytes)"), to: .string("(masked new value, 12 bytes)"))
        ])
        for writer in DiffWriter.allCases {
            let text = writer.render(masked)
            XCTAssertFalse(text.contains("c2VjcmV0"), "\(writer) leaks the secret")
            XCTAssertFalse(text.contains("YWRtaW4="), "\(writer) leaks an unchanged secret value")
        }
        let revealed = try ManifestDiffer.diff(old: old, new: new, options: DiffOptions(showSecrets: true))
        XCTAssertEqual(revealed.resources.first { $0.id.kind == "Secret" }?.fields.first?.to, .string("c2VjcmV0LTI="))
    }

    func testSecretAddedIsMaskedAndUnchangedSecretIsNoChange() throws {
        let secret = try Fixtures.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: hunter2}\n")
        let added = try ManifestDiffer.diff(old: [], new: secret)
        XCTAssertFalse(DiffWriter.human.render(added).contains("hunter2"))
        XCTAssertTrue(DiffWriter.human.render(added).contains("password: (masked new value, 7 bytes)"))
        XCTAssertFalse(try ManifestDiffer.diff(old: secret, new: secret).hasDifferences)
    }
}
