/// Reads one schema object's keywords into a ``Schema``, as its draft defines them.
struct KeywordReader {
    let compiler: SchemaCompiler
    let object: JSONObject
    let position: SchemaIndex.Position
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
        for (name, _) in object["properties"]?.object?.members ?? [] {
            let s = try sub("properties", name)!
            schema.properties.append((name, s))
            schema.propertyIndex[name] = s
        }
        for (source, _) in object["patternProperties"]?.object?.members ?? [] {
            guard let matcher = PatternMatcher(source) else {
                throw SchemaError("invalid regex \(GoQuoted(source)) at \(GoQuoted(schema.location + "/patternProperties")): error parsing regexp")
            }
            schema.patternProperties.append((matcher, try sub("patternProperties", source)!))
        }
        schema.additionalProperties = try additional("additionalProperties")
        for (name, value) in object["dependencies"]?.object?.members ?? [] {
            if let names = value.array {
                schema.dependencies.append((name, .required(names.compactMap(\.string))))
            } else if let s = try sub("dependencies", name) {
                schema.dependencies.append((name, .schema(s)))
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
        for (name, _) in object["dependentSchemas"]?.object?.members ?? [] {
            schema.dependentSchemas.append((name, try sub("dependentSchemas", name)!))
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

    private func child(_ tokens: [String]) -> SchemaIndex.Position {
        SchemaIndex.Position(document: position.document, pointer: position.pointer + tokens.map { "/" + JSONPointer.escape($0) }.joined())
    }

    private func sub(_ tokens: String...) throws(SchemaError) -> Schema? {
        var node: JSON? = .object(object)
        for t in tokens { node = node?.object?[t] }
        guard let node else { return nil }
        return try compiler.schema(at: child(tokens), node: node)
    }

    private func subs(_ keyword: String) throws(SchemaError) -> [Schema] {
        var out: [Schema] = []
        for (i, node) in (object[keyword]?.array ?? []).enumerated() {
            out.append(try compiler.schema(at: child([keyword, String(i)]), node: node))
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
