import GoValues
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
            return ParsedTextMemo.fromYaml.value(for: try args.string(0), fromYaml)
        },
        "fromYamlArray": { a in
            let args = Arguments("fromYamlArray", a)
            try args.expect(1)
            return fromYamlArray(try args.string(0))
        },
    ]

    /// The first document of `text` as Helm's JSON round trip leaves it.
    static func parseYAMLAsJSON(_ text: String) -> Result<Value, YAMLError> {
        if let problem = HelmYAML.byteError(text, file: "<fromYaml>") { return .failure(problem) }
        do {
            // Integers become floats as the parser makes them (JSON's numbers), not in a second walk over the value.
            var parser = YAMLParser(duplicateKeys: .lastWins)
            parser.jsonNumbers = true
            parser.pipelines = false
            let docs = try parser.parseStream(bytes: text.utf8, file: "<fromYaml>").documents
            return .success(docs.first?.toValue() ?? .null)
        } catch {
            return .failure(error)
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
