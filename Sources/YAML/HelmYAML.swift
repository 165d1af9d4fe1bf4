import GoValues

/// YAML output exactly as Helm writes it.
///
/// Helm's `toYaml` is `sigs.k8s.io/yaml.Marshal`: the Go value goes through `encoding/json`
/// (so NaN/Inf fail and every number becomes its JSON text), the JSON is read back by go-yaml v2
/// (numbers regain int/uint/float types), and go-yaml v2's emitter writes it: keys sorted in
/// go-yaml's "natural" order, block style, sequences at their key's indent, 2-space indent,
/// strings quoted only when needed, multi-line strings as `|` blocks, long plain and quoted
/// strings folded at column 80.
///
/// ```swift
/// HelmYAML.marshal(.map(["b": .list([.int(1)]), "a": .string("yes")]))
/// // "a: \"yes\"\nb:\n- 1\n"
/// ```
public enum HelmYAML {
    /// Deepest nesting the emitters write (they recurse once per level); deeper values are a
    /// `MarshalError.tooDeep` (`marshal` and `emit` then print nothing).
    public static let maxDepth = 9_999  // depth counts from 0: 10,000 levels, as Go's YAML decoder

    /// What `sigs.k8s.io/yaml.Marshal` refuses to encode.
    public enum MarshalError: Error, Sendable, Equatable, CustomStringConvertible {
        /// `encoding/json` has no text for NaN and ±Inf.
        case unsupportedFloat(Double)
        /// A character go-yaml's reader rejects when it reads the JSON text back
        /// (U+007F...U+009F except U+0085, U+FFFE, U+FFFF).
        case unreadableCharacter(UInt32)
        /// A string holding U+0085 followed by `---` or `...`: a document marker to go-yaml.
        case documentMarkerInString
        /// A map key go-yaml cannot read back as a simple key of the JSON text: one holding
        /// U+0085 (a line break to YAML), or one whose JSON form is longer than 1024 characters.
        case unreadableKey(String)
        /// Nested deeper than `HelmYAML.maxDepth` (meshrender's bound; Go has none).
        case tooDeep(Int)

        public var description: String {
            switch self {
            case .unsupportedFloat(let f):
                return "error marshaling into JSON: json: unsupported value: \(GoFormat.float(f))"
            case .unreadableCharacter(let c):
                let hex = String(c, radix: 16, uppercase: false)
                return "yaml: control characters are not allowed (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
            case .documentMarkerInString:
                return "yaml: found unexpected document indicator while scanning a quoted scalar"
            case .tooDeep(let n):
                return "yaml: value nested deeper than \(n) levels"
            case .unreadableKey(let key):
                return "yaml: did not find expected ',' or '}' (map key of \(key.unicodeScalars.count) characters)"
            }
        }
    }

    /// `sigs.k8s.io/yaml.Marshal(v)` as text, or the error it would return.
    /// The result ends with a newline (or is `{}`/`[]`-style text followed by one).
    public static func marshalChecked(_ v: Value) throws(MarshalError) -> String {
        var emitter = BlockEmitter()
        try emitter.emitValueDocument(v)
        return emitter.output
    }

    /// `sigs.k8s.io/yaml.Marshal(v)` as text; `""` where Go fails (see `MarshalError`: NaN or
    /// ±Inf anywhere in `v`, characters go-yaml cannot read back), which is also what Helm's
    /// `toYaml` prints then.
    public static func marshal(_ v: Value) -> String {
        (try? marshalChecked(v)) ?? ""
    }

    /// Helm's `toYaml`: `marshal(v)` without its final newline.
    public static func toYaml(_ v: Value) -> String {
        String(decoding: toYamlBytes(v), as: UTF8.self)
    }

    /// `toYaml(v)` as UTF-8 bytes (for writers that copy it on, indented, into their own buffer).
    public static func toYamlBytes(_ v: Value) -> [UInt8] {
        var emitter = BlockEmitter()
        do {
            try emitter.emitValueDocument(v)
        } catch {
            return []
        }
        if emitter.bytes.last == UInt8(ascii: "\n") { emitter.bytes.removeLast() }
        return emitter.bytes
    }

    /// Helm's `toYamlPretty`: go-yaml v3's encoder with a 2-space indent, final newline trimmed.
    /// Unlike `toYaml` there is no JSON step: sequences are indented under their key, long
    /// strings are not folded, floats print as Go's `%g` (`1e+06` for a float64 1000000, so
    /// file-loaded integers print as `toYaml` would only below 1e+06), NaN/±Inf as `.nan`/`.inf`.
    public static func toYamlPretty(_ v: Value) -> String {
        var emitter = BlockEmitter(layout: .goYAMLv3)
        do {
            try emitter.emitDocument(GoValueV3(value: v))
        } catch {
            return ""
        }
        var text = emitter.output
        if text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
        return text
    }

    /// Writes a parsed document in the same style as `marshal`, but keeps every mapping's keys
    /// in the order they were written (for manifests and YAML blocks in diffs).
    ///
    /// Numbers are written as `marshal` writes them (an integral float such as `8080.0` prints
    /// `8080`); NaN and ±Inf, which `marshal` refuses, print as go-yaml writes them
    /// (`.nan`, `.inf`, `-.inf`). The result ends with a newline.
    public static func emit(_ node: Node) -> String {
        var emitter = BlockEmitter()
        // Nodes have no unencodable values (NaN and ±Inf are written as go-yaml writes them);
        // only a node nested deeper than `maxDepth` (never a parsed one) fails.
        do {
            try emitter.emitDocument(node)
        } catch {
            return ""
        }
        return emitter.output
    }

    /// `emit(node)` for every document, each but the first introduced by `---`.
    public static func emitStream(_ nodes: [Node]) -> String {
        var out = ""
        for (i, node) in nodes.enumerated() {
            if i > 0 { out += "---\n" }
            out += emit(node)
        }
        return out
    }
}
