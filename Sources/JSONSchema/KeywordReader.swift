/// Reads one schema object's keywords into a ``Schema``, as its draft defines them.
struct KeywordReader {
    let compiler: SchemaCompiler
    let object: JSONObject
    let position: SchemaPosition
    let base: String
    let schema: Schema

    private var draft: Draft { schema.draft }

    func read() throws(SchemaError) {
        if let ref = object["$ref"]?.string {
            schema.ref = try compiler.resolve(ref, base: base)
            // Before 2019-09 every keyword next to `$ref` is ignored.
            if draft < .draft2019 { return }
        }
        try readApplicators()
        try readValidation()
        if draft >= .draft6 {
            schema.contains = try sub("contains")
            schema.propertyNames = try sub("propertyNames")
            schema.constant = object["const"]
        }
        if draft >= .draft7, object["if"] != nil {
            schema.ifSchema = try sub("if")
            let condition = object["if"]?.bool
            if condition ?? true { schema.thenSchema = try sub("then") }
            if !(condition ?? false) { schema.elseSchema = try sub("else") }
        }
        if draft >= .draft2019 { try readDraft2019() }
        if draft >= .draft2020 { try readDraft2020() }
    }

    private func readApplicators() throws(SchemaError) {
        schema.allOf = try subs("allOf")
        schema.anyOf = try subs("anyOf")
        schema.oneOf = try subs("oneOf")
        schema.not = try sub("not")
        if draft < .draft2020, let items = object["items"] {
            if items.array != nil {
                schema.itemsTuple = try subs("items")
                schema.additionalItems = try additional("additionalItems")
            } else {
                schema.items = try sub("items")
            }
        }
        if let members = object["properties"]?.object?.members {
            let holder = position.child("properties")
            schema.properties.reserveCapacity(members.count)
            schema.propertyIndex.reserveCapacity(members.count)
            for (name, node) in members {
                let s = try sub(holder, name, node)
                schema.properties.append((name, s))
                schema.propertyIndex[name] = s
            }
        }
        if let members = object["patternProperties"]?.object?.members {
            let holder = position.child("patternProperties")
            for (source, node) in members {
                guard let matcher = PatternMatcher(source) else {
                    throw SchemaError("invalid regex \(GoQuoted(source)) at \(GoQuoted(schema.location + "/patternProperties")): error parsing regexp")
                }
                schema.patternProperties.append((matcher, try sub(holder, source, node)))
            }
        }
        schema.additionalProperties = try additional("additionalProperties")
        if let members = object["dependencies"]?.object?.members {
            let holder = position.child("dependencies")
            for (name, value) in members {
                if let names = value.array {
                    schema.dependencies.append((name, .required(names.compactMap(\.string))))
                } else {
                    schema.dependencies.append((name, .schema(try sub(holder, name, value))))
                }
            }
        }
    }

    private func readValidation() throws(SchemaError) {
        if let type = object["type"] {
            let names = type.string.map { [$0] } ?? type.array?.compactMap(\.string) ?? []
            let order = ["null", "boolean", "number", "integer", "string", "array", "object"]
            let types = order.filter(names.contains)
            if !types.isEmpty { schema.types = types }
        }
        schema.enumeration = object["enum"]?.array
        schema.multipleOf = object["multipleOf"]?.number
        schema.maximum = object["maximum"]?.number
        if object["exclusiveMaximum"]?.bool == true {
            schema.exclusiveMaximum = schema.maximum
            schema.maximum = nil
        } else {
            schema.exclusiveMaximum = object["exclusiveMaximum"]?.number
        }
        schema.minimum = object["minimum"]?.number
        if object["exclusiveMinimum"]?.bool == true {
            schema.exclusiveMinimum = schema.minimum
            schema.minimum = nil
        } else {
            schema.exclusiveMinimum = object["exclusiveMinimum"]?.number
        }
        schema.minLength = int("minLength")
        schema.maxLength = int("maxLength")
        if let source = object["pattern"]?.string {
            guard let matcher = PatternMatcher(source) else {
                throw SchemaError("invalid regex \(GoQuoted(source)) at \(GoQuoted(schema.location + "/pattern")): error parsing regexp")
            }
            schema.pattern = (source, matcher)
        }
        schema.minItems = int("minItems")
        schema.maxItems = int("maxItems")
        schema.uniqueItems = object["uniqueItems"]?.bool ?? false
        schema.maxProperties = int("maxProperties")
        schema.minProperties = int("minProperties")
        schema.required = object["required"]?.array?.compactMap(\.string) ?? []
        if draft.assertsFormat, let format = object["format"]?.string, Formats.isKnown(format) { schema.format = format }
    }

    private func readDraft2019() throws(SchemaError) {
        if let ref = object["$recursiveRef"]?.string { schema.recursiveRef = try compiler.resolve(ref, base: base) }
        schema.recursiveAnchor = object["$recursiveAnchor"]?.bool ?? false
        if schema.contains != nil {
            schema.minContains = int("minContains")
            schema.maxContains = int("maxContains")
        }
        for (name, value) in object["dependentRequired"]?.object?.members ?? [] {
            if let names = value.array { schema.dependentRequired.append((name, names.compactMap(\.string))) }
        }
        if let members = object["dependentSchemas"]?.object?.members {
            let holder = position.child("dependentSchemas")
            for (name, node) in members {
                schema.dependentSchemas.append((name, try sub(holder, name, node)))
            }
        }
        schema.unevaluatedItems = try sub("unevaluatedItems")
        schema.unevaluatedProperties = try sub("unevaluatedProperties")
    }

    private func readDraft2020() throws(SchemaError) {
        if let ref = object["$dynamicRef"]?.string {
            let target = try compiler.resolve(ref, base: base)
            let fragment = URIReference.split(ref).fragment
            let anchor = fragment.flatMap { $0.isEmpty || $0.hasPrefix("/") ? nil : $0 }
            schema.dynamicRef = (target, anchor)
        }
        schema.dynamicAnchor = object["$dynamicAnchor"]?.string
        schema.prefixItems = try subs("prefixItems")
        schema.items = try sub("items")
    }

    // MARK: helpers

    private func sub(_ keyword: String) throws(SchemaError) -> Schema? {
        guard let node = object[keyword] else { return nil }
        return try compiler.schema(at: position.child(keyword), node: node)
    }

    /// The subschema `name` of the map under `keyword`, at `holder` (that map's location).
    private func sub(_ holder: SchemaPosition, _ name: String, _ node: JSON) throws(SchemaError) -> Schema {
        try compiler.schema(at: holder.child(name), node: node)
    }

    private func subs(_ keyword: String) throws(SchemaError) -> [Schema] {
        guard let nodes = object[keyword]?.array else { return [] }
        let holder = position.child(keyword)
        var out: [Schema] = []
        out.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            out.append(try compiler.schema(at: holder.child(String(i)), node: node))
        }
        return out
    }

    private func additional(_ keyword: String) throws(SchemaError) -> Schema.Subschema? {
        if let b = object[keyword]?.bool { return .allowed(b) }
        return try sub(keyword).map { .schema($0) }
    }

    private func int(_ keyword: String) -> Int? {
        guard let n = object[keyword]?.number, n.isInteger, let i = Int(exactly: n.double) else { return nil }
        return i
    }
}
