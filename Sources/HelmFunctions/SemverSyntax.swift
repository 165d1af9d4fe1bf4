/// Whether a text is a version as Helm's semver library reads one (`1`, `1.2`, `v1.2.3-rc.1+b`),
/// for checks outside templates (a chart's `version`).
public enum SemverSyntax {
    public static func isValid(_ text: String) -> Bool {
        SemanticVersion.parse(text) != nil
    }
}
