import XCTest

@testable import ManifestDiff

/// Formatting, key order, document order, comments and set order are never changes.
final class NoChangeTests: XCTestCase {
    func testReformattedReorderedCommentedCopyIsNoChange() throws {
        let old = try Fixtures.load("vald-policies.yaml")
        let new = try Fixtures.load("vald-policies-reformatted.yaml")
        XCTAssertEqual(old.count, 5)
        XCTAssertEqual(new.count, 5)
        let report = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertEqual(report.resourceSummary, [])
        XCTAssertFalse(report.hasDifferences)
        XCTAssertFalse(report.opensFlows)
    }

    func testNamespaceDefaultMakesImplicitAndExplicitNamespaceEqual() throws {
        let explicit = try Fixtures.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: vald}\ndata: {k: v}\n")
        let implicit = try Fixtures.parse("# rendered without a namespace\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: \"v\"\n",
                                          namespace: "vald")
        XCTAssertEqual(explicit[0].id, implicit[0].id)
        // metadata.namespace itself differs as a field (set on one side only), so the resources pair but differ there.
        let report = try ManifestDiffer.diff(old: explicit, new: implicit)
        XCTAssertEqual(report.resources.first?.fields.map(\.path.description), ["metadata.namespace"])
    }

    func testAPIVersionIsNotPartOfIdentity() throws {
        let old = try Fixtures.parse("apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\n")
        let new = try Fixtures.parse("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n")
        let report = try ManifestDiffer.diff(old: old, new: new)
        XCTAssertEqual(report.resourceSummary, ["Ingress/vald/web:modified"])
        XCTAssertEqual(report.resources.first?.fields.map(\.path.description), ["apiVersion"])
    }

    func testClusterScopedKindsTakeNoDefaultNamespace() throws {
        let docs = try Fixtures.parse("apiVersion: v1\nkind: Namespace\nmetadata: {name: vald}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n")
        XCTAssertEqual(docs.map(\.id.description), ["Namespace vald", "ClusterRole.rbac.authorization.k8s.io reader"])
    }

    func testEmptyDocumentsAreSkipped() throws {
        let docs = try Fixtures.parse("---\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n")
        XCTAssertEqual(docs.map(\.id.name), ["a"])
    }
}
