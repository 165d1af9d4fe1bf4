/// Compiles schema documents into ``Schema`` graphs: each location once, `$ref`s resolved
/// against the base URI in scope (resources, anchors, JSON pointers).
final class SchemaCompiler {
    private var documents: [String: JSON]
    private var index = SchemaIndex()
    private let defaultDraft: Draft
    /// Document URI → the root of its tree of locations (indexed when the document exists).
    private var roots: [String: SchemaPosition] = [:]

    init(documents: [String: JSON], defaultDraft: Draft) {
        self.documents = documents
        self.defaultDraft = defaultDraft
    }

    /// The root location of the document at `url`, its document indexed the first time it is needed.
    func root(of url: String) -> SchemaPosition {
        if let known = roots[url] { return known }
        let root = SchemaPosition(document: url)
        roots[url] = root
        if index.resources[url] == nil, let document = documents[url] {
            index.add(document: document, root: root, draft: defaultDraft)
        }
        return root
    }

    /// The compiled schema at `position`; `known` is the JSON there when the caller holds it already
    /// (a subschema of the object being read), so it is not looked up from the document's root again.
    /// `enclosing` is the scope of the schema object being read when `position` is one of its subschemas: the
    /// scope the position has when the index gave it none (the index gives none to the locations between).
    func schema(at position: SchemaPosition, node known: JSON? = nil, enclosing: SchemaIndex.Scope? = nil) throws(SchemaError) -> Schema {
        if let done = position.schema { return done }
        guard let node = known ?? documents[position.document].flatMap({ JSONPointer.lookup(position.pointer, in: $0) }) else {
            throw SchemaError("json-pointer in \(GoQuoted(position.location)) not found")
        }
        let scope = position.scope ?? enclosing ?? position.nearestScope
            ?? SchemaIndex.Scope(base: position.document, draft: defaultDraft, resource: root(of: position.document))
        // Kept here, so the subschemas under it find it one step up.
        if position.scope == nil, position.parent != nil { position.scope = scope }
        let schema = Schema(position: position, draft: scope.draft)
        position.schema = schema
        if scope.resource === position {
            schema.resource = schema
        } else if let compiled = scope.resource.schema {
            schema.resource = compiled
        } else {
            schema.resource = try self.schema(at: scope.resource)
        }
        switch node {
        case .bool(let b): schema.boolean = b
        case .object(let o) where o.count == 0: schema.boolean = true
        case .object(let o):
            try KeywordReader(compiler: self, keywords: KeywordValues(o), position: position, scope: scope, schema: schema).read()
            if scope.resource === position {
                for (name, anchored) in position.dynamicAnchors {
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
        let schema = Schema(position: nil, draft: draft)
        schema.metaSchemaOf = draft
        schema.resource = schema
        metaSchemas[draft] = schema
        return schema
    }

    /// The schema a reference names, resolved against `base`.
    func resolve(_ reference: String, base: String) throws(SchemaError) -> Schema {
        let absolute = URIReference.resolve(reference, against: base)
        let (uri, fragment) = URIReference.split(absolute)
        if documents[uri] != nil { _ = root(of: uri) }
        if index.resources[uri] == nil, fragment?.isEmpty ?? true, let draft = Draft(metaSchema: uri) {
            return metaSchema(draft)
        }
        guard let resource = index.resources[uri] else {
            throw SchemaError("failing loading \(GoQuoted(uri)): no schema document at this location")
        }
        guard let fragment, !fragment.isEmpty else { return try schema(at: resource) }
        if fragment.hasPrefix("/") {
            var target = resource
            for token in JSONPointer.tokens(fragment) { target = target.child(token) }
            if let done = target.schema { return done }
            let pointer = resource.pointer + fragment
            guard let node = documents[resource.document].flatMap({ JSONPointer.lookup(pointer, in: $0) }) else {
                throw SchemaError("json-pointer in \(GoQuoted(resource.document + "#" + pointer)) not found")
            }
            return try schema(at: target, node: node)
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

import GoValues
