import Diagnostics
import YAML

/// Values that load but very likely do not do what their author meant (a key the chart never reads, a rule that can
/// never match, a table cell another part of the values overrides). Printed on stderr; `--strict` makes the first
/// one an error.
public struct ValuesWarning: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Where the values wrote it.
    public var mark: Mark?
    /// Dotted values path; empty when not applicable.
    public var path: String

    public init(_ message: String, at mark: Mark?, path: String = "") {
        self.message = message
        self.mark = mark
        self.path = path
    }

    /// `values/x.yaml:3:1: warning: connectivity: …`.
    public var description: String {
        (mark.map { "\($0): " } ?? "") + "warning: " + (path.isEmpty ? "" : path + ": ") + message
    }

    /// The same problem as an error (`--strict`).
    public var inputError: InputError { InputError(message, at: mark, path: path) }
}

extension MeshSpec {
    /// Top-level values keys the built-in chart reads: everything else is ignored silently by its templates.
    public static let builtinTopLevelKeys = ["defaults", "mesh"]

    /// Warnings about the values' top level as the built-in chart reads it: a Kubernetes manifest given as values
    /// (`apiVersion` and `kind` at the top), or keys it never reads, with the key they were probably meant as
    /// (`connectivity` → `mesh.connectivity`).
    public static func builtinTopLevelWarnings(values: Node) -> [ValuesWarning] {
        guard let root = values.mapping else { return [] }
        if let kind = root["kind"]?.string, root["apiVersion"] != nil {
            return [ValuesWarning(
                "these values are a Kubernetes manifest (kind: \(kind)), not values: give manifests with --manifests",
                at: root.keyMarks["apiVersion"] ?? values.mark)]
        }
        var out: [ValuesWarning] = []
        for key in root.keys where !builtinTopLevelKeys.contains(key) {
            let hint: String
            if let s = DidYouMean.suggestion(for: key, among: MeshLoader.meshKeys) {
                hint = " (did you mean \"mesh.\(s)\"?)"
            } else if let s = DidYouMean.suggestion(for: key, among: ["networkPolicy"]) {
                hint = " (did you mean \"defaults.\(s)\"?)"
            } else {
                hint = DidYouMean.hint(for: key, among: builtinTopLevelKeys)
            }
            out.append(ValuesWarning(
                "the built-in chart does not read this key: it is ignored" + hint, at: root.keyMarks[key], path: key))
        }
        return out
    }
}
