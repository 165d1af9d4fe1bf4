import GoTemplate
import YAMLCore

/// Why a chart could not be loaded or rendered, worded as Helm words it.
///
/// `description` is the text Helm prints after `Error: `; template errors keep Go's
/// `template: NAME:LINE:COL: ...` form (or Helm's multi-line rewrite of it).
public struct ChartRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The chart directory or one of its files is missing or malformed.
        case load
        /// A values file or `--set` flag is invalid.
        case values
        /// The chart's `kubeVersion` constraint rules out the target Kubernetes version.
        case kubeVersion
        /// A template failed to parse.
        case parse
        /// A template failed while executing (including `fail` and `required`).
        case execute
        /// A rendered document is not valid YAML (`YAML parse error on ...`).
        case manifest
        /// `--show-only` named no template of the chart.
        case showOnly
        /// `--output-dir` could not be written.
        case output
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// What `helm template` writes to stderr for this error.
    public var helmStderr: String {
        switch kind {
        case .kubeVersion, .parse, .execute, .manifest:
            return "Error: \(message)\n\nUse --debug flag to render out invalid YAML\n"
        default:
            return "Error: \(message)\n"
        }
    }
}
