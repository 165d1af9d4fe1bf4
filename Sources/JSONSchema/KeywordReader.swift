/// Reads one schema object's keywords into a ``Schema``, as its draft defines them. A field is stored only when
/// the object has its keyword: a new schema's fields are already empty, and most objects have few keywords.
struct KeywordReader {
    let compiler: SchemaCompiler
    let keywords: KeywordValues
    let position: SchemaPosition
    /// The schema's base URI, draft and resource, which its subschemas share unless the index found their own.
    let scope: SchemaIndex.Scope
    let schema: Schema

    private var base: String { scope.base }

    private var draft: Draft { schema.draft }

    func read() throws(SchemaError) {
        if let ref = keywords[.ref]?.string {
            schema.ref = try compiler.resolve(ref, base: base)
            // Before 2019-09 every keyword next to `$ref` is ignored.
            if draft < .draft2019 { return }
        }
        try readApplicators()
        try readValidation()
        if draft >= .draft6 {
            if keywords.has(.contains) { schema.contains = try sub(.contains) }
            if keywords.has(.propertyNames) { schema.propertyNames = try sub(.propertyNames) }
            if let constant = keywords[.const] { schema.constant = constant }
        }
        if draft >= .draft7, keywords[.if] != nil {
            schema.ifSchema = try sub(.if)
            let condition = keywords[.if]?.bool
            if condition ?? true { schema.thenSchema = try sub(.then) }
            if !(condition ?? false) { schema.elseSchema = try sub(.else) }
        }
        if draft >= .draft2019 { try readDraft2019() }
        if draft >= .draft2020 { try readDraft2020() }
    }

    private func readApplicators() throws(SchemaError) {
        if keywords.has(.allOf) { schema.allOf = try subs(.allOf) }
        if keywords.has(.anyOf) { schema.anyOf = try subs(.anyOf) }
        if keywords.has(.oneOf) { schema.oneOf = try subs(.oneOf) }
        if keywords.has(.notKeyword) { schema.not = try sub(.notKeyword) }
        if draft < .draft2020, let items = keywords[.items] {
            if items.array != nil {
                schema.itemsTuple = try subs(.items)
                if keywords.has(.additionalItems) { schema.additionalItems = try additional(.additionalItems) }
            } else {
                schema.items = try sub(.items)
            }
        }
        if let members = keywords[.properties]?.object?.members {
            let holder = position.child(Keyword.properties.name)
            holder.reserveChildren(members.count)
            schema.properties.reserveCapacity(members.count)
            schema.propertyIndex.reserveCapacity(members.count)
            for (name, node) in members {
                let s = try sub(holder, name, node)
                schema.properties.append((name, s))
                schema.propertyIndex[name] = s
            }
        }
        if let members = keywords[.patternProperties]?.object?.members {
            let holder = position.child(Keyword.patternProperties.name)
            for (source, node) in members {
                guard let matcher = PatternMatcher(source) else {
                    throw SchemaError("invalid regex \(GoQuoted(source)) at \(GoQuoted(schema.location + "/patternProperties")): error parsing regexp")
                }
                schema.patternProperties.append((matcher, try sub(holder, source, node)))
            }
        }
        if keywords.has(.additionalProperties) { schema.additionalProperties = try additional(.additionalProperties) }
        if let members = keywords[.dependencies]?.object?.members {
            let holder = position.child(Keyword.dependencies.name)
            for (name, value) in members {
                if let names = value.array {
                    schema.dependencies.append((name, .required(names.compactMap(\.string))))
                } else {
                    schema.dependencies.append((name, .schema(try sub(holder, name, value))))
                }
            }
        }
    }

    /// The JSON types in the order the validator checks them.
    private static let typeOrder = ["null", "boolean", "number", "integer", "string", "array", "object"]
    private static let singleTypes = typeOrder.map { [$0] }

    private func readValidation() throws(SchemaError) {
        if let type = keywords[.type] {
            if let name = type.string {
                // One name (the usual case): its list is made once.
                if let i = Self.typeOrder.firstIndex(of: name) { schema.types = Self.singleTypes[i] }
            } else {
                let names = type.array?.compactMap(\.string) ?? []
                let types = Self.typeOrder.filter(names.contains)
                if !types.isEmpty { schema.types = types }
            }
        }
        if let values = keywords[.enum]?.array { schema.enumeration = values }
        if keywords.hasAny(Self.bounds) { readBounds() }
        if let source = keywords[.pattern]?.string {
            guard let matcher = PatternMatcher(source) else {
                throw SchemaError("invalid regex \(GoQuoted(source)) at \(GoQuoted(schema.location + "/pattern")): error parsing regexp")
            }
            schema.pattern = (source, matcher)
        }
        if let unique = keywords[.uniqueItems]?.bool { schema.uniqueItems = unique }
        if let names = keywords[.required]?.array { schema.required = names.compactMap(\.string) }
        if draft.assertsFormat, let format = keywords[.format]?.string, Formats.isKnown(format) { schema.format = format }
    }

