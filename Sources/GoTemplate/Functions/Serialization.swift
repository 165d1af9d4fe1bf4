import YAMLCore

/// Helm's serialization functions. YAML read by `fromYaml` goes through JSON in Helm
/// (sigs.k8s.io/yaml), so every number comes back as a float64.
enum SerializationFunctions {
    static let table: [String: FunctionBody] = [
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
        do {
            let docs = try YAMLParser().parseAll(text, file: "<fromYaml>")
            return .success(jsonNumbers(docs.first?.toValue() ?? .null))
        } catch {
            return .failure(error)
        }
    }

    /// Every integer becomes a float64, as `encoding/json` decodes numbers into `interface{}`.
    static func jsonNumbers(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .float(Double(i))
        case .list(let l): return .list(l.map(jsonNumbers))
        case .map(let m): return .map(m.mapValues(jsonNumbers))
        default: return v
        }
    }

    static func jsonKind(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .float: return "number"
        case .string: return "string"
        case .list: return "array"
        case .map: return "object"
        }
    }

    /// `fromYaml`: a map; a parse failure or a non-map document gives `{Error: message}`.
    static func fromYaml(_ text: String) -> Value {
        switch parseYAMLAsJSON(text) {
        case .failure(let e):
            return .map(["Error": .string("error converting YAML to JSON: yaml: line \(e.mark.line): \(e.message)")])
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
            return .list([.string("error converting YAML to JSON: yaml: line \(e.mark.line): \(e.message)")])
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
