/// Compiles schema documents into ``Schema`` graphs: each location once, `$ref`s resolved
/// against the base URI in scope (resources, anchors, JSON pointers).
final class SchemaCompiler {
    private var documents: [String: JSON]
    private var index = SchemaIndex()
    private var compiled: [SchemaIndex.Position: Schema] = [:]
    private let defaultDraft: Draft
    private var indexed: Set<String> = []

    init(documents: [String: JSON], defaultDraft: Draft) {
        self.documents = documents
        self.defaultDraft = defaultDraft
    }

    /// Indexes the document at `url` the first time it is needed.
    private func ensureIndexed(_ url: String) {
        guard index.resources[url] == nil, !indexed.contains(url), let document = documents[url] else { return }
        indexed.insert(url)
        index.add(document: document, url: url, draft: defaultDraft)
    }

    /// The compiled schema at `position`; `known` is the JSON there when the caller holds it already
    /// (a subschema of the object being read), so it is not looked up from the document's root again.
    func schema(at position: SchemaIndex.Position, node known: JSON? = nil) throws(SchemaError) -> Schema {
        if let done = compiled[position] { return done }
        ensureIndexed(position.document)
        guard let node = known ?? documents[position.document].flatMap({ JSONPointer.lookup(position.pointer, in: $0) }) else {
            throw SchemaError("json-pointer in \(GoQuoted(position.document + "#" + position.pointer)) not found")
        }
        let scope = index.scope(of: position) ?? (position.document, defaultDraft, SchemaIndex.Position(document: position.document, pointer: ""))
        let schema = Schema(location: position.document + "#" + position.pointer, draft: scope.draft)
        compiled[position] = schema
        schema.resource = scope.resource == position ? schema : try self.schema(at: scope.resource)
        switch node {
        case .bool(let b): schema.boolean = b
        case .object(let o) where o.count == 0: schema.boolean = true
        case .object(let o):
            try KeywordReader(compiler: self, object: o, position: position, base: scope.base, schema: schema).read()
            if scope.resource == position {
                for (name, anchored) in index.dynamicAnchors[position] ?? [] {
                    schema.dynamicAnchors[name] = try self.schema(at: anchored)
                }
            }
        default:
            throw SchemaError("\(GoQuoted(schema.location)) is not valid against metaschema: schema must be an object or a boolean")
        }
        return schema
    }

    private var metaSchemas: [Draft: Schema] = [:]

    /// The stand-in for a draft's meta-schema (the meta-schemas themselves are not bundled).
    private func metaSchema(_ draft: Draft) -> Schema {
        if let known = metaSchemas[draft] { return known }
        let schema = Schema(location: draft.metaSchemaURL, draft: draft)
        schema.metaSchemaOf = draft
        schema.resource = schema
        metaSchemas[draft] = schema
        return schema
    }

    /// The schema a reference names, resolved against `base`.
    func resolve(_ reference: String, base: String) throws(SchemaError) -> Schema {
        let absolute = URIReference.resolve(reference, against: base)
        let (uri, fragment) = URIReference.split(absolute)
        ensureIndexed(uri)
        if index.resources[uri] == nil, fragment?.isEmpty ?? true, let draft = Draft(metaSchema: uri) {
            return metaSchema(draft)
        }
        guard let resource = index.resources[uri] else {
            throw SchemaError("failing loading \(GoQuoted(uri)): no schema document at this location")
        }
        guard let fragment, !fragment.isEmpty else { return try schema(at: resource) }
        if fragment.hasPrefix("/") {
            return try schema(at: SchemaIndex.Position(document: resource.document, pointer: resource.pointer + fragment))
        }
        guard let anchored = index.anchors[uri + "#" + fragment] else {
            throw SchemaError("anchor in \(GoQuoted(absolute)) not found in schema \(GoQuoted(uri))")
        }
        return try schema(at: anchored)
    }
}

/// Go's `%q` of a string.
func GoQuoted(_ s: String) -> String {
    GoQuote.quote(s)
}

import YAMLCore
