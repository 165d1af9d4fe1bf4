import GoValues
import YAML

/// A compiled JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12; `$schema` picks, 2020-12 by
/// default) that validates values the way Helm 4 validates a chart's `values.schema.json`.
///
/// ```swift
/// let schema = try JSONSchema(bytes: schemaFile)
/// let violations = schema.validate(values)        // [] when valid
/// print(SchemaViolation.report(violations))       // - at '/policy': got null, want string
/// ```
public struct JSONSchema: @unchecked Sendable {
    /// The URI Helm gives a chart's schema (relative `$ref`s resolve against it).
    public static let valuesSchemaURL = "file:///values.schema.json"

    private let root: Schema
    private let compiler: SchemaCompiler

    /// Compiles the schema document `bytes` (JSON text) found at `url`. `documents` are further
    /// documents by URI (no fragment) that `$ref`s may name; no others are fetched.
    public init(
        bytes: [UInt8], url: String = JSONSchema.valuesSchemaURL, defaultDraft: Draft = .draft2020,
        documents: [String: JSON] = [:]
    ) throws(SchemaError) {
        try self.init(json: try JSONReader.read(bytes), url: url, defaultDraft: defaultDraft, documents: documents)
    }

    /// Compiles the schema document `json` found at `url`.
    public init(
        json: JSON, url: String = JSONSchema.valuesSchemaURL, defaultDraft: Draft = .draft2020,
        documents: [String: JSON] = [:]
    ) throws(SchemaError) {
        try MetaSchemaCheck.check(json, url: url, draft: defaultDraft)
        var all = documents
        all[url] = json
        compiler = SchemaCompiler(documents: all, defaultDraft: defaultDraft)
        root = try compiler.schema(at: compiler.root(of: url))
    }

    /// Reads JSON text (member order and number literals kept).
    public static func parse(_ bytes: [UInt8]) throws(SchemaError) -> JSON {
        try JSONReader.read(bytes)
    }

    /// The violations of `instance`, in the validator's order; empty when it is valid.
    public func validate(_ instance: JSON) -> [SchemaViolation] {
        guard let error = Validator.validate(instance, against: root) else { return [] }
        if case .group = error.kind { return error.causes }
        return [error]
    }

    /// The violations of a values tree (map keys visited in byte order: Helm's order is Go's
    /// random map order, so any fixed order is as faithful).
    public func validate(_ value: Value) -> [SchemaViolation] {
        validate(JSON(value))
    }
}

extension JSON {
    /// A values tree as JSON: maps with their keys in byte order, Go integers and floats as numbers.
    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i), .int64(let i): self = .number(JSONNumber(integer: i))
        case .float(let d): self = .number(JSONNumber(d))
        case .string(let s): self = .string(s)
        case .list(let items): self = .array(items.map(JSON.init))
        case .nilList: self = .array([])
        case .map(let m):
            var object = JSONObject()
            object.reserve(m.count)
            for key in m.keys.sorted(by: Value.goLess) { object.appendNew(key, JSON(m[key]!)) }
            self = .object(object)
        }
    }
}

extension JSON {
    /// A values tree as JSON, straight from its nodes (keys in byte order, as for ``init(_:)``).
    public init(node: Node) {
        switch node.kind {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .number(JSONNumber(integer: i))
        case .float(let d): self = .number(JSONNumber(d))
        case .string(let s): self = .string(s)
        case .sequence(let items): self = .array(items.map(JSON.init(node:)))
        case .mapping(let m):
            var object = JSONObject()
            object.reserve(m.count)
            for (key, value) in m.entries.sorted(by: { Value.goLess($0.key, $1.key) }) { object.appendNew(key, JSON(node: value)) }
            self = .object(object)
        }
    }
}