    /// The keywords ``readBounds()`` reads (most schemas have none).
    private static let bounds = KeywordValues.mask(
        .multipleOf, .maximum, .exclusiveMaximum, .minimum, .exclusiveMinimum, .minLength, .maxLength, .minItems, .maxItems,
        .maxProperties, .minProperties)

    /// The numeric and size bounds.
    private func readBounds() {
        if let n = keywords[.multipleOf]?.number { schema.multipleOf = n }
        // Draft 4 writes an exclusive bound as `maximum` with `exclusiveMaximum: true`.
        if let n = keywords[.maximum]?.number {
            if keywords[.exclusiveMaximum]?.bool == true { schema.exclusiveMaximum = n } else { schema.maximum = n }
        }
        if let n = keywords[.exclusiveMaximum]?.number { schema.exclusiveMaximum = n }
        if let n = keywords[.minimum]?.number {
            if keywords[.exclusiveMinimum]?.bool == true { schema.exclusiveMinimum = n } else { schema.minimum = n }
        }
        if let n = keywords[.exclusiveMinimum]?.number { schema.exclusiveMinimum = n }
        if let n = int(.minLength) { schema.minLength = n }
        if let n = int(.maxLength) { schema.maxLength = n }
        if let n = int(.minItems) { schema.minItems = n }
        if let n = int(.maxItems) { schema.maxItems = n }
        if let n = int(.maxProperties) { schema.maxProperties = n }
        if let n = int(.minProperties) { schema.minProperties = n }
    }

    private func readDraft2019() throws(SchemaError) {
        if let ref = keywords[.recursiveRef]?.string { schema.recursiveRef = try compiler.resolve(ref, base: base) }
        if let anchor = keywords[.recursiveAnchor]?.bool { schema.recursiveAnchor = anchor }
        if schema.contains != nil {
            if let n = int(.minContains) { schema.minContains = n }
            if let n = int(.maxContains) { schema.maxContains = n }
        }
        for (name, value) in keywords[.dependentRequired]?.object?.members ?? [] {
            if let names = value.array { schema.dependentRequired.append((name, names.compactMap(\.string))) }
        }
        if let members = keywords[.dependentSchemas]?.object?.members {
            let holder = position.child(Keyword.dependentSchemas.name)
            for (name, node) in members {
                schema.dependentSchemas.append((name, try sub(holder, name, node)))
            }
        }
        if keywords.has(.unevaluatedItems) { schema.unevaluatedItems = try sub(.unevaluatedItems) }
        if keywords.has(.unevaluatedProperties) { schema.unevaluatedProperties = try sub(.unevaluatedProperties) }
    }

    private func readDraft2020() throws(SchemaError) {
        if let ref = keywords[.dynamicRef]?.string {
            let target = try compiler.resolve(ref, base: base)
            let fragment = URIReference.split(ref).fragment
            let anchor = fragment.flatMap { $0.isEmpty || $0.hasPrefix("/") ? nil : $0 }
            schema.dynamicRef = (target, anchor)
        }
        if let anchor = keywords[.dynamicAnchor]?.string { schema.dynamicAnchor = anchor }
        if keywords.has(.prefixItems) { schema.prefixItems = try subs(.prefixItems) }
        if keywords.has(.items) { schema.items = try sub(.items) }
    }

    // MARK: helpers

    private func sub(_ keyword: Keyword) throws(SchemaError) -> Schema? {
        guard let node = keywords[keyword] else { return nil }
        return try compiler.schema(at: position.child(keyword.name), node: node, enclosing: scope)
    }

    /// The subschema `name` of the map under `keyword`, at `holder` (that map's location).
    private func sub(_ holder: SchemaPosition, _ name: String, _ node: JSON) throws(SchemaError) -> Schema {
        try compiler.schema(at: holder.child(name), node: node, enclosing: scope)
    }

    private func subs(_ keyword: Keyword) throws(SchemaError) -> [Schema] {
        guard let nodes = keywords[keyword]?.array else { return [] }
        let holder = position.child(keyword.name)
        holder.reserveChildren(nodes.count)
        var out: [Schema] = []
        out.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            out.append(try compiler.schema(at: holder.child(String(i)), node: node, enclosing: scope))
        }
        return out
    }

    private func additional(_ keyword: Keyword) throws(SchemaError) -> Schema.Subschema? {
        if let b = keywords[keyword]?.bool { return .allowed(b) }
        return try sub(keyword).map { .schema($0) }
    }

    private func int(_ keyword: Keyword) -> Int? {
        guard let n = keywords[keyword]?.number, n.isInteger, let i = Int(exactly: n.double) else { return nil }
        return i
    }
}
