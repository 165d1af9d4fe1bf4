import MeshModel
import Diagnostics

extension Rendered {
    /// The YAML output with, after each rule and each peer of the built-in chart's policies, a comment naming the
    /// values that produced it (`# values/vald.yaml:47 mesh.connectivity.lb-gateway[0]`); other documents and lines
    /// are as in `text`. Only the built-in chart's policies can be traced: an `InputError` for a chart directory.
    public func tracedText(namespace: String) throws -> String {
        guard reference == .builtin else {
            throw InputError("--trace follows the built-in chart's policies back to the values; a chart directory has its own templates", at: nil)
        }
        let mesh = try MeshSpec.load(values: values, releaseNamespace: namespace)
        return TraceComments.annotate(text, traces: mesh.trace(values: values))
    }
}

/// Adds trace comments to rendered NetworkPolicy documents as the built-in template lays them out: rules are the
/// items at four spaces under `  ingress:` / `  egress:`, peers the items at six spaces under `from:` / `to:`.
enum TraceComments {
    static func annotate(_ text: String, traces: [String: PolicyTrace]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        var name = "", namespace = ""
        var trace: PolicyTrace?
        var rules: [PolicyTrace.Rule] = []
        var ruleIndex = -1, peerIndex = -1
        var inRules = false, inPeers = false, inMetadata = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var comment: String?
            if line == "---" {
                (name, namespace, trace, inRules, inPeers, inMetadata) = ("", "", nil, false, false, false)
            } else if line == "metadata:" {
                inMetadata = true
            } else if inMetadata, line.hasPrefix("  name: ") {
                name = String(line.dropFirst(8))
            } else if inMetadata, line.hasPrefix("  namespace: ") {
                namespace = String(line.dropFirst(13))
            } else if line == "spec:" {
                inMetadata = false
                trace = traces["\(namespace)/\(name)"]
            } else if let trace, line == "  ingress:" || line == "  egress:" {
                rules = line == "  ingress:" ? trace.ingress : trace.egress
                (inRules, ruleIndex, inPeers) = (true, -1, false)
            } else if inRules, !line.hasPrefix("    ") {
                inRules = false
            } else if inRules {
                let body = line.dropFirst(4)
                if body.hasPrefix("- ") {
                    ruleIndex += 1
                    peerIndex = -1
                    comment = ruleIndex < rules.count ? rules[ruleIndex].rule : nil
                    inPeers = body == "- from:" || body == "- to:"
                } else if body.hasPrefix("  ") && !body.hasPrefix("   ") {
                    let inner = body.dropFirst(2)
                    if inner.hasPrefix("- ") {
                        if inPeers, ruleIndex < rules.count {
                            peerIndex += 1
                            let peers = rules[ruleIndex].peers
                            comment = peerIndex < peers.count ? peers[peerIndex] : nil
                        }
                    } else {
                        inPeers = inner == "from:" || inner == "to:"
                    }
                }
            }
            out += line
            if let comment { out += " # " + comment }
            out += "\n"
        }
        out.removeLast()
        return out
    }
}
