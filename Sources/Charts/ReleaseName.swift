/// Helm's release-name rule: at most 53 characters, lower-case DNS-1123 labels joined by dots
/// (`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`).
public enum ReleaseName {
    /// The longest name Helm accepts (63 for a resource name, less 10 for suffixes a chart adds).
    public static let maximumLength = 53
    /// The regular expression Helm's message quotes.
    static let pattern = #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
    /// How Helm's message starts.
    static let checkFailed = "release name check failed: "

    /// Throws Helm's error for a name it refuses.
    public static func validate(_ name: String) throws(ChartRenderError) {
        if name.isEmpty { throw ChartRenderError(.releaseName, checkFailed + "release name \"\": no name provided") }
        guard name.utf8.count <= maximumLength, isValid(name) else {
            throw ChartRenderError(
                .releaseName,
                checkFailed + "release name \(GoQuote.quote(name)): invalid release name, must match regex \(pattern) and the length must not be longer than \(maximumLength)")
        }
    }

    /// Whether every dot-separated label is `[a-z0-9]`, with `-` inside.
    static func isValid(_ name: String) -> Bool {
        name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        }
    }
}

import GoValues
