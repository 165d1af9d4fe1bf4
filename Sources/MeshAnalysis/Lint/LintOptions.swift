import MeshModel
import Diagnostics

/// What `lint` checks and against which cluster ranges.
public struct LintOptions: Sendable {
    /// Rules not run.
    public var disabled: Set<LintRule>
    /// Pod and service address ranges (`--pod-cidr`, `--service-cidr`), for `ipblock-covers-pods`.
    public var podCIDRs: [CIDR]
    /// Service address ranges (`--service-cidr`).
    public var serviceCIDRs: [CIDR]
    /// Whether marks carry the lines of the source (false for rendered output: only the template file is known).
    public var sourceLines: Bool

    /// Options as values; by default every rule runs and no cluster range is known.
    public init(disabled: Set<LintRule> = [], podCIDRs: [CIDR] = [], serviceCIDRs: [CIDR] = [], sourceLines: Bool = true) {
        self.disabled = disabled
        self.podCIDRs = podCIDRs
        self.serviceCIDRs = serviceCIDRs
        self.sourceLines = sourceLines
    }

    /// Options from the command line's words: rule ids to disable, CIDRs of pods and services. Unknown rule ids and
    /// malformed CIDRs are `InputError`s.
    public init(disabling ids: [String], podCIDRs: [String], serviceCIDRs: [String]) throws(InputError) {
        var disabled: Set<LintRule> = []
        for id in ids { disabled.insert(try LintRule.named(id)) }
        self.init(
            disabled: disabled, podCIDRs: try Self.parse(podCIDRs, flag: "--pod-cidr"),
            serviceCIDRs: try Self.parse(serviceCIDRs, flag: "--service-cidr"))
    }

    private static func parse(_ texts: [String], flag: String) throws(InputError) -> [CIDR] {
        var result: [CIDR] = []
        for text in texts {
            guard let cidr = CIDR(text) else {
                throw InputError("\(flag) \"\(text)\" is not a CIDR (e.g. 10.244.0.0/16 or fd00::/64)", at: nil)
            }
            result.append(cidr)
        }
        return result
    }
}
