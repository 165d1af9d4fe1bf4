import GoValues
import Diagnostics
import YAML

/// Helm's serialization functions: `toYaml` is sigs.k8s.io/yaml's Marshal without the final
/// newline, `toJson` Go's `encoding/json` (HTML-escaping, sorted keys); each returns `""` where
/// Go fails (NaN, ±Inf), the `must` variants fail instead. YAML read by `fromYaml` goes through
/// JSON in Helm, so every number comes back as a float64.
enum SerializationFunctions {
    static let table: [String: FunctionBody] = [
        "toYaml": { a in
            try Arguments("toYaml", a).expect(1)
            return .string(HelmYAML.toYaml(a[0]))
        },
        "mustToYaml": { a in
            try Arguments("mustToYaml", a).expect(1)
            do {
                var text = try HelmYAML.marshalChecked(a[0])
                if text.hasSuffix("\n") { text.removeLast() }
                return .string(text)
            } catch {
                throw callFailure("\(error)")
            }
        },
        "toYamlPretty": { a in
            try Arguments("toYamlPretty", a).expect(1)
            return .string(HelmYAML.toYamlPretty(a[0]))
        },
        "toJson": { a in
            try Arguments("toJson", a).expect(1)
            return .string(GoJSON.encode(a[0]))
        },
        "mustToJson": { a in
            try Arguments("mustToJson", a).expect(1)
            do { return .string(try GoJSON.encodeChecked(a[0])) } catch { throw callFailure("\(error)") }
        },
        "toPrettyJson": { a in
            try Arguments("toPrettyJson", a).expect(1)
            return .string(GoJSON.encodeIndented(a[0]))
        },
        "mustToPrettyJson": { a in
            try Arguments("mustToPrettyJson", a).expect(1)
            do { return .string(try GoJSON.encodeIndentedChecked(a[0])) } catch { throw callFailure("\(error)") }
        },
        "toRawJson": { a in
            try Arguments("toRawJson", a).expect(1)
            do { return .string(try GoJSON.encodeChecked(a[0], escapeHTML: false)) } catch { throw callFailure("\(error)") }
        },
        "mustToRawJson": { a in
            try Arguments("mustToRawJson", a).expect(1)
            do { return .string(try GoJSON.encodeChecked(a[0], escapeHTML: false)) } catch { throw callFailure("\(error)") }
        },
        "fromJson": { a in
            let args = Arguments("fromJson", a)
            try args.expect(1)
            return GoJSON.helmFromJson(ByteString.runes(try args.string(0)))
        },
        "fromJsonArray": { a in
            let args = Arguments("fromJsonArray", a)
            try args.expect(1)
            return GoJSON.helmFromJsonArray(ByteString.runes(try args.string(0)))
        },
        "mustFromJson": { a in
            let args = Arguments("mustFromJson", a)
            try args.expect(1)
            do { return try GoJSON.decode(ByteString.runes(try args.string(0))) } catch { throw callFailure((error as? GoJSON.DecodeError)?.message ?? "\(error)") }
        },
        "fromYaml": { a in
            let args = Arguments("fromYaml", a)
            try args.expect(1)
            return fromYaml(try args.string(0))
        },
        "fromYamlArray": { a in
            let args = Arguments("fromYamlArray", a)
            try args.expect(1)
            return fromYamlArray(try args.string(0))
        },
    ]

    /// The first document of `text` as Helm's JSON round trip leaves it.
    static func parseYAMLAsJSON(_ text: String) -> Result<Value, YAMLError> {
        if let problem = utf8Problem(text) { return .failure(YAMLError(.syntax(problem), at: Mark(file: "<fromYaml>", line: 0, column: 0), goLine: nil)) }
        do {
            let docs = try YAMLParser(duplicateKeys: .lastWins).parseAll(text, file: "<fromYaml>")
            return .success(jsonNumbers(docs.first?.toValue() ?? .null))
        } catch {
            return .failure(error)
        }
    }

    /// How go-yaml's reader refuses bytes of `text` that are not UTF-8 (nil when there are none):
    /// it checks a sequence's lead byte, then its continuation bytes, then that it is complete.
    static func utf8Problem(_ text: String) -> String? {
        guard ByteString.mayHoldBytes(text), ByteString.normalized(text).unicodeScalars.contains(where: { ByteString.byte($0) != nil })
        else { return nil }
        let b = ByteString.bytes(text)
        var i = 0
        while i < b.count {
            let lead = b[i]
            let width = lead < 0x80 ? 1 : lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
            if width == 0 { return "invalid leading UTF-8 octet" }
            if i + width > b.count { return "incomplete UTF-8 octet sequence" }
            var value = UInt32(width == 1 ? lead : lead & (0xFF >> (width + 1)))
            for k in 1..<max(width, 1) where width > 1 {
                if b[i + k] & 0xC0 != 0x80 { return "invalid trailing UTF-8 octet" }
                value = value << 6 | UInt32(b[i + k] & 0x3F)
            }
            let shortest: UInt32 = [0, 0, 0x80, 0x800, 0x10000][width]
            if value < shortest { return "invalid length of a UTF-8 sequence" }
            if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return "invalid Unicode character" }
            i += width
        }
        return nil
    }

    /// Every integer becomes a float64, as `encoding/json` decodes numbers into `interface{}`.
    static func jsonNumbers(_ v: Value) -> Value {
        switch v {
        case .int(let i), .int64(let i): return .float(Double(i))
        case .list(let l): return .list(l.map(jsonNumbers))
        case .map(let m): return .map(m.mapValues(jsonNumbers))
        default: return v
        }
    }

    static func jsonKind(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .int64, .float: return "number"
        case .string: return "string"
        case .list, .nilList: return "array"
        case .map: return "object"
        }
    }

    /// `fromYaml`: a map; a parse failure or a non-map document gives `{Error: message}`.
    static func fromYaml(_ text: String) -> Value {
        switch parseYAMLAsJSON(text) {
        case .failure(let e):
            return .map(["Error": .string("error converting YAML to JSON: \(e.goDescription)")])
        case .success(let v):
            switch v {
            case .map, .null: return v == .null ? .map([:]) : v
            default:
                return .map(["Error": .string(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")])
            }
        }
    }

    /// `fromYamlArray`: a list; a failure gives a one-element list holding the message.
    static func fromYamlArray(_ text: String) -> Value {
        switch parseYAMLAsJSON(text) {
        case .failure(let e):
            return .list([.string("error converting YAML to JSON: \(e.goDescription)")])
        case .success(let v):
            switch v {
            case .list: return v
            case .null: return .list([])
            default:
                return .list([.string(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
            }
        }
    }
}
